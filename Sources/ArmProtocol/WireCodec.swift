/// Why bytes could not be decoded (commands.md 1.7 step 004/005 on the client side).
package enum ProtocolError: Error, Sendable, Equatable {
    /// Not a control frame of ours (bad magic) or cut short.
    case malformed(String)
    /// A frame of another protocol version.
    case versionMismatch(received: UInt16)
    /// A well-formed frame whose content is not a known request or response.
    case unexpectedContent(String)
}

/// Binary encoding of WireValue: one tag byte, then big-endian fixed-width fields (docs/protocol.md).
package enum WireCodec {
    private enum Tag: UInt8 {
        case null = 0
        case `false` = 1
        case `true` = 2
        case int = 3
        case string = 4
        case array = 5
        case object = 6
    }

    /// Nesting limit, so a hostile frame cannot exhaust the stack.
    package static let maxDepth = 32

    /// Encodes a value.
    package static func encode(_ value: WireValue) -> [UInt8] {
        var out: [UInt8] = []
        encode(value, into: &out)
        return out
    }

    /// Encodes a value onto the end of `out`.
    package static func encode(_ value: WireValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(Tag.null.rawValue)
        case .bool(let flag): out.append(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            out.append(Tag.int.rawValue)
            appendUInt64(UInt64(bitPattern: number), to: &out)
        case .string(let text):
            out.append(Tag.string.rawValue)
            appendString(text, to: &out)
        case .array(let values):
            out.append(Tag.array.rawValue)
            appendUInt32(UInt32(values.count), to: &out)
            for element in values { encode(element, into: &out) }
        case .object(let pairs):
            out.append(Tag.object.rawValue)
            appendUInt32(UInt32(pairs.count), to: &out)
            for (key, element) in pairs {
                appendString(key, to: &out)
                encode(element, into: &out)
            }
        }
    }

    /// Decodes exactly one value that spans all of `bytes`.
    package static func decode(_ bytes: ArraySlice<UInt8>) throws(ProtocolError) -> WireValue {
        var reader = Reader(bytes: bytes)
        let value = try reader.value(depth: 0)
        guard reader.isAtEnd else { throw .malformed("trailing bytes") }
        return value
    }

    static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value >> 24))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }

    private static func appendUInt64(_ value: UInt64, to out: inout [UInt8]) {
        appendUInt32(UInt32(truncatingIfNeeded: value >> 32), to: &out)
        appendUInt32(UInt32(truncatingIfNeeded: value), to: &out)
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        appendUInt32(UInt32(utf8.count), to: &out)
        out.append(contentsOf: utf8)
    }

    struct Reader {
        var bytes: ArraySlice<UInt8>
        var isAtEnd: Bool { bytes.isEmpty }

        mutating func byte() throws(ProtocolError) -> UInt8 {
            guard let first = bytes.first else { throw .malformed("truncated") }
            bytes = bytes.dropFirst()
            return first
        }

        mutating func uint32() throws(ProtocolError) -> UInt32 {
            guard bytes.count >= 4 else { throw .malformed("truncated") }
            var value: UInt32 = 0
            for byte in bytes.prefix(4) { value = value << 8 | UInt32(byte) }
            bytes = bytes.dropFirst(4)
            return value
        }

        mutating func uint16() throws(ProtocolError) -> UInt16 {
            guard bytes.count >= 2 else { throw .malformed("truncated") }
            let value = UInt16(bytes[bytes.startIndex]) << 8 | UInt16(bytes[bytes.startIndex + 1])
            bytes = bytes.dropFirst(2)
            return value
        }

        mutating func string() throws(ProtocolError) -> String {
            let count = Int(try uint32())
            guard bytes.count >= count else { throw .malformed("truncated string") }
            let text = String(decoding: bytes.prefix(count), as: UTF8.self)
            bytes = bytes.dropFirst(count)
            return text
        }

        mutating func value(depth: Int) throws(ProtocolError) -> WireValue {
            guard depth < WireCodec.maxDepth else { throw .malformed("nested too deeply") }
            guard let tag = Tag(rawValue: try byte()) else { throw .malformed("unknown tag") }
            switch tag {
            case .null: return .null
            case .false: return .bool(false)
            case .true: return .bool(true)
            case .int:
                let high = UInt64(try uint32())
                let low = UInt64(try uint32())
                return .int(Int64(bitPattern: high << 32 | low))
            case .string: return .string(try string())
            case .array:
                let count = Int(try uint32())
                guard count <= bytes.count else { throw .malformed("array count") }
                var values: [WireValue] = []
                values.reserveCapacity(count)
                for _ in 0..<count { values.append(try value(depth: depth + 1)) }
                return .array(values)
            case .object:
                let count = Int(try uint32())
                guard count <= bytes.count else { throw .malformed("object count") }
                var pairs: [(String, WireValue)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    let key = try string()
                    pairs.append((key, try value(depth: depth + 1)))
                }
                return .object(pairs)
            }
        }
    }
}

/// Control frames: a 4-byte big-endian payload length, then `ARMP`, a 2-byte version and one WireValue.
package enum ControlFrame {
    /// The protocol version this build speaks (docs/protocol.md; bump on incompatible change).
    package static let version: UInt16 = 1
    /// Largest accepted payload.
    package static let maxPayload = 16 << 20
    private static let magic: [UInt8] = Array("ARMP".utf8)

    /// Wraps a value in a whole frame.
    package static func encode(_ value: WireValue) -> [UInt8] {
        var payload = magic
        payload.append(UInt8(version >> 8))
        payload.append(UInt8(version & 0xff))
        WireCodec.encode(value, into: &payload)
        var frame: [UInt8] = []
        frame.reserveCapacity(payload.count + 4)
        WireCodec.appendUInt32(UInt32(payload.count), to: &frame)
        frame.append(contentsOf: payload)
        return frame
    }

    /// The payload length announced by a frame header, or nil while fewer than 4 bytes are present.
    package static func payloadLength(_ header: ArraySlice<UInt8>) -> Int? {
        guard header.count >= 4 else { return nil }
        var value = 0
        for byte in header.prefix(4) { value = value << 8 | Int(byte) }
        return value
    }

    /// Decodes a whole frame (header included).
    package static func decode(_ frame: [UInt8]) throws(ProtocolError) -> WireValue {
        guard let length = payloadLength(frame[...]), length <= maxPayload, frame.count == length + 4 else {
            throw .malformed("bad frame length")
        }
        return try decodePayload(frame[4...])
    }

    /// Decodes a payload (without the length header).
    package static func decodePayload(_ payload: ArraySlice<UInt8>) throws(ProtocolError) -> WireValue {
        guard payload.count >= 6, Array(payload.prefix(4)) == magic else { throw .malformed("bad magic") }
        let start = payload.startIndex
        let received = UInt16(payload[start + 4]) << 8 | UInt16(payload[start + 5])
        guard received == version else { throw .versionMismatch(received: received) }
        return try WireCodec.decode(payload.dropFirst(6))
    }
}
