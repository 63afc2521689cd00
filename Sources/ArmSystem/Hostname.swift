import Glibc

/// The host name of this machine.
package enum Hostname {
    /// The host name up to its first dot (commands.md 1.3, "local server name"); the kernel's
    /// `uname` node name if `gethostname` fails, and `localhost` if both are empty.
    package static func short() -> String {
        shortName(of: full())
    }

    /// The full host name.
    package static func full() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let result = buffer.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return gethostname(base, buffer.count - 1)
        }
        if result == 0 {
            let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !name.isEmpty { return name }
        }
        var names = utsname()
        guard uname(&names) == 0 else { return "localhost" }
        let node = withUnsafeBytes(of: names.nodename) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return node.isEmpty ? "localhost" : node
    }

    /// A host name up to its first dot (`s1.example.com` → `s1`); the name itself when it starts
    /// with a dot or has none.
    package static func shortName(of name: String) -> String {
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
