import Glibc

/// This process: its identity, working directory, pauses and exit, so that the executables need no C
/// library of their own.
package enum CurrentProcess {
    /// `getpid()`.
    package static var id: Int32 { getpid() }

    /// Whether the real user is root (`getuid() == 0`).
    package static var isRoot: Bool { getuid() == 0 }

    /// `exit(status)`: flushes C stdio buffers, runs `atexit` handlers and ends the process.
    package static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }

    /// Blocks the calling thread for `duration` (`nanosleep`, resumed after signals); never on the
    /// cooperative pool.
    package static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        guard seconds > 0 || attoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && currentErrno() == EINTR { request = remaining }
    }

    /// The working directory (`getcwd`); nil when it cannot be named (removed, or longer than `PATH_MAX`).
    package static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let found = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress.map { getcwd($0, pointer.count) != nil } ?? false
        }
        guard found else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
