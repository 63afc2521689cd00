import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(2))) struct DaemonLockTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func acquireWritesThePidFile() throws {
        let lock = try DaemonLock.acquire(
            lockPath: directory.file("armmond.lock"),
            pidPath: directory.file("armmond.pid")
        )
        #expect(lock.pid == getpid())
        #expect(contents(directory.file("armmond.pid")) == "\(getpid())\n")
        #expect(permissions(directory.file("armmond.pid")) == 0o644)
        #expect(permissions(directory.file("armmond.lock")) == 0o600)
    }

    @Test func secondAcquireFailsWithTheHolderPid() throws {
        let lockPath = directory.file("armmond.lock")
        let pidPath = directory.file("armmond.pid")
        let first = try DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        #expect(throws: SystemError.alreadyRunning(pid: getpid())) {
            try DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        }
        #expect(SystemError.alreadyRunning(pid: 812).detail == "already running (pid 812)")
        first.release()
    }

    @Test func releaseLetsTheNextInstanceIn() async throws {
        let lockPath = directory.file("armmond.lock")
        let pidPath = directory.file("armmond.pid")
        let first = try DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        first.release()
        #expect(!FileIO.exists(path: pidPath))
        // Other tests of this process spawn programs: a child between clone and exec still shares the lock's
        // open file description (O_CLOEXEC closes it only at exec), so the lock may stay held for that moment.
        // No event says when every such child has exec'd: a bounded retry (10 s).
        var acquired = try? DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        for _ in 0..<200 where acquired == nil {
            try await Task.sleep(for: .milliseconds(50))
            acquired = try? DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        }
        let second = try acquired ?? DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        #expect(contents(pidPath) == "\(getpid())\n")
        second.release()
    }

    @Test func holderWithoutAReadablePidFileIsStillReported() throws {
        let lockPath = directory.file("armmond.lock")
        let pidPath = directory.file("armmond.pid")
        let first = try DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        unlink(pidPath)
        #expect(throws: SystemError.alreadyRunning(pid: nil)) {
            try DaemonLock.acquire(lockPath: lockPath, pidPath: pidPath)
        }
        first.release()
    }

    @Test func holderPidIgnoresGarbage() throws {
        let pidPath = directory.file("armmond.pid")
        try FileIO.writeAtomically(path: pidPath, text: "not a pid\n", mode: 0o644)
        #expect(DaemonLock.holderPid(pidPath: pidPath) == nil)
        try FileIO.writeAtomically(path: pidPath, text: "4242\n", mode: 0o644)
        #expect(DaemonLock.holderPid(pidPath: pidPath) == 4242)
    }

    @Test func missingDirectoryIsASystemError() {
        #expect(throws: SystemError.call("open", path: directory.file("no/armmond.lock"), errno: ENOENT)) {
            try DaemonLock.acquire(
                lockPath: directory.file("no/armmond.lock"),
                pidPath: directory.file("no/armmond.pid")
            )
        }
    }
}
