import ArmConfig
import ArmCore
import ArmProtocol

/// The seed's *command monitoring process* inside armmond (commands.md 2.1–2.3; single-server cluster):
/// registers WIDs, starts their programs through the `ProgramLauncher`, writes their output to
/// `armload/<WID>.log`, and on a failure takes the action of the watch's restart policy.
///
/// Every decision is made by the WID's `WatchStateMachine` (ArmCore); this actor only does I/O: it feeds
/// the machine launcher callbacks, requests, deadlines and the group's answers, and performs the actions it
/// returns (`perform(_:key:watch:endedGroup:)`, one switch). Launcher callbacks (from launcher threads) go
/// through one stream that `run()` drains in order; deadlines are timers on the `MonitorClock` in child
/// tasks of `run()` (one per watch, cancelled when replaced); actions that suspend (the group's state,
/// scripts, systemctl) run there too and report back as inputs; persistence is queued in order and written
/// by `run()`, so a restart never waits for the database (STYLE §2.6: no unstructured tasks, no polling).
/// So `run()` must be running for programs to be watched. Requests (armload, armkill, armloadc, the group
/// stop) feed their input and wait for the machine's `replyToRequest` in the caller's task.
package actor ArmloadSupervisor {
    /// One WID as armstat shows it (commands.md 2.29, `armload` array): the status document's own entry.
    package typealias WatchStatus = StatusDocument.Watch

    /// A launcher callback, in the order the launcher made them.
    enum Input: Sendable {
        case exited(token: UInt64, exit: ProgramExit)
        case line(token: UInt64, stream: OutputStream, text: String)
        case ready(token: UInt64)
    }

    /// Work for `run()`, in order: writes, deadlines, and the actions that wait for something (group, scripts,
    /// systemctl), which run as child tasks of `run()` and report back as machine inputs.
    enum Effect: Sendable {
        case save(ArmloadRecord)
        case delete(String)
        /// The watch's deadline: `deadlineReached` unless the timer (`token`) was cancelled first.
        case deadline(key: String, token: UInt64, at: MonotonicInstant)
        /// An action of the watch's machine that suspends.
        case perform(key: String, WatchStateMachine.Action)
        /// A poll's next check (`pollDeadline`): `due` is signalled for `token` at the instant.
        case poll(token: UInt64, at: MonotonicInstant)
    }

    /// One run of a program.
    struct Run: Sendable {
        var token: UInt64
        var program: LaunchedProgram
        var runID: String
        var began: MonotonicInstant
    }

    /// A registered WID: its state machine (every decision) and what its I/O needs.
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
        /// Starting, running, restarting, stopping, … (commands.md 2.1–2.3).
        var machine: WatchStateMachine
        /// Registration order (armstat lists WIDs in it).
        var order: UInt64
        var run: Run?
        var startedAt: WallTime?
        /// The systemd unit (service form without a `[services]` entry); nil otherwise.
        var unit: String?
        /// The pending deadline's timer; nil when none is pending.
        var timer: UInt64?
        /// The row was written (a release deletes it).
        var persisted = false
        /// How long a unit start may take (registration, armloadc start or restart).
        var unitStartWait: Duration = .seconds(60)
        /// The unit is already active (`/A`): its "launch" adopts it.
        var adopt: UnitState?
        /// Why the last start failed (for the answer).
        var startFailure: StartFailure?

        var startState: WatchStartState { machine.startState }
        var monitorState: WatchMonitorState { machine.monitorState }
    }

    /// What a run's callbacks refer to until its exit was handled.
    struct TokenInfo: Sendable {
        var key: String
        var wid: String
        var group: String
        var runID: String
        var began: MonotonicInstant
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
    let replies = WatchReplies()
    private let inputs: AsyncStream<Input>
    let inputSink: AsyncStream<Input>.Continuation
    private let effects: AsyncStream<Effect>
    let effectSink: AsyncStream<Effect>.Continuation

    var watches: [String: Watch] = [:]
    var tokens: [UInt64: TokenInfo] = [:]
    var counters: [String: RestartCounter] = [:]
    var nextToken: UInt64 = 1
    var nextOrder: UInt64 = 1

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

    /// Handles launcher callbacks, writes the `armload` table, fires deadlines and performs the actions that
    /// suspend, until `finish()`.
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
                    case .deadline(let key, let token, let deadline):
                        tasks.addTask {
                            let cancelled = await self.waitFor(token: token, [.cancelled], until: deadline)
                            self.signals.forget(token: token)
                            guard cancelled == nil, !Task.isCancelled else { return }
                            await self.deadlineFired(key: key, token: token)
                        }
                    case .perform(let key, let action):
                        tasks.addTask { await self.performSuspending(action, key: key) }
                    case .poll(let token, let deadline):
                        // The same timer as a watch's deadline; nothing cancels a poll's, so it fires at
                        // its time (or at once when run() ends, which also cancels the waiting poll).
                        tasks.addTask {
                            _ = await self.waitFor(token: token, [.cancelled], until: deadline)
                            self.signals.fire(.due, token: token)
                        }
                    }
                }
                // finish(): pending deadlines are dropped; queued writes are still made.
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
        case .deadline, .perform, .poll:
            break
        }
    }

    /// Ends `run()`: no more callbacks are handled and pending deadlines are dropped.
    ///
    /// Call after the groups stopped (their stop stops the WIDs).
    package nonisolated func finish() {
        inputSink.finish()
        effectSink.finish()
    }

    // MARK: - Feeding the machines

    /// Gives one input to a watch's machine and performs its actions; nothing when the WID is gone.
    @discardableResult
    func feed(
        _ key: String,
        endedGroup: Int32? = nil,
        _ input: (inout WatchStateMachine) -> [WatchStateMachine.Action]
    ) -> [WatchStateMachine.Action] {
        guard var watch = watches[key] else { return [] }
        let actions = input(&watch.machine)
        watches[key] = watch
        counters[Self.counterKey(group: watch.group, wid: watch.wid)] = watch.machine.counter
        perform(actions, key: key, watch: watch, endedGroup: endedGroup)
        return actions
    }

    /// Performs the actions of one input, in order.
    ///
    /// Actions that suspend (the group's answer, scripts, systemctl, a forking service's start) run as child
    /// tasks of `run()` and report back as inputs.
    private func perform(
        _ actions: [WatchStateMachine.Action],
        key: String,
        watch snapshot: Watch,
        endedGroup: Int32?
    ) {
        for action in actions { perform(action, key: key, watch: snapshot, endedGroup: endedGroup) }
        // A deadline that is already due (a restart without delay) is reached at once, in this turn: a
        // restart never waits for a timer task.
        for case .scheduleDeadline(let deadline) in actions {
            let now = clock.now()
            if deadline <= now, watches[key] != nil, watches[key]?.timer == nil {
                feed(key) { $0.deadlineReached(at: now) }
            }
        }
    }

    /// Performs one action of a watch's machine (the only place machine actions become I/O).
    private func perform(_ action: WatchStateMachine.Action, key: String, watch snapshot: Watch, endedGroup: Int32?) {
        switch action {
        case .launch:
            launchForMachine(key: key)
        case .abandonLaunch:
            break  // handled where the launch result arrives: the program is killed there
        case .sendSignal(let signal):
            if let group = watches[key]?.run?.program.pid { launcher.signalGroup(group, signal: signal) }
        case .killLeftovers:
            if let group = endedGroup, launcher.isGroupAlive(group) {
                log.trace(
                    level: 3,
                    module: "RSC",
                    "armload \(snapshot.wid): killing what is left of process group \(group)"
                )
                launcher.signalGroup(group, signal: SignalNumber.kill)
            }
        case .runStopCommand, .stopUnit, .checkUnit, .queryGroup, .escalate, .restartGroupScripts:
            effectSink.yield(.perform(key: key, action))
        case .scheduleDeadline(let deadline):
            cancelTimer(key: key)
            guard deadline > clock.now(), var watch = watches[key] else { return }
            let token = nextToken
            nextToken += 1
            watch.timer = token
            watches[key] = watch
            effectSink.yield(.deadline(key: key, token: token, at: deadline))
        case .cancelDeadline:
            cancelTimer(key: key)
        case .persist:
            if let watch = watches[key] { store(watch, key: key) }
        case .release:
            cancelTimer(key: key)
            guard let watch = watches.removeValue(forKey: key) else { return }
            if watch.persisted { effectSink.yield(.delete(watch.wid)) }
        case .report(let report):
            self.report(report, watch: snapshot)
        case .replyToRequest(let request, let outcome):
            replies.deliver(
                WatchReplies.Reply(outcome: outcome, failure: watches[key]?.startFailure ?? snapshot.startFailure),
                key: key,
                request: request
            )
        }
    }

    /// Cancels the watch's pending deadline, if any.
    private func cancelTimer(key: String) {
        guard var watch = watches[key], let token = watch.timer else { return }
        watch.timer = nil
        watches[key] = watch
        signals.fire(.cancelled, token: token)
    }

    /// A deadline's time came: the machine decides whether it still matters.
    private func deadlineFired(key: String, token: UInt64) {
        guard var watch = watches[key], watch.timer == token else { return }
        watch.timer = nil
        watches[key] = watch
        let now = clock.now()
        feed(key) { $0.deadlineReached(at: now) }
    }

    /// ARM.LOG, event and trace lines of a machine's report.
    private func report(_ report: WatchStateMachine.Report, watch: Watch) {
        let isService = watch.kind == .service
        switch report {
        case .programEnded(let exit):
            let line =
                exit == .unknown
                ? CatalogMessage(.armload23, [.string(watch.wid)])
                : CatalogMessage(.armload09, [.string(watch.wid), .int(ArmloadTexts.exitCode(exit))])
            log.arm(line, source: "ARMLOAD")
        case .unitEnded(let code, let status):
            log.arm(CatalogMessage(.armload14, [.string(watch.wid), .int(code), .int(status)]), source: "ARMLOAD")
        case .failureDetected(let action):
            log.event(
                ArmloadTexts.eventFailure(
                    group: watch.group,
                    wid: watch.wid,
                    service: isService,
                    action: action.seedNumber
                )
            )
        case .restarted:
            log.arm(
                CatalogMessage(isService ? .armload18 : .armload17, [.string(watch.wid)]),
                source: "ARMLOAD"
            )
            log.event(ArmloadTexts.eventRestarted(group: watch.group, wid: watch.wid, service: isService))
        case .startFailed:
            log.event(ArmloadTexts.eventStartFailed(group: watch.group, wid: watch.wid, service: isService))
        case .restartingGroupScripts:
            log.arm(CatalogMessage(.armload16, [.string(watch.wid)]), source: "ARMLOAD")
        case .noActionGroupInactive:
            log.trace(
                level: 3,
                module: "RSC",
                "armload \(watch.wid): no action, group \(watch.group) is stopping or stopped"
            )
        case .stopCommandFailed(let detail):
            log.arm(CatalogMessage(.armload26, [.string(watch.wid), .string(detail)]), source: "ARMLOAD")
        }
    }

    /// The actions that suspend, in a child task of `run()`; their results are fed back to the machine.
    private func performSuspending(_ action: WatchStateMachine.Action, key: String) async {
        guard let watch = watches[key] else { return }
        switch action {
        case .queryGroup(let failedAt):
            let info = await groups.groupState(watch.group)
            let limitReached = await groups.maxFailoversReached(watch.group)
            let active = info.map { $0.state == .started || $0.state == .starting } ?? false
            let now = clock.now()
            feed(key) {
                $0.groupStateObserved(active: active, maxFailoversReached: limitReached, failedAt: failedAt, at: now)
            }
        case .escalate(.failover):
            log.arm(CatalogMessage(.armload19, [.string(watch.wid), .string(watch.group)]), source: "ARMLOAD")
            // A single-server cluster has no server to take the group: ARMLOAD-25, then the group is stopped
            // here (commands.md 2.1).
            log.arm(
                CatalogMessage(.armload25, [.string(watch.wid), .string(watch.group), .int(0)]),
                source: "ARMLOAD"
            )
            await groups.stopGroup(watch.group, .groupFailover)
        case .escalate(.shutdown):
            log.arm(CatalogMessage(.armload20, [.string(watch.wid)]), source: "ARMLOAD")
            await power.shutdown(reboot: false, reason: "armload WID=\(watch.wid) group=\(watch.group) action 3")
        case .escalate:
            break
        case .restartGroupScripts:
            await groups.restartGroup(watch.group)
        case .runStopCommand(let timeout):
            guard let entry = serviceEntry(watch), let run = watch.run else { return }
            let result = await runServiceCommand(
                entry.stop,
                environment: watch.spec?.environment ?? [:],
                wid: watch.wid,
                group: watch.group,
                runID: run.runID,
                timeout: timeout
            )
            let succeeded: Bool
            switch result.outcome {
            case .exited(0), .timedOut: succeeded = true
            case .exited, .signaled, .execFailed: succeeded = false
            }
            let detail = result.firstError ?? "stop command " + Self.outcomeText(result.outcome)
            if !succeeded, watches[key]?.run?.token != run.token {
                // The service ended anyway: the stop is done.
                log.trace(level: 2, module: "RSC", "armload \(watch.wid): stop command failed (\(detail))")
            }
            let now = clock.now()
            feed(key) { $0.stopCommandFinished(succeeded: succeeded, detail: detail, at: now) }
        case .stopUnit(let timeout):
            let stopped = await stopUnit(watch, wait: timeout)
            let now = clock.now()
            feed(key) { $0.unitStopFinished(stopped: stopped, at: now) }
        case .checkUnit:
            guard let unit = watch.unit else { return }
            let state = await showUnit(unit)
            let observation: WatchStateMachine.UnitObservation
            if let state {
                observation =
                    state.isDown
                    ? .down(code: state.execMainCode, status: state.execMainStatus) : .active(mainPID: state.mainPID)
            } else {
                observation = .unknown
            }
            let now = clock.now()
            feed(key) { $0.unitChecked(observation, at: now) }
        case .launch:
            await launchSuspending(key: key)
        case .abandonLaunch, .sendSignal, .killLeftovers, .scheduleDeadline, .cancelDeadline, .persist, .release,
            .report, .replyToRequest:
            break
        }
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
            guard watches[info.key]?.run?.token == token else { return }
            let now = clock.now()
            feed(info.key) { $0.ready(at: now) }
        case .exited(let token, let exit):
            programExited(token: token, exit: exit)
        }
    }

    /// A run ended: END record, then the machine decides (a failure, an asked-for end, a failed start).
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
        guard var watch = watches[info.key], let run = watch.run, run.token == token else { return }
        watch.run = nil
        watches[info.key] = watch
        feed(info.key, endedGroup: run.program.pid) { $0.programExited(exit, at: now) }
    }

    // MARK: - Launching

    /// The machine's `launch`: a program at once; a forking service or a unit in a child task of `run()`.
    private func launchForMachine(key: String) {
        guard let watch = watches[key] else { return }
        if watch.unit != nil || serviceEntry(watch)?.type == .forking {
            effectSink.yield(.perform(key: key, .launch))
            return
        }
        launched(key: key, launch(key: key).mapError { .launch($0) })
    }

    /// A forking service's start or a unit's start, then the result to the machine.
    private func launchSuspending(key: String) async {
        guard let watch = watches[key] else { return }
        if watch.unit != nil {
            let result = await startUnitForMachine(key: key)
            let now = clock.now()
            switch result {
            case .success(let state):
                if var current = watches[key] {
                    current.startedAt = clock.wallNow()
                    current.adopt = nil
                    watches[key] = current
                }
                feed(key) { $0.launched(pid: state.mainPID, at: now) }
            case .failure(let failure):
                if var current = watches[key] {
                    current.startFailure = failure
                    current.adopt = nil
                    watches[key] = current
                }
                feed(key) { $0.launchFailed(at: now) }
            }
            return
        }
        launched(key: key, await startProgram(key: key))
    }

    /// Feeds a launch result to the machine; a program nobody waits for any more is killed.
    private func launched(key: String, _ result: Result<LaunchedProgram, StartFailure>) {
        let now = clock.now()
        switch result {
        case .success(let program):
            guard var watch = watches[key], watch.machine.phase == .starting else {
                // Stopped or released while it started.
                launcher.signalGroup(program.pid, signal: SignalNumber.kill)
                return
            }
            watch.startFailure = nil
            watches[key] = watch
            feed(key) { $0.launched(pid: program.pid, at: now) }
        case .failure(let failure):
            guard var watch = watches[key] else { return }
            watch.startFailure = failure
            watches[key] = watch
            feed(key) { $0.launchFailed(at: now) }
        }
    }

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
        watch.startedAt = startedAt ?? clock.wallNow()
        watches[key] = watch
        return true
    }

    // MARK: - Timers

    /// The first of `kinds` published for the token before the deadline; nil after the deadline.
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

    /// Suspends a poll (a unit's start or stop, a forking service's pid file) until `deadline`.
    ///
    /// `run()` schedules it on the watch deadlines' timer: polls take no time of their own. False when the
    /// poll was cancelled (`run()` ended).
    func pollDeadline(_ deadline: MonotonicInstant) async -> Bool {
        guard !Task.isCancelled else { return false }
        let token = nextToken
        nextToken += 1
        effectSink.yield(.poll(token: token, at: deadline))
        let signal = await signals.wait(token: token, for: [.due])
        signals.forget(token: token)
        return signal == .due && !Task.isCancelled
    }

    // MARK: - Registry and persistence

    /// The registry key of a WID (case-insensitive, commands.md 1.8).
    static func key(_ wid: String) -> String { wid.lowercased() }

    /// The restart counter's key: (group, WID).
    static func counterKey(group: String, wid: String) -> String { group.lowercased() + "\u{0}" + wid.lowercased() }

    /// Stores the watch and queues its row.
    func store(_ watch: Watch, key: String) {
        var watch = watch
        watch.persisted = true
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
            lastExit: watch.machine.lastExit.map(ArmloadTexts.exitText)
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
        watches.values.sorted { $0.order < $1.order }.map { watch in
            let counter = counters[Self.counterKey(group: watch.group, wid: watch.wid)] ?? RestartCounter()
            let lastExit: String? =
                switch watch.machine.lastExit {
                case .exited, .signaled: watch.machine.lastExit.map(ArmloadTexts.exitText)
                case .unknown, nil: nil
                }
            return WatchStatus(
                wid: watch.wid,
                group: watch.group,
                kind: watch.kind.rawValue,
                pid: (watch.run?.program.pid ?? (watch.unit != nil ? watch.machine.pid : nil)).map(Int.init),
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
