import Glibc
import Synchronization

/// The single-instance lock of armmond: an exclusive `flock` on `armmond.lock`, held for the
/// daemon's life, plus the pid file `armmond.pid` (config-and-files §3.1).
package final class DaemonLock: Sendable {
    /// The pid written to the pid file (this process).
    package let pid: Int32
    private let lockPath: String
    private let pidPath: String
    /// The lock descriptor; -1 once released.
    ///
    /// The mutex makes `release()` idempotent.
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32, pid: Int32, lockPath: String, pidPath: String) {
        self.descriptor = Mutex(descriptor)
        self.pid = pid
        self.lockPath = lockPath
        self.pidPath = pidPath
    }

    deinit {
        release()
    }

    /// Takes the lock without waiting and writes this process's pid (decimal and LF, mode 0644) to `pidPath`.
    ///
    /// The lock file is created 0600 if missing.
    ///
    /// - Throws: `.alreadyRunning(pid:)` with the holder's pid read from `pidPath` (nil when it cannot
    ///   be read), for the message `armmond: already running (pid N)`; `.call` for other failures.
    package static func acquire(lockPath: String, pidPath: String) throws(SystemError) -> DaemonLock {
        let descriptor = retryingOnInterrupt { open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard descriptor >= 0 else { throw .call("open", path: lockPath, errno: currentErrno()) }
        if retryingOnInterrupt({ flock(descriptor, LOCK_EX | LOCK_NB) }) != 0 {
            let code = currentErrno()
            closeDescriptor(descriptor)
            if code == EWOULDBLOCK { throw .alreadyRunning(pid: holderPid(pidPath: pidPath)) }
            throw .call("flock", path: lockPath, errno: code)
        }
        let pid = getpid()
        do {
            try FileIO.writeAtomically(path: pidPath, text: "\(pid)\n", mode: 0o644)
        } catch {
            closeDescriptor(descriptor)
            throw error
        }
        return DaemonLock(descriptor: descriptor, pid: pid, lockPath: lockPath, pidPath: pidPath)
    }

    /// Whether another process holds the lock, without taking it for long: `.alreadyRunning(pid:)` when
    /// held, nil when free (or when the lock file cannot be opened: the real acquisition reports that).
    package static func probe(lockPath: String, pidPath: String) -> SystemError? {
        let descriptor = retryingOnInterrupt { open(lockPath, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { closeDescriptor(descriptor) }
        guard retryingOnInterrupt({ flock(descriptor, LOCK_EX | LOCK_NB) }) != 0 else { return nil }
        return currentErrno() == EWOULDBLOCK ? .alreadyRunning(pid: holderPid(pidPath: pidPath)) : nil
    }

    /// The pid recorded in a pid file, if it holds a positive decimal number.
    package static func holderPid(pidPath: String) -> Int32? {
        guard let text = try? FileIO.readText(path: pidPath) else { return nil }
        let digits = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).first.map(String.init) ?? ""
        guard let pid = Int32(digits), pid > 0 else { return nil }
        return pid
    }

    /// Removes the pid file (if it still names this process) and drops the lock.
    ///
    /// Idempotent.
    package func release() {
        let lockDescriptor = descriptor.withLock { value in
            let previous = value
            value = -1
            return previous
        }
        guard lockDescriptor >= 0 else { return }
        if Self.holderPid(pidPath: pidPath) == pid { unlink(pidPath) }
        closeDescriptor(lockDescriptor)
    }
}
