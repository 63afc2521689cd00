import ArmCore
import ArmSystem
import CArmSpawn
import Glibc
import Testing

/// The calls that the executables and ArmMonitor's `Live/` make through ArmSystem instead of Glibc.
@Suite(.timeLimit(.minutes(1)))
struct SystemBoundaryTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func systemdNotifySendsReadyOneToTheNotifySocket() throws {
        let path = directory.file("notify")
        var descriptor: Int32 = -1
        try #require(arm_notify_socket(path, &descriptor) == 0)
        defer { close(descriptor) }
        SystemdNotify.ready(environment: ["NOTIFY_SOCKET": path])
        // A local datagram is queued before sendto returns.
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        #expect(count > 0 && String(decoding: buffer[..<max(0, count)], as: UTF8.self) == "READY=1")
    }

    @Test func systemdNotifyWithoutASocketDoesNothing() {
        SystemdNotify.ready(environment: [:])
        SystemdNotify.ready(environment: ["NOTIFY_SOCKET": directory.file("nobody-listens")])
    }

    @Test func onlyAListeningSocketAccepts() throws {
        let path = directory.file("control")
        #expect(!unixSocketAccepts(path))
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        // Bound but not listening: a file left behind by a killed daemon looks like this.
        #expect(!unixSocketAccepts(path))
        try #require(listen(listener, 4) == 0)
        #expect(unixSocketAccepts(path))
    }

    @Test func backgroundStartReportsTheChildsExitReadinessAndSpawnFailures() {
        let exited = BackgroundStart.run(
            executable: "/bin/sh",
            arguments: ["sh", "-c", "exit 3"],
            environment: [:],
            limit: .seconds(30),
            isReady: { false }
        )
        #expect(exited == .exited(3))
        let ready = BackgroundStart.run(
            executable: "/bin/sleep",
            arguments: ["sleep", "1"],
            environment: [:],
            limit: .seconds(30),
            isReady: { true }
        )
        #expect(ready == .ready || ready == .exited(0))
        let missing = BackgroundStart.run(
            executable: directory.file("missing"),
            arguments: ["missing"],
            environment: [:],
            limit: .seconds(30),
            isReady: { true }
        )
        #expect(missing == .spawnFailed(errno: ENOENT))
    }

    @Test func modeOwnerAndRemovalOfAFile() throws {
        let path = directory.file("socket-like")
        try FileIO.writeAtomically(path: path, text: "x", mode: 0o600)
        try FileIO.setMode(path: path, mode: 0o660)
        try FileIO.setOwner(path: path, uid: nil, gid: 0)
        var status = stat()
        try #require(stat(path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o660)
        #expect(status.st_gid == 0)
        try FileIO.remove(path: path)
        #expect(!FileIO.exists(path: path))
        // Already gone counts as removed.
        try FileIO.remove(path: path)
        #expect(throws: SystemError.call("chmod", path: path, errno: ENOENT)) {
            try FileIO.setMode(path: path, mode: 0o600)
        }
    }

    @Test func currentProcessMatchesTheCLibrary() {
        #expect(CurrentProcess.id == getpid())
        #expect(CurrentProcess.isRoot == (getuid() == 0))
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let expected = getcwd(&buffer, buffer.count).map { String(cString: $0) }
        #expect(CurrentProcess.workingDirectory() == expected)
    }

    @Test func execResolveMapsTheLookupToLaunchErrors() throws {
        #expect(Exec.resolve("sh", searchPath: "/bin") == .success("/bin/sh"))
        #expect(Exec.resolve("no-such-program", searchPath: "/bin") == .failure(.notFound(errno: ENOENT)))
        let plain = directory.file("plain")
        try FileIO.writeAtomically(path: plain, text: "", mode: 0o644)
        #expect(Exec.resolve(plain, searchPath: "") == .failure(.notExecutable(errno: EACCES)))
    }
}
