import ArmConfig
import ArmCore
import ArmProtocol

/// The seed's *command monitoring process* inside armmond (commands.md 2.1–2.3; single-server cluster):
/// registers WIDs, starts their programs through the `ProgramLauncher`, writes their output to
/// `armload/<WID>.log`, and on a failure takes the action of the watch's restart policy.
///
/// Launcher callbacks (from launcher threads) go through one stream that `run()` drains in order; restarts
/// wait on the `MonitorClock` in child tasks of `run()`; persistence is queued in order and written by `run()`
/// (STYLE §2.6: no unstructured tasks, no polling). So `run()` must be running for programs to be watched.
/// Requests (armload, armkill, armloadc) wait for their programs in the caller's task.
package actor ArmloadSupervisor {
    /// One WID as armstat shows it (commands.md 2.29, `armload` array).
    package struct WatchStatus: Sendable, Equatable {
        /// The WID as first given.
        package var wid: String
        /// Its group.
        package var group: String
        /// `app` or `service`.
        package var kind: String
        /// The program's pid; nil when none runs.
        package var pid: Int32?
        /// The systemd unit; nil for programs and `[services]` entries.
        package var unit: String?
        /// Start state (commands.md 2.3).
        package var startState: String
        /// Monitoring state (commands.md 2.3).
        package var monitorState: String
        /// Restarts counted in the current window.
        package var restarts: Int
        /// `/R`; nil when not given.
        package var retry: Int?
        /// Start of the current (or last) run, as a log timestamp; nil when it never ran here.
        package var started: String?
        /// `exit=N` or `signal=NAME`; nil before the first end (or when the status is unknown).
        package var lastExit: String?

        /// Creates a status.
        package init(
            wid: String,
            group: String,
            kind: String,
            pid: Int32?,
            unit: String?,
            startState: String,
            monitorState: String,
            restarts: Int,
            retry: Int?,
            started: String?,
            lastExit: String?
        ) {
            self.wid = wid
            self.group = group
            self.kind = kind
            self.pid = pid
            self.unit = unit
            self.startState = startState
            self.monitorState = monitorState
            self.restarts = restarts
            self.retry = retry
            self.started = started
            self.lastExit = lastExit
        }
    }

    /// A launcher callback, in the order the launcher made them.
    enum Input: Sendable {
        case exited(token: UInt64, exit: ProgramExit)
        case line(token: UInt64, stream: OutputStream, text: String)
        case ready(token: UInt64)
    }

    /// Work for `run()`, in order.
    enum Effect: Sendable {
        case save(ArmloadRecord)
        case delete(String)
        case restart(Due)
        case decide(Due, ranFor: Duration)
        /// The next state check of a watched systemd unit.
        case pollUnit(Due)
    }

    /// A deferred step for one registration and run generation of a WID; stale ones do nothing.
    struct Due: Sendable {
        var key: String
        var registration: UInt64
        var generation: UInt64
        var deadline: MonotonicInstant
        var script: Bool
    }

    /// One run of a program.
    struct Run: Sendable {
        var token: UInt64
        var program: LaunchedProgram
        var runID: String
        var began: MonotonicInstant
    }

    /// A registered WID.
    struct Watch: Sendable {
        var wid: String
        var group: String
        var kind: ArmloadRecord.Kind
        /// What to run; nil for `/W` (the command runs the program itself).
        var spec: ProgramSpec?
        var policy: ArmloadWatchPolicy
        var startTimeout: Int?
        var interval: Int?
        var service: String?
        var startState: WatchStartState
        var monitorState: WatchMonitorState
        var run: Run?
        /// Unique per registration, so a late step never touches a newer registration of the same WID.
        var registration: UInt64
        /// Bumped by every launch and every state change that makes pending steps stale.
        var generation: UInt64 = 0
        /// armkill, armloadc stop or the group stop asked the current run to end.
        var stopRequested = false
        /// The program ended without being asked (armkill then answers ARMKILL-07 step 3060).
        var endedUnasked = false
        var lastExit: ProgramExit?
        var startedAt: WallTime?
        /// The systemd unit (service form without a `[services]` entry); nil otherwise.
        var unit: String?
        /// The unit's `MainPID` at the last check (nil when 0 or unknown).
        var mainPID: Int32?
        /// When the unit's current run began (for the backoff's run length).
        var unitBegan: MonotonicInstant?
    }

    /// What a run's callbacks refer to until its exit was handled.
    struct TokenInfo: Sendable {
        var key: String
        var wid: String
        var group: String
        var runID: String
        var began: MonotonicInstant
    }

    /// How a termination (armkill, armloadc stop, group stop) ended.
    enum Termination: Sendable, Equatable {
        /// The program ended; `forced` when SIGKILL was needed.
        case ended(forced: Bool)
        /// Still alive 5 s after SIGKILL.
        case survived
        /// The `[services]` `stop` command failed (first stderr line, or its outcome); the service still runs.
        case stopFailed(String)
    }

    /// How long a program may live after SIGKILL before armkill gives up (commands.md 2.2).
    static let killGrace: Duration = .seconds(5)

    let settings: MonitorSettings
    let paths: ArmPaths
    let launcher: any ProgramLauncher
    let scriptRunner: any ScriptRunner
    let readFile: @Sendable (_ path: String) -> String?
    let power: any PowerControl
    let log: MonitorLog
    let clock: any MonitorClock
    let store: any StateStore
    let groups: ArmloadGroupHooks
    let resolveExecutable: @Sendable (_ name: String, _ searchPath: String) -> Result<String, LaunchError>
    let systemdAvailable: Bool
    let runIDs: ArmloadRunIDs
    let signals = RunSignals()
    private let inputs: AsyncStream<Input>
    let inputSink: AsyncStream<Input>.Continuation
    private let effects: AsyncStream<Effect>
    let effectSink: AsyncStream<Effect>.Continuation

    var watches: [String: Watch] = [:]
    var tokens: [UInt64: TokenInfo] = [:]
    var counters: [String: RestartCounter] = [:]
    var nextToken: UInt64 = 1
    var nextRegistration: UInt64 = 1

    /// Creates the supervisor of this server.
    /// - Parameters:
    ///   - settings: Server name, `[armload]` and `[services]`.
    ///   - paths: Product paths (notify sockets under `run/armcluster/notify/`).
    ///   - launcher: Starts, re-attaches and signals programs.
    ///   - scriptRunner: Runs the `start` of forking `[services]` entries and their `stop` commands.
    ///   - readFile: Reads a forking service's `pid_file` (nil when it cannot be read).
    ///   - powerControl: Action 3.
    ///   - log: Log writer (ARM.LOG lines carry armmond's PID and SOURCE `ARMLOAD`).
    ///   - clock: Delays, waits and timestamps.
    ///   - store: The `armload` table.
    ///   - groups: Group state, `/SCR` restart and stop.
    ///   - resolveExecutable: Finds `exec-name` in a search path as `execvp` does (a name with `/` as is).
    ///   - systemdAvailable: PID 1 is systemd (`/run/systemd/system` exists).
    ///   - runIDSeed: Seed of the RUN values (fixed in tests).
    package init(
        settings: MonitorSettings,
        paths: ArmPaths,
        launcher: any ProgramLauncher,
        scriptRunner: any ScriptRunner,
        readFile: @escaping @Sendable (_ path: String) -> String? = ArmloadSupervisor.readTextFile,
        powerControl: any PowerControl,
        log: MonitorLog,
        clock: any MonitorClock,
        store: any StateStore,
        groups: ArmloadGroupHooks,
        resolveExecutable: @escaping @Sendable (_ name: String, _ searchPath: String) -> Result<String, LaunchError>,
        systemdAvailable: Bool = false,
        runIDSeed: UInt32 = UInt32.random(in: 0...UInt32.max)
    ) {
        self.settings = settings
        self.paths = paths
        self.launcher = launcher
        self.scriptRunner = scriptRunner
        self.readFile = readFile
        self.power = powerControl
        self.log = log
        self.clock = clock
        self.store = store
        self.groups = groups
        self.resolveExecutable = resolveExecutable
        self.systemdAvailable = systemdAvailable
        self.runIDs = ArmloadRunIDs(seed: runIDSeed)
        (inputs, inputSink) = AsyncStream.makeStream(of: Input.self)
        (effects, effectSink) = AsyncStream.makeStream(of: Effect.self)
    }

    // MARK: - Running

    /// Handles launcher callbacks, writes the `armload` table and runs due restarts until `finish()`.
    package nonisolated func run() async {
        // Writes go to their own queue, in order: a decision or a restart never waits for the state database
        // (synchronous=FULL makes every write an fsync), so a restart is as fast as the launch itself.
        let (writes, writeSink) = AsyncStream.makeStream(of: Effect.self)
        await withDiscardingTaskGroup { outer in
            // Drains every queued write, also after finish(): it ends when writeSink is finished.
            outer.addTask {
                for await write in writes { await self.persist(write) }
            }
            await withDiscardingTaskGroup { tasks in
                tasks.addTask {
                    for await input in self.inputs { await self.handle(input) }
                }
                for await effect in effects {
                    switch effect {
                    case .save, .delete:
                        writeSink.yield(effect)
                    case .restart(let due):
                        let clock = self.clock
                        tasks.addTask {
                            do {
                                try await clock.sleep(until: due.deadline)
                            } catch {
                                return
                            }
                            await self.restartDue(due)
                        }
                    case .decide(let due, let ranFor):
                        tasks.addTask { await self.decideFailure(due, ranFor: ranFor) }
                    case .pollUnit(let due):
                        let clock = self.clock
                        tasks.addTask {
                            do {
                                try await clock.sleep(until: due.deadline)
                            } catch {
                                return
                            }
                            await self.pollUnit(due)
                        }
                    }
                }
                // finish(): pending restarts are dropped; queued writes are still made.
                writeSink.finish()
                tasks.cancelAll()
            }
        }
    }

    /// Makes one queued write to the state database.
    private nonisolated func persist(_ effect: Effect) async {
        switch effect {
        case .save(let record):
            do {
                try await store.saveArmload(record)
            } catch {
                log.trace(
                    level: 1,
                    module: "RSC",
                    "armload \(record.wid): state database write failed: \(error)"
                )
            }
        case .delete(let wid):
            do {
                try await store.deleteArmload(wid: wid)
            } catch {
                log.trace(level: 1, module: "RSC", "armload \(wid): state database write failed: \(error)")
            }
        case .restart, .decide, .pollUnit:
            break
        }
    }

    /// Ends `run()`: no more callbacks are handled and pending restarts are dropped.
    ///
    /// Call after the groups stopped (their stop stops the WIDs).
    package nonisolated func finish() {
        inputSink.finish()
        effectSink.finish()
    }

    // MARK: - Launcher callbacks

    func handle(_ input: Input) {
        switch input {
        case .line(let token, let stream, let text):
            guard let info = tokens[token] else { return }
            log.armloadRecord(wid: info.wid, group: info.group, run: info.runID, kind: stream.rawValue, text: text)
        case .ready(let token):
            guard let info = tokens[token] else { return }
            log.trace(level: 4, module: "RSC", "armload \(info.wid): READY=1")
            signals.fire(.ready, token: token)
        case .exited(let token, let exit):
            programExited(token: token, exit: exit)
        }
    }

    /// A run ended: END record, state, then either the waiting request decides (starting, stop requested) or
    /// it is a failure (commands.md 2.1 "Watching").
    private func programExited(token: UInt64, exit: ProgramExit) {
        guard let info = tokens.removeValue(forKey: token) else { return }
        let now = clock.now()
        log.armloadRecord(
            wid: info.wid,
            group: info.group,
            run: info.runID,
            kind: "END",
            text: ArmloadTexts.exitText(exit) + " duration=" + LogLineFormat.seconds(now - info.began)
        )
        defer { signals.fire(.exited, token: token) }
        guard var watch = watches[info.key], let run = watch.run, run.token == token else { return }
        watch.run = nil
        watch.lastExit = exit
        watch.generation += 1
        if watch.stopRequested || watch.startState == .starting {
            // Asked for, or a failed readiness wait: the waiting request decides.
            watch.startState = .ended
            watch.endedUnasked = false
            store(watch, key: info.key)
            return
        }
        let detection =
            exit == .unknown
            ? CatalogMessage(.armload23, [.string(watch.wid)])
            : CatalogMessage(.armload09, [.string(watch.wid), .int(ArmloadTexts.exitCode(exit))])
        log.arm(detection, source: "ARMLOAD")
        watch.startState = .ended
        watch.endedUnasked = true
        store(watch, key: info.key)
        guard watch.monitorState == .monitoring else {
            // Unwatched programs only end; paused watches only log (commands.md 2.1, 2.3).
            return
        }
        let due = Due(
            key: info.key,
            registration: watch.registration,
            generation: watch.generation,
            deadline: now,
            script: false
        )
        effectSink.yield(.decide(due, ranFor: now - run.began))
    }

    // MARK: - Failures and restarts

    /// Takes the action of one failure (an unasked exit, or a restart that failed to launch).
    func decideFailure(_ due: Due, ranFor: Duration) async {
        guard let group = watches[due.key]?.group else { return }
        let groupInfo = await groups.groupState(group)
        let limitReached = await groups.maxFailoversReached(group)
        guard var watch = watches[due.key], watch.registration == due.registration,
            watch.generation == due.generation, watch.startState == .ended
        else { return }
        guard let groupInfo, groupInfo.state == .started || groupInfo.state == .starting else {
            // Interpretation: a program that dies while its group is stopping takes no action; the group
            // stop releases it.
            log.trace(level: 3, module: "RSC", "armload \(watch.wid): no action, group \(group) is stopping or stopped")
            return
        }
        let counterKey = Self.counterKey(group: watch.group, wid: watch.wid)
        var counter = counters[counterKey] ?? RestartCounter()
        let action = RestartPolicy.onFailure(
            counter: &counter,
            policy: watch.policy,
            backoff: settings.armload.backoff,
            ranFor: ranFor,
            now: clock.now(),
            maxFailoversReached: limitReached
        )
        counters[counterKey] = counter
        let isService = watch.kind == .service
        log.event(
            ArmloadTexts.eventFailure(group: watch.group, wid: watch.wid, service: isService, action: action.seedNumber)
        )
        switch action {
        case .restartApplication(let delay), .restartScript(let delay):
            watch.startState = .restarting
            watch.generation += 1
            watches[due.key] = watch
            store(watch, key: due.key)
            var restart = due
            restart.generation = watch.generation
            restart.deadline = clock.now() + delay
            if case .restartScript = action { restart.script = true }
            effectSink.yield(.restart(restart))
        case .failover:
            store(watch, key: due.key)
            log.arm(CatalogMessage(.armload19, [.string(watch.wid), .string(watch.group)]), source: "ARMLOAD")
            // A single-server cluster has no server to take the group: ARMLOAD-25, then the group is stopped
            // here (commands.md 2.1).
            log.arm(
                CatalogMessage(.armload25, [.string(watch.wid), .string(watch.group), .int(0)]),
                source: "ARMLOAD"
            )
            await groups.stopGroup(watch.group, .groupFailover)
        case .shutdown:
            store(watch, key: due.key)
            log.arm(CatalogMessage(.armload20, [.string(watch.wid)]), source: "ARMLOAD")
            await power.shutdown(reboot: false, reason: "armload WID=\(watch.wid) group=\(watch.group) action 3")
        case .none:
            store(watch, key: due.key)
        }
    }

    /// A restart's delay passed: action 5 relaunches the program, action 4 restarts the group's scripts.
    func restartDue(_ due: Due) async {
        guard var watch = watches[due.key], watch.registration == due.registration,
            watch.generation == due.generation, watch.startState == .restarting
        else { return }
        let isService = watch.kind == .service
        if watch.unit != nil, !due.script {
            await restartUnitDue(due)
            return
        }
        if due.script {
            log.arm(CatalogMessage(.armload16, [.string(watch.wid)]), source: "ARMLOAD")
            await groups.restartGroup(watch.group)
            return
        }
        switch await startProgram(key: due.key) {
        case .success:
            guard let current = watches[due.key], current.registration == due.registration else { return }
            watch = current
            watch.startState = .running
            watches[due.key] = watch
            store(watch, key: due.key)
            log.arm(
                CatalogMessage(isService ? .armload18 : .armload17, [.string(watch.wid)]),
                source: "ARMLOAD"
            )
            log.event(ArmloadTexts.eventRestarted(group: watch.group, wid: watch.wid, service: isService))
        case .failure:
            // A restart that fails counts as a failure of a run of length zero (commands.md 2.1).
            log.event(ArmloadTexts.eventStartFailed(group: watch.group, wid: watch.wid, service: isService))
            watch = watches[due.key] ?? watch
            watch.startState = .ended
            watch.endedUnasked = true
            watch.generation += 1
            watches[due.key] = watch
            store(watch, key: due.key)
            var next = due
            next.generation = watch.generation
            await decideFailure(next, ranFor: .zero)
        }
    }

    // MARK: - Launching

    /// Starts the watch's program: a new RUN with BEGIN (and END `exec-failed` when it cannot start).
    func launch(key: String) -> Result<LaunchedProgram, LaunchError> {
        guard var watch = watches[key], let spec = watch.spec else { return .failure(.spawnFailed(errno: 22)) }
        let token = nextToken
        nextToken += 1
        let runID = runIDs.next()
        let sink = inputSink
        let events = ProgramEvents(
            exited: { exit in sink.yield(.exited(token: token, exit: exit)) },
            line: { stream, text in sink.yield(.line(token: token, stream: stream, text: text)) },
            ready: { sink.yield(.ready(token: token)) }
        )
        let program: LaunchedProgram
        do {
            program = try launcher.launch(spec, events: events)
        } catch {
            log.armloadRecord(wid: watch.wid, group: watch.group, run: runID, kind: "BEGIN", text: "pid=-")
            log.armloadRecord(
                wid: watch.wid,
                group: watch.group,
                run: runID,
                kind: "END",
                text: "exec-failed errno=\(error.errno) (\(ScriptExecution.errorText(error.errno))) duration=0.000s"
            )
            return .failure(error)
        }
        let began = clock.now()
        log.armloadRecord(wid: watch.wid, group: watch.group, run: runID, kind: "BEGIN", text: "pid=\(program.pid)")
        tokens[token] = TokenInfo(key: key, wid: watch.wid, group: watch.group, runID: runID, began: began)
        watch.run = Run(token: token, program: program, runID: runID, began: began)
        watch.generation += 1
        watch.stopRequested = false
        watch.endedUnasked = false
        watch.startedAt = clock.wallNow()
        watches[key] = watch
        return .success(program)
    }

    /// Watches a program of an earlier monitor (re-attach after an unclean stop); no output lines come.
    func attach(key: String, pid: Int32, startTicks: UInt64, startedAt: WallTime?, runID: String? = nil) -> Bool {
        guard var watch = watches[key] else { return false }
        let token = nextToken
        nextToken += 1
        let runID = runID ?? runIDs.next()
        let sink = inputSink
        let events = ProgramEvents(
            exited: { exit in sink.yield(.exited(token: token, exit: exit)) },
            ready: { sink.yield(.ready(token: token)) }
        )
        guard let program = launcher.attach(pid: pid, startTicks: startTicks, events: events) else { return false }
        let began = clock.now()
        log.armloadRecord(wid: watch.wid, group: watch.group, run: runID, kind: "BEGIN", text: "pid=\(program.pid)")
        tokens[token] = TokenInfo(key: key, wid: watch.wid, group: watch.group, runID: runID, began: began)
        watch.run = Run(token: token, program: program, runID: runID, began: began)
        watch.generation += 1
        watch.startedAt = startedAt ?? clock.wallNow()
        watches[key] = watch
        return true
    }

    // MARK: - Termination

    /// SIGTERM to the program's process group (or the `[services]` `stop` command), SIGKILL after `wait`, and
    /// a last 5 s (commands.md 2.2).
    ///
    /// The end is known from the launcher's exit event, the deadlines from the monitor clock. Processes left
    /// in the group after the main one ended are killed without further ado. A `stop` command that fails
    /// (exit ≠ 0, signal, exec failure) while the service still runs: with `keepOnStopFailure` the service is
    /// left running in its earlier state (`.stopFailed`); without (group stop), ARMLOAD-26 is written and the
    /// service is signalled as without a `stop` command. A `stop` command still running at the end of the
    /// wait is killed and the service gets SIGKILL, as a SIGTERM that did not work.
    func terminate(key: String, wait: Duration, keepOnStopFailure: Bool = true) async -> Termination {
        guard var watch = watches[key], let run = watch.run else { return .ended(forced: false) }
        let earlierState = watch.startState
        watch.stopRequested = true
        watch.startState = .stopping
        watch.generation += 1
        watches[key] = watch
        store(watch, key: key)
        let group = run.program.pid
        let deadline = clock.now() + wait
        if let entry = serviceEntry(watch), !entry.stop.isEmpty {
            let result = await runServiceCommand(
                entry.stop,
                environment: watch.spec?.environment ?? [:],
                wid: watch.wid,
                group: watch.group,
                runID: run.runID,
                timeout: wait
            )
            switch result.outcome {
            case .exited(0), .timedOut:
                break
            case .exited, .signaled, .execFailed:
                let detail = result.firstError ?? "stop command " + Self.outcomeText(result.outcome)
                if var current = watches[key], current.registration == watch.registration,
                    current.run?.token == run.token
                {
                    if keepOnStopFailure {
                        current.stopRequested = false
                        current.startState = earlierState == .stopping ? .running : earlierState
                        current.generation += 1
                        store(current, key: key)
                        return .stopFailed(detail)
                    }
                    log.arm(CatalogMessage(.armload26, [.string(watch.wid), .string(detail)]), source: "ARMLOAD")
                    launcher.signalGroup(group, signal: SignalNumber.terminate)
                } else {
                    // The service ended anyway: the stop is done.
                    log.trace(level: 2, module: "RSC", "armload \(watch.wid): stop command failed (\(detail))")
                }
            }
        } else {
            launcher.signalGroup(group, signal: SignalNumber.terminate)
        }
        // A run that ended while the stop command ran is already known; otherwise its end is awaited.
        var ended = watches[key]?.run?.token != run.token
        if !ended { ended = await waitForExit(token: run.token, until: max(deadline, clock.now())) }
        if ended {
            if launcher.isGroupAlive(group) {
                log.trace(
                    level: 3,
                    module: "RSC",
                    "armload \(watch.wid): killing what is left of process group \(group)"
                )
                launcher.signalGroup(group, signal: SignalNumber.kill)
            }
            return .ended(forced: false)
        }
        launcher.signalGroup(group, signal: SignalNumber.kill)
        return await waitForExit(token: run.token, until: clock.now() + Self.killGrace)
            ? .ended(forced: true) : .survived
    }

    /// Whether the run ended before the deadline.
    nonisolated func waitForExit(token: UInt64, until deadline: MonotonicInstant) async -> Bool {
        await waitFor(token: token, [.exited], until: deadline) == .exited
    }

    /// The first of `kinds` published for the run before the deadline; nil after the deadline.
    nonisolated func waitFor(
        token: UInt64,
        _ kinds: Set<RunSignals.Signal>,
        until deadline: MonotonicInstant
    ) async -> RunSignals.Signal? {
        let signals = self.signals
        let clock = self.clock
        return await withTaskGroup(of: RunSignals.Signal?.self) { tasks in
            tasks.addTask { await signals.wait(token: token, for: kinds) }
            tasks.addTask {
                try? await clock.sleep(until: deadline)
                return nil
            }
            let first = await tasks.next() ?? nil
            tasks.cancelAll()
            return first
        }
    }

    // MARK: - Registry and persistence

    /// The registry key of a WID (case-insensitive, commands.md 1.8).
    static func key(_ wid: String) -> String { wid.lowercased() }

    /// The restart counter's key: (group, WID).
    static func counterKey(group: String, wid: String) -> String { group.lowercased() + "\u{0}" + wid.lowercased() }

    /// Releases a registration (no-op when it is gone or newer): the row is deleted.
    func release(key: String, registration: UInt64) {
        guard let watch = watches[key], watch.registration == registration else { return }
        watches[key] = nil
        if let run = watch.run { signals.forget(token: run.token) }
        effectSink.yield(.delete(watch.wid))
    }

    /// Stores the watch and queues its row.
    func store(_ watch: Watch, key: String) {
        watches[key] = watch
        effectSink.yield(.save(record(watch)))
    }

    /// The `armload` row of a watch.
    func record(_ watch: Watch) -> ArmloadRecord {
        let counter = counters[Self.counterKey(group: watch.group, wid: watch.wid)] ?? RestartCounter()
        let options = ArmloadStoredOptions(
            policy: watch.policy,
            startTimeout: watch.startTimeout,
            interval: watch.interval,
            user: watch.spec?.user?.name,
            unit: watch.service,
            path: watch.spec?.path,
            cwd: watch.spec?.workingDirectory ?? "/",
            env: watch.spec?.environment ?? [:],
            monitor: watch.monitorState
        )
        return ArmloadRecord(
            wid: watch.wid,
            group: watch.group,
            kind: watch.kind,
            argv: watch.spec?.arguments ?? [],
            options: options.text,
            pid: watch.run?.program.pid,
            procStartTicks: watch.run?.program.startTicks,
            state: watch.startState.rawValue,
            monitorState: watch.monitorState.rawValue,
            restarts: counter.used,
            windowStart: counter.windowStart.map(wallMilliseconds),
            startedAt: watch.startedAt?.epochMilliseconds,
            lastExit: watch.lastExit.map(ArmloadTexts.exitText)
        )
    }

    /// A monotonic instant as wall-clock milliseconds (the table keeps wall time).
    func wallMilliseconds(_ instant: MonotonicInstant) -> Int64 {
        let offset = clock.now() - instant
        let (seconds, attoseconds) = offset.components
        return clock.wallNow().epochMilliseconds - (seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// Wall-clock milliseconds as a monotonic instant.
    func monotonicInstant(wallMilliseconds: Int64) -> MonotonicInstant {
        let ago = clock.wallNow().epochMilliseconds - wallMilliseconds
        return MonotonicInstant(nanoseconds: clock.now().nanoseconds - ago * 1_000_000)
    }

    // MARK: - Status

    /// Every WID in registration order, as armstat shows them.
    package func status() -> [WatchStatus] {
        watches.values.sorted { $0.registration < $1.registration }.map { watch in
            let counter = counters[Self.counterKey(group: watch.group, wid: watch.wid)] ?? RestartCounter()
            let lastExit: String? =
                switch watch.lastExit {
                case .exited, .signaled: watch.lastExit.map(ArmloadTexts.exitText)
                case .unknown, nil: nil
                }
            return WatchStatus(
                wid: watch.wid,
                group: watch.group,
                kind: watch.kind.rawValue,
                pid: watch.run?.program.pid ?? watch.mainPID,
                unit: watch.unit,
                startState: watch.startState.rawValue,
                monitorState: watch.monitorState.rawValue,
                restarts: counter.used,
                retry: watch.policy.retry,
                started: watch.startedAt.map { LogLineFormat.timestamp($0, utc: log.utc) },
                lastExit: lastExit
            )
        }
    }

    /// The registered WIDs (completion, `names wids`).
    package func wids() -> [String] { status().map(\.wid) }
}
