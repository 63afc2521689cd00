import CArmSpawn
import Glibc

extension DaemonLock {
    /// What `armmond /STOP` found and did (commands.md 2.32).
    package enum StopOutcome: Sendable, Equatable {
        /// The holder of the lock exited within the wait.
        case stopped(pid: Int32)
        /// Nobody holds the lock: no armmond runs for this `ARM_ROOT` (a stale pid file is ignored).
        case notRunning
        /// The lock is still held after the wait; the pid when the pid file names one.
        case stillRunning(pid: Int32?)
        /// SIGTERM could not be sent (`EPERM` when not root).
        case failed(SystemError)
    }

    /// Sends SIGTERM to the armmond holding `lockPath` (its pid from `pidPath`) and waits for it to exit.
    ///
    /// The pid comes from the pid file only while the lock is held, so a stale file never names a victim;
    /// the exit is awaited on a pidfd (no polling) where the kernel has `pidfd_open`, else by probing the
    /// lock every 50 ms.
    /// - Parameters:
    ///   - lockPath: `armmond.lock`.
    ///   - pidPath: `armmond.pid`.
    ///   - waitSeconds: The longest wait; 0 only sends the signal and looks once.
    /// - Returns: What happened.
    package static func stopHolder(lockPath: String, pidPath: String, waitSeconds: Int) -> StopOutcome {
        // A lock file we may not open (mode 0600, or a 0750 directory, when not root) says nothing about the
        // daemon: that is a refusal, not "not running". Only a missing file means none ever ran here.
        if access(lockPath, R_OK) != 0 {
            let code = currentErrno()
            if code != ENOENT { return .failed(.call("open", path: lockPath, errno: code)) }
        }
        guard case .alreadyRunning(let recorded) = probe(lockPath: lockPath, pidPath: pidPath) else {
            return .notRunning
        }
        guard let pid = recorded else { return .stillRunning(pid: nil) }
        // Opened before the signal, so the wait follows this process even if its pid is reused later.
        let pidfd = arm_pidfd_open(pid)
        defer { if pidfd >= 0 { closeDescriptor(pidfd) } }
        if kill(pid, SIGTERM) != 0 {
            let code = currentErrno()
            if code != ESRCH { return .failed(.call("kill", path: pidPath, errno: code)) }
        }
        let deadline = monotonicNowNanoseconds() + Int64(waitSeconds) * 1_000_000_000
        if pidfd >= 0 {
            var entry = pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)
            while poll(&entry, 1, pollTimeout(until: deadline)) < 0 && currentErrno() == EINTR {}
        }
        while probe(lockPath: lockPath, pidPath: pidPath) != nil {
            guard monotonicNowNanoseconds() < deadline else { return .stillRunning(pid: pid) }
            usleep(50_000)
        }
        return .stopped(pid: pid)
    }
}
