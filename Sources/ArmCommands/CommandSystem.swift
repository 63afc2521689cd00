import ArmConfig
import ArmCore

/// What a command may do to the world: the environment, the monitor socket, its own output, the clock and
/// a few system calls.
///
/// The executable passes the live one; tests pass fakes (STYLE §2.5).
package struct CommandSystem: Sendable {
    /// The process environment.
    package var environment: [String: String]
    /// This process's pid (ARM.LOG PID column when the command writes its own line).
    package var pid: Int32
    /// Transport to armmond.
    package var connector: any ControlConnector
    /// Writes text to stdout.
    package var writeStdout: @Sendable (String) -> Void
    /// Writes text to stderr.
    package var writeStderr: @Sendable (String) -> Void
    /// Appends one line to a log file under the shared rotate lock; false when it could not (skipped silently).
    package var appendLogLine: @Sendable (_ path: String, _ lockPath: String, _ line: String) -> Bool
    /// The wall clock.
    package var wallNow: @Sendable () -> WallTime
    /// Sleeps (armsleep).
    package var sleep: @Sendable (Duration) -> Void
    /// The host name up to its first dot.
    package var shortHostname: @Sendable () -> String
    /// Replaces this process with another program; returns the errno when that failed.
    package var exec: @Sendable (_ path: String, _ arguments: [String], _ environment: [String: String]) -> Int32
    /// The directory holding this executable (to find `armmond` beside `armtool`).
    package var executableDirectory: @Sendable () -> String
    /// Reads the last state from `state.sqlite` when armmond is unreachable (armstat), or nil.
    package var readStateFallback: @Sendable (_ databasePath: String) -> StateFallback?
    /// The current working directory.
    package var currentDirectory: @Sendable () -> String
    /// Finds a program in a search path as `execvp` does: the absolute path, or why not.
    package var resolveExecutable: @Sendable (_ name: String, _ searchPath: String) -> Result<String, LaunchError>
    /// The passwd record of an account, or nil.
    package var lookupUser: @Sendable (_ name: String) -> ProgramUser?
    /// Runs a program in the foreground with our stdio, forwarding SIGINT/SIGTERM/SIGHUP (armload /W).
    package var runSynchronously: @Sendable (ProgramSpec) -> Result<ProgramExit, LaunchError>
    /// Reads a whole file (`armcfg check`), or why not.
    package var readFile: @Sendable (_ path: String) -> Result<[UInt8], ConfigReadError>
    /// `stat` of a file (following links), nil when nothing is there (`armcfg check`: V25, the scripts).
    package var fileStatus: @Sendable (_ path: String) -> LocalFileStatus?

    /// Creates a system.
    package init(
        environment: [String: String],
        pid: Int32,
        connector: any ControlConnector,
        writeStdout: @escaping @Sendable (String) -> Void,
        writeStderr: @escaping @Sendable (String) -> Void,
        appendLogLine: @escaping @Sendable (String, String, String) -> Bool,
        wallNow: @escaping @Sendable () -> WallTime,
        sleep: @escaping @Sendable (Duration) -> Void,
        shortHostname: @escaping @Sendable () -> String,
        exec: @escaping @Sendable (String, [String], [String: String]) -> Int32,
        executableDirectory: @escaping @Sendable () -> String,
        readStateFallback: @escaping @Sendable (String) -> StateFallback?,
        currentDirectory: @escaping @Sendable () -> String = { "/" },
        resolveExecutable: @escaping @Sendable (String, String) -> Result<String, LaunchError> = { name, _ in
            .failure(.notFound(errno: 2))
        },
        lookupUser: @escaping @Sendable (String) -> ProgramUser? = { _ in nil },
        runSynchronously: @escaping @Sendable (ProgramSpec) -> Result<ProgramExit, LaunchError> = { _ in
            .failure(.spawnFailed(errno: 38))
        },
        readFile: @escaping @Sendable (String) -> Result<[UInt8], ConfigReadError> = { _ in
            .failure(ConfigReadError(reason: "No such file or directory"))
        },
        fileStatus: @escaping @Sendable (String) -> LocalFileStatus? = { _ in nil }
    ) {
        self.environment = environment
        self.pid = pid
        self.connector = connector
        self.writeStdout = writeStdout
        self.writeStderr = writeStderr
        self.appendLogLine = appendLogLine
        self.wallNow = wallNow
        self.sleep = sleep
        self.shortHostname = shortHostname
        self.exec = exec
        self.executableDirectory = executableDirectory
        self.readStateFallback = readStateFallback
        self.currentDirectory = currentDirectory
        self.resolveExecutable = resolveExecutable
        self.lookupUser = lookupUser
        self.runSynchronously = runSynchronously
        self.readFile = readFile
        self.fileStatus = fileStatus
    }
}
