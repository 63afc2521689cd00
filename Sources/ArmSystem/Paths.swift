import Glibc

/// Path helpers that need the operating system.
package enum Paths {
    /// The directory holding the running executable (`/proc/self/exe`, symbolic links resolved),
    /// which goes first in a script's `PATH` (commands.md 1.6).
    package static func executableDirectory() throws(SystemError) -> String {
        try directoryName(of: executablePath())
    }

    /// The absolute path of the running executable.
    package static func executablePath() throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            return readlink("/proc/self/exe", base, buffer.count - 1)
        }
        guard count > 0 else { throw .call("readlink", path: "/proc/self/exe", errno: currentErrno()) }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The directory part of a path, like `dirname(1)`: `/a/b` → `/a`, `/a` → `/`, `a` → `.`.
    package static func directoryName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var directory = trimmed[..<slash]
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return directory.isEmpty ? "/" : String(directory)
    }
}
