import ArmCore
import CArmSpawn
import Glibc

/// Starts and watches ARMLOAD programs for real (commands.md 2.1 program form, 2.2 stop).
///
/// A program starts through `arm_spawn` (CArmSpawn: `clone(CLONE_VM|CLONE_VFORK)`, async-signal-safe
/// child) in its own session, so pid == process group == session id; umask 022; stdin `/dev/null`; stdout
/// and stderr on pipes whose lines go to `events.line`; the spec's environment and working directory;
/// with a user, `setgroups`/`setresgid`/`setresuid` and `HOME`, `USER`, `LOGNAME`, `SHELL` from the account.
/// An inherited `NOTIFY_SOCKET` is removed unless the spec asks for one.
///
/// Every program (and every script of `LiveScriptRunner`) of the process is watched by one thread (see
/// `ProcessWatcher`): a pidfd per process in one epoll set, so an exit is reported when it happens, without
/// polling. Callbacks run on that thread and must return quickly.
///
/// Readiness (`notifySocketPath`): an `AF_UNIX` datagram socket is bound at that path before the start
/// (a stale socket file there is replaced; the directory must exist; a leading `@` means the abstract
/// namespace), mode 0600 and owned by the program's user, passed as `NOTIFY_SOCKET`. The first datagram
/// with a `READY=1` line calls `events.ready` once; later datagrams are read and ignored. The socket is
/// closed and its file removed when the program ends.
package final class LiveProgramLauncher: ProgramLauncher {
    private let watcher: ProcessWatcher

    /// Creates a launcher.
    /// - Parameter watcher: Where programs are watched (one per process in the daemon).
    package init(watcher: ProcessWatcher = .shared) {
        self.watcher = watcher
    }

    /// Starts a program; see the type's documentation.
    /// - Throws: `.notFound`/`.notExecutable` from `execve`, `.userSwitchFailed` from the credential
    ///   change, `.spawnFailed` for anything else (pipes, the notify socket, a missing working directory,
    ///   pidfd, epoll).
    package func launch(_ spec: ProgramSpec, events: ProgramEvents) throws(LaunchError) -> LaunchedProgram {
        var notify: ProcessWatcher.NotifyEndpoint?
        if let path = spec.notifySocketPath {
            notify = try Self.bindNotifySocket(path, user: spec.user)
        }
        guard let out = makeCloseOnExecPipe() else {
            let code = currentErrno()
            notify?.close()
            throw .spawnFailed(errno: code)
        }
        guard let err = makeCloseOnExecPipe() else {
            let code = currentErrno()
            closeDescriptor(out.read)
            closeDescriptor(out.write)
            notify?.close()
            throw .spawnFailed(errno: code)
        }
        let environment = ProgramSpawner.environment(for: spec, notifySocket: notify?.path)
        let spawned = ProgramSpawner.spawn(spec, environment: environment, stdio: (-1, out.write, err.write))
        closeDescriptor(out.write)
        closeDescriptor(err.write)
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let error):
            closeDescriptor(out.read)
            closeDescriptor(err.read)
            notify?.close()
            throw error
        }
        setNonBlocking(out.read)
        setNonBlocking(err.read)

        let opened = arm_pidfd_open(pid)
        let pidfdError = currentErrno()
        let pidfd = descriptorAboveStandardStreams(opened)
        // Still our unreaped child, so /proc shows this very process.
        let startTicks = (try? ProcStat.read(pid: pid))?.startTimeTicks ?? 0
        do throws(LaunchError) {
            guard pidfd >= 0 else { throw .spawnFailed(errno: pidfdError) }
            try watcher.register(
                ProcessWatcher.Watch(
                    pid: pid,
                    pidfd: pidfd,
                    outputs: [(out.read, .stdout), (err.read, .stderr)],
                    notify: notify
                ),
                events: Self.watcherEvents(events)
            )
        } catch {
            ProgramSpawner.abandon(pid)
            closeDescriptor(pidfd)
            closeDescriptor(out.read)
            closeDescriptor(err.read)
            notify?.close()
            throw error
        }
        return LaunchedProgram(pid: pid, startTicks: startTicks)
    }

    /// Watches a program that an earlier monitor started.
    ///
    /// Nil when `pid` is gone, is another process now (field 22 of `/proc/PID/stat` differs) or cannot be
    /// watched. Its end is reported as `.unknown` (unless it happens to be a child of this process); no
    /// output lines.
    package func attach(pid: Int32, startTicks: UInt64, events: ProgramEvents) -> LaunchedProgram? {
        guard pid > 1 else { return nil }
        let pidfd = descriptorAboveStandardStreams(arm_pidfd_open(pid))
        guard pidfd >= 0 else { return nil }
        // Checked after opening the pidfd, which pins the process: a pid reused in between shows another
        // start time here.
        guard let stat = try? ProcStat.read(pid: pid), stat.startTimeTicks == startTicks else {
            closeDescriptor(pidfd)
            return nil
        }
        do throws(LaunchError) {
            try watcher.register(ProcessWatcher.Watch(pid: pid, pidfd: pidfd), events: Self.watcherEvents(events))
        } catch {
            closeDescriptor(pidfd)
            return nil
        }
        return LaunchedProgram(pid: pid, startTicks: startTicks)
    }

    /// Field 22 of `/proc/PID/stat`; nil when the process does not exist (or for pid 0 and 1).
    package func processStartTicks(pid: Int32) -> UInt64? {
        guard pid > 1, let stat = try? ProcStat.read(pid: pid) else { return nil }
        return stat.startTimeTicks
    }

    /// `kill(-processGroup, signal)`; false when no process of the group is left (or for a group id of 0
    /// or 1, which would address this process's group or every process).
    @discardableResult
    package func signalGroup(_ processGroup: Int32, signal: Int32) -> Bool {
        guard processGroup > 1 else { return false }
        return kill(-processGroup, signal) == 0
    }

    /// `kill(-processGroup, 0)`: true while any member exists (EPERM also means it exists).
    package func isGroupAlive(_ processGroup: Int32) -> Bool {
        guard processGroup > 1 else { return false }
        return kill(-processGroup, 0) == 0 || currentErrno() == EPERM
    }

    /// The passwd record (`getpwnam_r`) and the groups `initgroups` would set (`getgrouplist`, primary
    /// group included); nil when there is no such account or the lookup fails.
    package func lookupUser(_ name: String) -> ProgramUser? { Self.lookup(user: name) }

    /// The passwd record and groups of an account, without a launcher (armload /W in the front end).
    package static func lookup(user name: String) -> ProgramUser? {
        guard !name.isEmpty, let account = try? Accounts.user(named: name) else { return nil }
        return ProgramUser(
            name: account.name,
            uid: account.uid,
            gid: account.gid,
            groups: Self.groupList(account.name, primary: account.gid),
            home: account.home,
            shell: account.shell
        )
    }

    // MARK: - Helpers

    /// `getgrouplist`, growing the buffer until it fits.
    private static func groupList(_ name: String, primary: UInt32) -> [UInt32] {
        var capacity: Int32 = 64
        while true {
            var groups = [gid_t](repeating: 0, count: Int(capacity))
            var count = capacity
            let result = groups.withUnsafeMutableBufferPointer { buffer in
                getgrouplist(name, primary, buffer.baseAddress, &count)
            }
            if result >= 0 { return Array(groups.prefix(Int(max(0, count)))) }
            // -1: too small; count now holds the size needed.
            guard capacity < 65_536 else { return [primary] }
            capacity = max(count, capacity * 2)
        }
    }

    /// Binds the notify socket; see the type's documentation.
    private static func bindNotifySocket(
        _ path: String,
        user: ProgramUser?
    ) throws(LaunchError) -> ProcessWatcher.NotifyEndpoint {
        var descriptor: Int32 = -1
        let code = arm_notify_socket(path, &descriptor)
        guard code == 0 else { throw .spawnFailed(errno: code) }
        descriptor = descriptorAboveStandardStreams(descriptor)
        guard !path.hasPrefix("@") else {
            return ProcessWatcher.NotifyEndpoint(descriptor: descriptor, path: path, identity: nil)
        }
        var status = stat()
        guard chmod(path, 0o600) == 0, lstat(path, &status) == 0,
            user.map({ chown(path, $0.uid, $0.gid) == 0 }) ?? true
        else {
            let failure = currentErrno()
            closeDescriptor(descriptor)
            unlink(path)
            throw .spawnFailed(errno: failure)
        }
        return ProcessWatcher.NotifyEndpoint(
            descriptor: descriptor,
            path: path,
            identity: (UInt64(status.st_dev), UInt64(status.st_ino))
        )
    }

    /// The port's callbacks as the watcher's: a program is never given a deadline, and one still running
    /// when the watcher stops (armmond exits) has not ended, so `exited` is not called for it.
    private static func watcherEvents(_ events: ProgramEvents) -> ProcessWatcher.Events {
        ProcessWatcher.Events(
            ended: { ending in
                switch ending {
                case .exited(let exit): events.exited(exit)
                case .deadlinePassed: events.exited(.signaled(SIGKILL))
                case .watcherStopped: break
                }
            },
            line: events.line,
            ready: events.ready
        )
    }
}
