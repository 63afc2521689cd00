import ArmCommands
import ArmConfig
import ArmCore
import Synchronization

/// A CommandSystem whose effects are recorded: output, log lines, sleeps and exec calls.
package final class FakeCommandSystem: Sendable {
    /// Everything the command did.
    package struct Record: Sendable {
        /// Text written to stdout.
        package var stdout = ""
        /// Text written to stderr.
        package var stderr = ""
        /// Lines appended to log files: (path, line).
        package var logLines: [(path: String, line: String)] = []
        /// Durations slept.
        package var sleeps: [Duration] = []
        /// exec calls: (path, argv, environment).
        package var execs: [(path: String, arguments: [String], environment: [String: String])] = []
        /// Programs run with `runSynchronously` (armload /W).
        package var syncRuns: [ProgramSpec] = []
    }

    private let record = Mutex(Record())
    /// The connector the commands talk to.
    package let connector: FakeControlConnector
    /// The environment the commands see.
    package let environment: [String: String]
    /// What `readStateFallback` returns.
    package let fallback: StateFallback?
    /// How `resolveExecutable` answers.
    package let resolve: @Sendable (String, String) -> Result<String, LaunchError>
    /// How `runSynchronously` answers.
    package let runSync: @Sendable (ProgramSpec) -> Result<ProgramExit, LaunchError>
    /// The files `readFile` finds, by path; any other path does not exist.
    package let files: [String: String]
    /// What `fileStatus` answers, by path; any other path does not exist.
    package let statuses: [String: LocalFileStatus]

    /// Creates a fake with an environment and a monitor behaviour.
    package init(
        environment: [String: String] = ["ARM_ROOT": "/x", "ARM_SERVER": "node1"],
        monitor: FakeControlConnector.Behaviour,
        fallback: StateFallback? = nil,
        resolve: @escaping @Sendable (String, String) -> Result<String, LaunchError> = { _, _ in
            .failure(.notFound(errno: 2))
        },
        runSync: @escaping @Sendable (ProgramSpec) -> Result<ProgramExit, LaunchError> = { _ in .success(.exited(0)) },
        files: [String: String] = [:],
        statuses: [String: LocalFileStatus] = [:]
    ) {
        self.environment = environment
        self.connector = FakeControlConnector(monitor)
        self.fallback = fallback
        self.resolve = resolve
        self.runSync = runSync
        self.files = files
        self.statuses = statuses
    }

    /// What happened so far.
    package var recorded: Record { record.withLock { $0 } }

    /// The system to pass to `CommandRunner.run`.
    package var system: CommandSystem {
        CommandSystem(
            environment: environment,
            pid: 4242,
            connector: connector,
            writeStdout: { text in self.record.withLock { $0.stdout += text } },
            writeStderr: { text in self.record.withLock { $0.stderr += text } },
            appendLogLine: { path, _, line in
                self.record.withLock { $0.logLines.append((path, line)) }
                return true
            },
            wallNow: { WallTime(epochMilliseconds: 1_741_911_123_417, utcOffsetSeconds: 9 * 3600) },
            sleep: { duration in self.record.withLock { $0.sleeps.append(duration) } },
            shortHostname: { "host1" },
            exec: { path, arguments, environment in
                self.record.withLock { $0.execs.append((path, arguments, environment)) }
                return 2  // ENOENT: exec "fails" so the command goes on and reports it
            },
            executableDirectory: { "/opt/arm/bin" },
            readStateFallback: { _ in self.fallback },
            currentDirectory: { "/srv" },
            resolveExecutable: { name, path in self.resolve(name, path) },
            lookupUser: { name in
                name == "www-data"
                    ? ProgramUser(name: name, uid: 33, gid: 33, groups: [33], home: "/var/www", shell: "/bin/sh") : nil
            },
            runSynchronously: { spec in
                self.record.withLock { $0.syncRuns.append(spec) }
                return self.runSync(spec)
            },
            readFile: { path in
                guard let text = self.files[path] else {
                    return .failure(ConfigReadError(reason: "No such file or directory"))
                }
                return .success(Array(text.utf8))
            },
            fileStatus: { path in self.statuses[path] }
        )
    }
}
