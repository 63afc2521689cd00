import ArmCore
import ArmSystem
import Glibc

/// Writes all of a string to a descriptor (stdout/stderr), retrying short writes and EINTR.
func writeText(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// `/F` copies every log line to stderr as well as to its file (commands.md 2.32).
final class TeeLogSink: LogSink {
    let files: any LogSink

    init(_ files: any LogSink) { self.files = files }

    func append(_ line: String, to file: LogFile) {
        files.append(line, to: file)
        writeText(2, file.relativePath + "\t" + line + "\n")
    }
}

/// sd_notify `READY=1` for `Type=notify` units: one datagram to `$NOTIFY_SOCKET` (`@` = abstract).
enum SystemdNotify {
    static func ready(environment: [String: String]) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let message = Array("READY=1".utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, message, message.count, 0, socketAddress, length)
            }
        }
    }
}

/// Whether something accepts connections on a Unix stream socket path.
func socketAccepts(_ path: String) -> Bool {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in bytes.enumerated() { raw[index] = byte }
    }
    return withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
        }
    }
}

/// Starting in the background: the same program with `/F`, in its own session with stdio on /dev/null.
///
/// The parent waits until the control socket answers (exit 0) or the child ends (its status).
enum Background {
    static func start(arguments: [String], environment: [String: String], socketPath: String) -> Int32 {
        let executable = (try? Paths.executablePath()) ?? arguments[0]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc 2.26)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(
                &actions,
                descriptor,
                "/dev/null",
                descriptor == 0 ? O_RDONLY : O_WRONLY,
                0
            )
        }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            writeText(2, "armmond: cannot start in the background (errno \(result))\n")
            return ExitStatus.failed.rawValue
        }
        // Up to 60 s: the start-up delay and the group auto-start come before the socket.
        for _ in 0..<600 {
            var status: Int32 = 0
            if waitpid(child, &status, WNOHANG) == child {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : ExitStatus.failed.rawValue
            }
            // Ready when the socket accepts a connection: a file left by a killed armmond does not count.
            if socketAccepts(socketPath) { return ExitStatus.success.rawValue }
            usleep(100_000)
        }
        return ExitStatus.success.rawValue
    }
}
