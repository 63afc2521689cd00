/// A script or program run to completion with its output captured line by line
/// (group start/stop scripts, share hooks; commands.md 1.6).
package struct ScriptInvocation: Sendable, Equatable {
    /// Absolute path of the executable.
    package var path: String
    /// Arguments after argv[0].
    package var arguments: [String]
    /// Working directory.
    package var workingDirectory: String
    /// The complete environment (nothing is inherited).
    package var environment: [String: String]
    /// Kill the whole process group with SIGKILL after this long; nil = no limit.
    package var timeout: Duration?

    /// Creates an invocation.
    package init(
        path: String,
        arguments: [String] = [],
        workingDirectory: String,
        environment: [String: String],
        timeout: Duration?
    ) {
        self.path = path
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
    }
}

/// Which stream a line came from.
package enum OutputStream: String, Sendable {
    case stdout = "OUT"
    case stderr = "ERR"
}

/// How a script ended.
package enum ScriptOutcome: Sendable, Equatable {
    /// Exited with a status.
    case exited(Int32)
    /// Killed by a signal it was not sent by us.
    case signaled(Int32)
    /// Passed its timeout; its process group was killed.
    case timedOut
    /// `exec` failed (errno).
    case execFailed(errno: Int32)

    /// Exit 0 is success; anything else is failure (commands.md 1.6).
    package var isSuccess: Bool { self == .exited(0) }
}

/// Callbacks while a script runs.
package struct ScriptObserver: Sendable {
    /// Called once with the script's pid right after it was spawned.
    package var started: @Sendable (Int32) -> Void
    /// Called for each output line (LF split, trailing CR dropped).
    package var line: @Sendable (OutputStream, String) -> Void

    /// Creates an observer.
    package init(
        started: @escaping @Sendable (Int32) -> Void = { _ in },
        line: @escaping @Sendable (OutputStream, String) -> Void = { _, _ in }
    ) {
        self.started = started
        self.line = line
    }
}

/// Runs scripts in their own session and process group, stdin `/dev/null`, and waits for them
/// (live: the clone spawner and the one pidfd/epoll watcher in ArmSystem; fake: ArmTesting).
package protocol ScriptRunner: Sendable {
    /// Runs the invocation to its end; never throws: every failure is an outcome.
    func run(_ invocation: ScriptInvocation, observer: ScriptObserver) async -> ScriptOutcome

    /// `stat` of the file `run` would execute (symbolic links followed); nil when nothing is there.
    ///
    /// The caller refuses a script that others can write before it runs as root (V25; issue 8 item 5).
    func fileStatus(_ path: String) -> LocalFileStatus?
}
