/// An account a program runs as (`armload /U`; commands.md 2.1): resolved by the launcher from passwd.
package struct ProgramUser: Sendable, Equatable {
    /// Login name.
    package var name: String
    /// User id.
    package var uid: UInt32
    /// Primary group id.
    package var gid: UInt32
    /// Supplementary groups (`initgroups` computed in the parent, `setgroups` in the child).
    package var groups: [UInt32]
    /// `HOME`.
    package var home: String
    /// `SHELL`.
    package var shell: String

    /// Creates an account record.
    package init(name: String, uid: UInt32, gid: UInt32, groups: [UInt32], home: String, shell: String) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.groups = groups
        self.home = home
        self.shell = shell
    }
}

/// What to run for an ARMLOAD watch.
package struct ProgramSpec: Sendable, Equatable {
    /// Absolute path of the executable (already resolved against the caller's PATH).
    package var path: String
    /// argv, argv[0] included.
    package var arguments: [String]
    /// The complete environment.
    package var environment: [String: String]
    /// Working directory.
    package var workingDirectory: String
    /// Run as this account; nil = root (no switch).
    package var user: ProgramUser?
    /// Create a `NOTIFY_SOCKET` for sd_notify readiness at this path (`/WAIT`); nil = none.
    package var notifySocketPath: String?

    /// Creates a spec.
    package init(
        path: String,
        arguments: [String],
        environment: [String: String],
        workingDirectory: String,
        user: ProgramUser? = nil,
        notifySocketPath: String? = nil
    ) {
        self.path = path
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.user = user
        self.notifySocketPath = notifySocketPath
    }
}

/// How a supervised program ended.
package enum ProgramExit: Sendable, Equatable {
    /// Exited with a status.
    case exited(Int32)
    /// Killed by a signal.
    case signaled(Int32)
    /// Ended, but its status could not be obtained (a re-attached program is not our child).
    case unknown
}

/// Callbacks of one running program; each may be called from a launcher thread.
package struct ProgramEvents: Sendable {
    /// Called exactly once, when the program (its main process) has ended and been reaped.
    package var exited: @Sendable (ProgramExit) -> Void
    /// One output line (LF split, trailing CR dropped); never called for re-attached programs.
    package var line: @Sendable (OutputStream, String) -> Void
    /// The program sent `READY=1` on its notify socket.
    package var ready: @Sendable () -> Void

    /// Creates callbacks.
    package init(
        exited: @escaping @Sendable (ProgramExit) -> Void,
        line: @escaping @Sendable (OutputStream, String) -> Void = { _, _ in },
        ready: @escaping @Sendable () -> Void = {}
    ) {
        self.exited = exited
        self.line = line
        self.ready = ready
    }
}

/// A started (or re-attached) program.
package struct LaunchedProgram: Sendable, Equatable {
    /// Its pid, which is also its process group and session id.
    package var pid: Int32
    /// Field 22 of `/proc/PID/stat`, to recognise the same process after a monitor restart.
    package var startTicks: UInt64

    /// Creates a handle.
    package init(pid: Int32, startTicks: UInt64) {
        self.pid = pid
        self.startTicks = startTicks
    }
}

/// Why a program could not be started (commands.md 2.1: ARMLOAD-10, -11; exit 126/127 for /W).
package enum LaunchError: Error, Sendable, Equatable {
    /// The executable does not exist (ENOENT).
    case notFound(errno: Int32)
    /// It exists but cannot be executed (EACCES, ENOEXEC, …).
    case notExecutable(errno: Int32)
    /// setgroups/setgid/setuid failed in the child.
    case userSwitchFailed(errno: Int32)
    /// fork, pipe, pidfd or another resource failed.
    case spawnFailed(errno: Int32)

    /// The errno.
    package var errno: Int32 {
        switch self {
        case .notFound(let code), .notExecutable(let code), .userSwitchFailed(let code), .spawnFailed(let code): code
        }
    }
}

/// Starts ARMLOAD programs in their own session and process group and reports their end by event.
///
/// Live (ArmSystem): pidfd + epoll on a launcher thread, never a polling loop; fake: ArmTesting.
package protocol ProgramLauncher: Sendable {
    /// Starts a program; `events.exited` is called once when it ends.
    func launch(_ spec: ProgramSpec, events: ProgramEvents) throws(LaunchError) -> LaunchedProgram
    /// Watches a program started by an earlier monitor: nil if `pid` is gone or is another process now
    /// (its start time differs). Its exit status will be `.unknown`.
    func attach(pid: Int32, startTicks: UInt64, events: ProgramEvents) -> LaunchedProgram?
    /// Sends a signal to a whole process group (`kill(-pgid, sig)`); false if no process is left.
    @discardableResult
    func signalGroup(_ processGroup: Int32, signal: Int32) -> Bool
    /// Whether any process of the group is still alive.
    func isGroupAlive(_ processGroup: Int32) -> Bool
    /// The passwd record and groups of an account, or nil when there is no such account.
    func lookupUser(_ name: String) -> ProgramUser?
    /// Field 22 of `/proc/PID/stat` of a running process (to `attach` a `[services]` daemon found by its
    /// `pid_file`); nil when there is no such process.
    func processStartTicks(pid: Int32) -> UInt64?
}

/// Signal numbers the supervisor uses (Linux values; ArmCore has no Glibc).
package enum SignalNumber {
    /// SIGHUP.
    package static let hangup: Int32 = 1
    /// SIGINT.
    package static let interrupt: Int32 = 2
    /// SIGKILL.
    package static let kill: Int32 = 9
    /// SIGTERM.
    package static let terminate: Int32 = 15
}

/// The seed's "shut the server down" (ARMLOAD action 3, script timeouts): `[cluster] shutdown_action`,
/// logged only in a test rig (config-and-files §1.2).
package protocol PowerControl: Sendable {
    /// Carries out the shutdown action (or logs what it would do); `reboot` turns poweroff into reboot.
    func shutdown(reboot: Bool, reason: String) async
}
