import ArmConfig
import ArmCore
import Synchronization

/// `[services.NAME]` `stop` and `type = "forking"` (commands.md 2.1 "Service form", 2.2; config-and-files §1.10).
extension ArmloadSupervisor {
    /// Why a start (launch, or a forking service's start command and pid file) failed.
    enum StartFailure: Error, Sendable, Equatable {
        /// The program could not be started (or the start command could not be executed).
        case launch(LaunchError)
        /// The forking service's start command ended with a failure.
        case command(ScriptOutcome)
        /// The start command or the pid file did not finish within the start wait.
        case timedOut(String)
        /// The systemd unit did not become active.
        case unit(UnitStart)
    }

    /// How a `start` or `stop` command of a `[services]` entry ended.
    struct CommandResult: Sendable {
        /// Its outcome.
        var outcome: ScriptOutcome
        /// The first line it wrote to stderr.
        var firstError: String?
    }

    /// How often a forking service's pid file is read while waiting for it.
    static let pidFilePoll: Duration = .milliseconds(200)

    /// The `[services]` entry of a service watch (nil for programs).
    func serviceEntry(_ watch: Watch) -> ServiceConfig? {
        guard watch.kind == .service, let name = watch.service else { return nil }
        return serviceConfig(name)
    }

    /// The `[services]` entry of a name, exact case first.
    func serviceConfig(_ name: String) -> ServiceConfig? {
        settings.services.first { $0.name == name }
            ?? settings.services.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Starts the watch's program: a forking service runs its `start` command and is watched by its pid file;
    /// everything else is launched.
    func startProgram(key: String) async -> Result<LaunchedProgram, StartFailure> {
        guard let watch = watches[key], let entry = serviceEntry(watch), entry.type == .forking else {
            return launch(key: key).mapError { .launch($0) }
        }
        return await startForking(key: key, watch: watch, entry: entry)
    }

    /// `type = "forking"`: the start command to its end (bounded by the start wait), then the pid file (polled
    /// until the start wait ends), then the process is attached; its exit status is unknown (ARMLOAD-23).
    private func startForking(
        key: String,
        watch: Watch,
        entry: ServiceConfig
    ) async -> Result<
        LaunchedProgram, StartFailure
    > {
        let runID = runIDs.next()
        let wait = Duration.seconds(max(1, entry.startWaitSeconds))
        let deadline = clock.now() + wait
        let environment = watch.spec?.environment ?? [:]
        let result = await runServiceCommand(
            entry.start,
            environment: environment,
            wid: watch.wid,
            group: watch.group,
            runID: runID,
            timeout: wait
        )
        switch result.outcome {
        case .exited(0):
            break
        case .timedOut:
            log.armloadRecord(wid: watch.wid, group: watch.group, run: runID, kind: "END", text: "start timed out")
            return .failure(.timedOut("start command still running after \(entry.startWaitSeconds)s"))
        case .execFailed(let code):
            log.armloadRecord(
                wid: watch.wid,
                group: watch.group,
                run: runID,
                kind: "END",
                text: "exec-failed errno=\(code) (\(ScriptExecution.errorText(code))) duration=0.000s"
            )
            return .failure(.launch(code == 2 ? .notFound(errno: code) : .notExecutable(errno: code)))
        case .exited, .signaled:
            log.armloadRecord(
                wid: watch.wid,
                group: watch.group,
                run: runID,
                kind: "END",
                text: "start " + Self.outcomeText(result.outcome)
            )
            return .failure(.command(result.outcome))
        }
        guard let (pid, ticks) = await waitForPIDFile(entry.pidFile, until: deadline) else {
            log.armloadRecord(wid: watch.wid, group: watch.group, run: runID, kind: "END", text: "no pid file")
            return .failure(.timedOut("no live process in \(entry.pidFile) after \(entry.startWaitSeconds)s"))
        }
        guard watches[key]?.machine.phase == .starting,
            attach(key: key, pid: pid, startTicks: ticks, startedAt: clock.wallNow(), runID: runID),
            let program = watches[key]?.run?.program
        else {
            log.trace(level: 2, module: "RSC", "armload \(watch.wid): pid \(pid) ended or WID released while starting")
            return .failure(.timedOut("pid \(pid) of \(entry.pidFile) could not be watched"))
        }
        log.trace(level: 3, module: "RSC", "armload \(watch.wid): forking service pid \(pid) from \(entry.pidFile)")
        return .success(program)
    }

    /// Reads the pid file until it names a live process or the deadline passes (a readiness wait).
    private func waitForPIDFile(_ path: String, until deadline: MonotonicInstant) async -> (Int32, UInt64)? {
        while true {
            if let pid = readFile(path).flatMap(Self.parsePID), let ticks = launcher.processStartTicks(pid: pid) {
                return (pid, ticks)
            }
            let now = clock.now()
            guard now < deadline, await pollDeadline(min(now + Self.pidFilePoll, deadline)) else { return nil }
        }
    }

    /// The pid on the first line of a pid file (surrounding blanks ignored).
    static func parsePID(_ text: String) -> Int32? {
        let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let pid = Int32(first.trimmingBlanks), pid > 1 else { return nil }
        return pid
    }

    /// Runs a `start` or `stop` argv of a `[services]` entry as root with the service's environment; its output
    /// goes to `armload/<WID>.log` as OUT and ERR records of the run.
    func runServiceCommand(
        _ argv: [String],
        environment: [String: String],
        wid: String,
        group: String,
        runID: String,
        timeout: Duration
    ) async -> CommandResult {
        guard let path = argv.first, !path.isEmpty else { return CommandResult(outcome: .execFailed(errno: 2)) }
        let firstError = Mutex<String?>(nil)
        let log = self.log
        let observer = ScriptObserver(line: { stream, text in
            log.armloadRecord(wid: wid, group: group, run: runID, kind: stream.rawValue, text: text)
            if stream == .stderr { firstError.withLock { if $0 == nil { $0 = text } } }
        })
        let invocation = ScriptInvocation(
            path: path,
            arguments: Array(argv.dropFirst()),
            workingDirectory: "/",
            environment: environment,
            timeout: timeout
        )
        let outcome = await scriptRunner.run(invocation, observer: observer)
        log.trace(level: 3, module: "RSC", "armload \(wid): \(path) \(Self.outcomeText(outcome))")
        return CommandResult(outcome: outcome, firstError: firstError.withLock { $0 })
    }

    /// `exit=N`, `signal=NAME`, `timeout` or `exec-failed errno=N`.
    static func outcomeText(_ outcome: ScriptOutcome) -> String {
        switch outcome {
        case .exited(let status): "exit=\(status)"
        case .signaled(let signal): "signal=\(ScriptExecution.signalName(signal))"
        case .timedOut: "timeout"
        case .execFailed(let code): "exec-failed errno=\(code)"
        }
    }

    /// The `0x%x` code of ARMLOAD-24 for a failed start command: its status, or 128 + the signal.
    static func outcomeCode(_ outcome: ScriptOutcome) -> Int {
        switch outcome {
        case .exited(let status): Int(status)
        case .signaled(let signal): 128 + Int(signal)
        case .timedOut: 0
        case .execFailed(let code): Int(code)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and CRs.
    fileprivate var trimmingBlanks: Substring {
        let blanks: Set<Character> = [" ", "\t", "\r"]
        var text = self
        while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
        while let last = text.last, blanks.contains(last) { text = text.dropLast() }
        return text
    }
}
