import ArmCore
import ArmMonitor

/// A fake file table for `armload`'s program lookup: paths that exist, executable or not, searched as
/// `execvp` does (a name with `/` as is; otherwise each `PATH` directory in order, an empty entry being `.`).
package struct FakeExecutables: Sendable {
    /// Path → executable.
    package var files: [String: Bool]

    /// Creates a table.
    package init(_ files: [String: Bool] = [:]) { self.files = files }

    /// Creates a table of executables.
    package init(executables: [String]) {
        files = Dictionary(executables.map { ($0, true) }, uniquingKeysWith: { first, _ in first })
    }

    /// The lookup: the path found, `notExecutable(EACCES)` or `notFound(ENOENT)`.
    package func resolve(_ name: String, searchPath: String) -> Result<String, LaunchError> {
        if name.contains("/") {
            guard let executable = files[name] else { return .failure(.notFound(errno: 2)) }
            return executable ? .success(name) : .failure(.notExecutable(errno: 13))
        }
        var denied = false
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            switch files[candidate] {
            case true?: return .success(candidate)
            case false?: denied = true
            case nil: continue
            }
        }
        return .failure(denied ? .notExecutable(errno: 13) : .notFound(errno: 2))
    }
}

extension MonitorDependencies {
    /// Ports for tests: a fake launcher, a recording power control and a lookup that finds every name in
    /// `/usr/bin` unless given.
    package init(
        scriptRunner: any ScriptRunner,
        logSink: any LogSink,
        clock: any MonitorClock,
        stateStore: any StateStore,
        programLauncher: any ProgramLauncher = FakeProgramLauncher(),
        powerControl: any PowerControl = FakePowerControl(),
        executables: FakeExecutables? = nil
    ) {
        self.init(
            scriptRunner: scriptRunner,
            logSink: logSink,
            clock: clock,
            stateStore: stateStore,
            programLauncher: programLauncher,
            powerControl: powerControl,
            resolveExecutable: { name, searchPath in
                if let executables { return executables.resolve(name, searchPath: searchPath) }
                return .success(name.contains("/") ? name : "/usr/bin/" + name)
            }
        )
    }
}
