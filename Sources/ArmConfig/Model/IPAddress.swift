import ArmCore

/// An IPv4 or IPv6 address as written in `cluster.toml` (config-and-files §1.4–§1.11).
package struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 bytes (IPv6), network order.
    package var bytes: [UInt8]

    /// Whether this is an IPv4 address.
    package var isIPv4: Bool { bytes.count == 4 }

    /// Bits in the address: 32 or 128.
    package var bitCount: Int { bytes.count * 8 }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (no zone index); nil if it is neither.
    package init?(_ text: String) {
        if let v4 = IPAddress.parseIPv4(Substring(text)) {
            bytes = v4
        } else if let v6 = IPAddress.parseIPv6(text) {
            bytes = v6
        } else {
            return nil
        }
    }

    /// Creates an address from raw bytes (4 or 16).
    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// 127.0.0.0/8 or ::1.
    package var isLoopback: Bool {
        if isIPv4 { return bytes[0] == 127 }
        return bytes == [UInt8](repeating: 0, count: 15) + [1]
    }

    /// Whether the first `prefix` bits equal those of `other` (same family).
    package func sharesPrefix(_ prefix: Int, with other: IPAddress) -> Bool {
        guard bytes.count == other.bytes.count else { return false }
        var remaining = max(0, min(prefix, bitCount))
        for offset in 0..<bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[offset] & mask != other.bytes[offset] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Canonical text (dotted quad, or lowercase IPv6 with the longest zero run compressed).
    package var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [UInt16] = []
        for offset in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]))
        }
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for (offset, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = offset }
                let length = offset - runStart + 1
                if length > bestLength && length > 1 {
                    bestStart = runStart
                    bestLength = length
                }
            } else {
                runStart = -1
            }
        }
        func hex(_ slice: ArraySlice<UInt16>) -> String {
            slice.map { String($0, radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(groups[...]) }
        return hex(groups[0..<bestStart]) + "::" + hex(groups[(bestStart + bestLength)...])
    }

    private static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let value = UInt8(part)
            else { return nil }
            result.append(value)
        }
        return result
    }

    private static func parseIPv6(_ text: String) -> [UInt8]? {
        guard text.contains(":"), text.allSatisfy({ $0.isASCII }) else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            var result: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if allowIPv4Tail, offset == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    result += v4
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                result += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return result
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], allowIPv4Tail: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowIPv4Tail: false),
            let tail = groups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 14
        else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

extension String {
    /// Splits on the first occurrence of a separator (stdlib has no `components(separatedBy:)`).
    fileprivate func components(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}

/// An `address/prefix` value (config-and-files §1.6: IPv4 or IPv6).
package struct CIDRAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host address.
    package var address: IPAddress
    /// Prefix length.
    package var prefix: Int

    /// Creates a value.
    package init(address: IPAddress, prefix: Int) {
        self.address = address
        self.prefix = prefix
    }

    /// Parses `address/prefix`, or says why not (the REASON of V12).
    package static func parse(_ text: String) -> Result<CIDRAddress, AddressSyntaxError> {
        guard let slash = text.firstIndex(of: "/") else { return .failure(.init("expected address/prefix")) }
        let host = String(text[..<slash])
        let prefixText = text[text.index(after: slash)...]
        guard let address = IPAddress(host) else { return .failure(.init("not an IPv4 or IPv6 address")) }
        guard prefixText.allSatisfy({ $0.isASCII && $0.isNumber }), !prefixText.isEmpty, prefixText.count <= 3,
            let prefix = Int(prefixText), prefix <= address.bitCount
        else { return .failure(.init("prefix length must be 0..\(address.bitCount)")) }
        return .success(CIDRAddress(address: address, prefix: prefix))
    }

    /// Whether `other` lies in this network (same family, same first `prefix` bits).
    package func contains(_ other: IPAddress) -> Bool { address.sharesPrefix(prefix, with: other) }

    /// Whether both are the same network: same prefix length and the same network bits.
    package func isSameNetwork(as other: CIDRAddress) -> Bool {
        prefix == other.prefix && contains(other.address)
    }

    /// Whether either network contains the other's address.
    package func overlaps(_ other: CIDRAddress) -> Bool {
        contains(other.address) || other.contains(address)
    }

    /// IPv4 with a prefix up to /30: the host bits are all zero.
    package var isNetworkAddress: Bool { hostBits(allOnes: false) }

    /// IPv4 with a prefix up to /30: the host bits are all one.
    package var isBroadcastAddress: Bool { hostBits(allOnes: true) }

    private func hostBits(allOnes: Bool) -> Bool {
        guard address.isIPv4, prefix <= 30 else { return false }
        var bit = prefix
        while bit < 32 {
            let isSet = address.bytes[bit / 8] & (0x80 >> UInt8(bit % 8)) != 0
            if isSet != allOnes { return false }
            bit += 1
        }
        return true
    }

    /// `address/prefix`.
    package var description: String { "\(address)/\(prefix)" }
}

/// Why an address did not parse: the REASON of `invalid address "V": REASON` (V12).
package struct AddressSyntaxError: Error, Sendable, Equatable {
    /// The reason text.
    package var reason: String

    /// Creates a reason.
    package init(_ reason: String) {
        self.reason = reason
    }
}

/// A `host:port` listen address of `[manager] listen` (IPv6 as `[addr]:port`).
package struct HostPort: Sendable, Equatable {
    /// Host name or address text, without brackets.
    package var host: String
    /// 1–65535.
    package var port: Int

    /// Creates a value.
    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[v6]:port`, or says why not.
    package static func parse(_ text: String) -> Result<HostPort, AddressSyntaxError> {
        let host: String
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(.init("expected [address]:port")) }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(.init("expected [address]:port")) }
            portText = rest.dropFirst()
            guard let address = IPAddress(host), !address.isIPv4 else {
                return .failure(.init("not an IPv6 address"))
            }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(.init("expected host:port")) }
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return .failure(.init("write IPv6 addresses as [address]:port")) }
            guard !host.isEmpty else { return .failure(.init("expected host:port")) }
            if IPAddress(host) == nil && !HostPort.isHostName(host) {
                return .failure(.init("not an address or host name"))
            }
        }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), (1...65535).contains(port)
        else { return .failure(.init("port must be 1..65535")) }
        return .success(HostPort(host: host, port: port))
    }

    /// A loopback address, or `localhost`.
    package var isLoopback: Bool {
        if host == "localhost" { return true }
        return IPAddress(host)?.isLoopback ?? false
    }

    private static func isHostName(_ text: String) -> Bool {
        text.count <= 253
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}
