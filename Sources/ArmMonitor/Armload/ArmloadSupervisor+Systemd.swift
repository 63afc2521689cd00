import ArmConfig
import ArmCore
import ArmProtocol
import Synchronization

/// The service form on a systemd unit (commands.md 2.1 "Service form /S", "Watching"; 2.2): every step is a
/// short `systemctl` run through the `ScriptRunner`, and the unit's state is polled on the `MonitorClock`
/// (every second while starting or stopping, every `/INT` seconds while watched: the polling is the spec's
/// "defined here" one, each check a timed wait, never a busy loop).
extension ArmloadSupervisor {
    /// The unit's properties of one `systemctl show`.
    struct UnitState: Sendable, Equatable {
        var load = ""
        var active = ""
        var sub = ""
        var execMainCode = 0
        var execMainStatus = 0
        var mainPID: Int32?

        /// `active` or `reloading`: the unit runs.
        var isActive: Bool { active == "active" || active == "reloading" }
        /// `failed` or `inactive`: the unit does not run.
        var isDown: Bool { active == "failed" || active == "inactive" }
    }

    /// How a unit start ended.
    enum UnitStart: Sendable, Equatable {
        case active(UnitState)
        case failed(UnitState)
        case timedOut
        /// `systemctl start` itself failed (its outcome's code).
        case commandFailed(Int)
    }

    /// The `systemctl` binary (a system tool, not relocated: commands.md 1.x).
    static let systemctl = "/usr/bin/systemctl"
    /// The longest a single `systemctl` run may take.
    static let systemctlTimeout: Duration = .seconds(10)
    /// The poll of a unit that is starting or stopping.
    static let unitStepPoll: Duration = .seconds(1)
    /// The properties read by `systemctl show`.
    static let unitProperties = "LoadState,ActiveState,SubState,ExecMainCode,ExecMainStatus,MainPID"

    /// Whether a unit watch has a unit that may run.
    static func unitLive(_ watch: Watch) -> Bool {
        [.starting, .running, .restarting, .stopping].contains(watch.startState)
    }

    /// Runs `systemctl ARGUMENTS`; its stdout lines and outcome.
    func systemctl(_ arguments: [String]) async -> (ScriptOutcome, [String]) {
        let lines = Mutex<[String]>([])
        let observer = ScriptObserver(line: { stream, text in
            if stream == .stdout { lines.withLock { $0.append(text) } }
        })
        let invocation = ScriptInvocation(
            path: Self.systemctl,
            arguments: arguments,
            workingDirectory: "/",
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "SYSTEMD_PAGER": "", "LANG": "C"],
            timeout: Self.systemctlTimeout
        )
        let outcome = await scriptRunner.run(invocation, observer: observer)
        return (outcome, lines.withLock { $0 })
    }

    /// `systemctl show -p … UNIT`; nil when systemctl failed.
    func showUnit(_ unit: String) async -> UnitState? {
        let (outcome, lines) = await systemctl(["show", "-p", Self.unitProperties, unit])
        guard outcome == .exited(0) else {
            log.trace(level: 2, module: "RSC", "systemctl show \(unit): \(Self.outcomeText(outcome))")
            return nil
        }
        return Self.parseUnitState(lines)
    }

    /// The properties of `systemctl show` output (`Key=Value` lines).
    static func parseUnitState(_ lines: [String]) -> UnitState {
        var state = UnitState()
        for line in lines {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let value = String(line[line.index(after: equals)...])
            switch line[..<equals] {
            case "LoadState": state.load = value
            case "ActiveState": state.active = value
            case "SubState": state.sub = value
            case "ExecMainCode": state.execMainCode = Int(value) ?? 0
            case "ExecMainStatus": state.execMainStatus = Int(value) ?? 0
            case "MainPID": state.mainPID = Int32(value).flatMap { $0 > 0 ? $0 : nil }
            default: break
            }
        }
        return state
    }

    /// Starts a unit for `armload /S`.
    ///
    /// Resolves NAME or NAME.service, refuses (or with /A adopts) a running one, starts it and polls until
    /// active, failed or the start wait ends (then it is stopped again). The WID is registered as `starting` by
    /// the caller; it is released on every failure.
    func startUnit(key: String, registration: UInt64, name: String, adopt: Bool) async -> ControlResponse {
        guard let registered = watches[key], registered.registration == registration else {
            return response(.armload23, [.string(name)], detail: "the WID was released while starting")
        }
        let wid = FormatArgument.string(registered.wid)
        let group = registered.group
        var unit = name
        var state = await showUnit(unit)
        if state?.load == "not-found", !name.hasSuffix(".service") {
            unit = name + ".service"
            state = await showUnit(unit)
        }
        guard let state else {
            release(key: key, registration: registration)
            return response(.armload24, [wid, .int(1)], detail: "systemctl show \(unit) failed")
        }
        guard state.load != "not-found" else {
            release(key: key, registration: registration)
            return response(.armload21, [wid, .string(name)], status: .notFound, detail: "no unit \(name)")
        }
        guard var watch = watches[key], watch.registration == registration else {
            return response(.armload23, [wid], detail: "the WID was released while starting")
        }
        watch.unit = unit
        watch.service = unit
        watches[key] = watch
        if state.isActive {
            guard adopt else {
                release(key: key, registration: registration)
                return response(.armload24, [wid, .int(0x72)], status: .busy, detail: "\(unit) is already active")
            }
            unitRunning(key: key, state: state)
            log.trace(level: 3, module: "RSC", "armload \(watch.wid): adopted active unit \(unit)")
            return response(.armload01, [wid])
        }
        let wait = Duration.seconds(registered.startTimeout ?? settings.armload.serviceStartWaitSeconds)
        switch await runUnitStart(unit, wait: wait) {
        case .active(let state):
            guard watches[key]?.registration == registration else {
                return response(.armload23, [wid], detail: "the WID was released while starting")
            }
            unitRunning(key: key, state: state)
            return response(.armload01, [wid])
        case .failed(let state):
            release(key: key, registration: registration)
            log.event(ArmloadTexts.eventStartFailed(group: group, wid: registered.wid, service: true))
            return response(
                .armload24,
                [wid, .int(state.execMainStatus)],
                detail: "\(unit) failed (ExecMainCode=\(state.execMainCode) ExecMainStatus=\(state.execMainStatus))"
            )
        case .commandFailed(let code):
            release(key: key, registration: registration)
            log.event(ArmloadTexts.eventStartFailed(group: group, wid: registered.wid, service: true))
            return response(.armload24, [wid, .int(code)], detail: "systemctl start \(unit) failed")
        case .timedOut:
            _ = await systemctl(["stop", "--no-block", unit])
            release(key: key, registration: registration)
            log.event(ArmloadTexts.eventStartFailed(group: group, wid: registered.wid, service: true))
            return response(.armload06, [wid], detail: "\(unit) not active after \(wait)")
        }
    }

    /// `systemctl start --no-block UNIT`, then `systemctl show` every second until active, failed or the wait
    /// ends.
    func runUnitStart(_ unit: String, wait: Duration) async -> UnitStart {
        let deadline = clock.now() + wait
        let (outcome, _) = await systemctl(["start", "--no-block", unit])
        guard outcome == .exited(0) else { return .commandFailed(Self.outcomeCode(outcome)) }
        while true {
            if let state = await showUnit(unit) {
                if state.isActive { return .active(state) }
                if state.active == "failed" { return .failed(state) }
            }
            let now = clock.now()
            guard now < deadline else { return .timedOut }
            do {
                try await clock.sleep(until: min(now + Self.unitStepPoll, deadline))
            } catch {
                return .timedOut
            }
        }
    }

    /// The unit runs: state `running`, its MainPID, and (when watched) the first check in `/INT` seconds.
    func unitRunning(key: String, state: UnitState) {
        guard var watch = watches[key] else { return }
        watch.startState = .running
        watch.mainPID = state.mainPID
        watch.stopRequested = false
        watch.endedUnasked = false
        watch.startedAt = clock.wallNow()
        watch.unitBegan = clock.now()
        watch.generation += 1
        store(watch, key: key)
        scheduleUnitPoll(key: key)
    }

    /// Queues the next check of a watched unit.
    func scheduleUnitPoll(key: String) {
        guard let watch = watches[key], watch.policy.isWatched, watch.unit != nil else { return }
        let due = Due(
            key: key,
            registration: watch.registration,
            generation: watch.generation,
            deadline: clock.now() + .seconds(max(1, watch.interval ?? 5)),
            script: false
        )
        effectSink.yield(.pollUnit(due))
    }

    /// One check of a watched unit: `failed`/`inactive` not asked for is a failure (ARMLOAD-14, then the
    /// restart policy; a paused watch only logs).
    func pollUnit(_ due: Due) async {
        guard let watch = watches[due.key], watch.registration == due.registration,
            watch.generation == due.generation, watch.startState == .running, let unit = watch.unit
        else { return }
        let state = await showUnit(unit)
        guard var current = watches[due.key], current.registration == due.registration,
            current.generation == due.generation, current.startState == .running
        else { return }
        guard let state, state.isDown else {
            if let state, state.mainPID != current.mainPID {
                current.mainPID = state.mainPID
                store(current, key: due.key)
            }
            scheduleUnitPoll(key: due.key)
            return
        }
        log.arm(
            CatalogMessage(
                .armload14,
                [.string(current.wid), .int(state.execMainCode), .int(state.execMainStatus)]
            ),
            source: "ARMLOAD"
        )
        let now = clock.now()
        current.startState = .ended
        current.endedUnasked = true
        current.mainPID = nil
        current.lastExit = .exited(Int32(truncatingIfNeeded: state.execMainStatus))
        current.generation += 1
        store(current, key: due.key)
        guard current.monitorState == .monitoring else { return }
        var decide = due
        decide.generation = current.generation
        decide.deadline = now
        effectSink.yield(.decide(decide, ranFor: now - (current.unitBegan ?? now)))
    }

    /// Action 5 on a unit: start it again (ARMLOAD-18, event 14001); a start that fails counts as a failure.
    func restartUnitDue(_ due: Due) async {
        guard let watch = watches[due.key], watch.registration == due.registration,
            watch.generation == due.generation, watch.startState == .restarting, let unit = watch.unit
        else { return }
        let result = await runUnitStart(unit, wait: .seconds(settings.armload.serviceStartWaitSeconds))
        guard var current = watches[due.key], current.registration == due.registration,
            current.generation == due.generation, current.startState == .restarting
        else { return }
        if case .active(let state) = result {
            unitRunning(key: due.key, state: state)
            log.arm(CatalogMessage(.armload18, [.string(current.wid)]), source: "ARMLOAD")
            log.event(ArmloadTexts.eventRestarted(group: current.group, wid: current.wid, service: true))
            return
        }
        log.event(ArmloadTexts.eventStartFailed(group: current.group, wid: current.wid, service: true))
        current.startState = .ended
        current.endedUnasked = true
        current.generation += 1
        store(current, key: due.key)
        var next = due
        next.generation = current.generation
        await decideFailure(next, ranFor: .zero)
    }

    /// Stops a unit for armkill, armloadc stop and the group stop.
    ///
    /// `systemctl stop --no-block UNIT`, then a check every second until `inactive`/`failed`. False when the
    /// wait ended first (the watch is back in its earlier state).
    func stopUnit(key: String, wait: Duration) async -> Bool {
        guard var watch = watches[key], let unit = watch.unit else { return true }
        let earlier = watch.startState
        let registration = watch.registration
        watch.stopRequested = true
        watch.startState = .stopping
        watch.generation += 1
        store(watch, key: key)
        let deadline = clock.now() + wait
        _ = await systemctl(["stop", "--no-block", unit])
        while true {
            if let state = await showUnit(unit), state.isDown {
                if var current = watches[key], current.registration == registration {
                    current.mainPID = nil
                    watches[key] = current
                }
                return true
            }
            let now = clock.now()
            guard now < deadline else { break }
            do {
                try await clock.sleep(until: min(now + Self.unitStepPoll, deadline))
            } catch {
                break
            }
        }
        if var current = watches[key], current.registration == registration, current.startState == .stopping {
            current.stopRequested = false
            current.startState = earlier == .stopping ? .running : earlier
            current.generation += 1
            store(current, key: key)
            if current.startState == .running { scheduleUnitPoll(key: key) }
        }
        return false
    }

    /// armloadc start on a unit: start it again and wait until active (`seconds`, default 60).
    func controlStartUnit(
        key: String,
        watch: Watch,
        seconds: Int?,
        arguments: [FormatArgument]
    ) async -> ControlResponse {
        guard let unit = watch.unit else { return response(.armloadc01, arguments) }
        var starting = watch
        starting.startState = .starting
        starting.endedUnasked = false
        starting.generation += 1
        store(starting, key: key)
        let result = await runUnitStart(unit, wait: .seconds(seconds ?? 60))
        guard var current = watches[key], current.registration == watch.registration else {
            return response(.armloadc01, arguments)
        }
        if case .active(let state) = result {
            unitRunning(key: key, state: state)
            return response(.armloadc01, arguments)
        }
        log.event(ArmloadTexts.eventStartFailed(group: watch.group, wid: watch.wid, service: true))
        if result == .timedOut { _ = await systemctl(["stop", "--no-block", unit]) }
        current.startState = watch.startState
        current.generation += 1
        store(current, key: key)
        let code: Int =
            switch result {
            case .failed(let state): state.execMainStatus
            case .commandFailed(let code): code
            case .active, .timedOut: 0
            }
        return response(.armloadc05, arguments + [.string("start"), .int(code)], status: .failed, detail: unit)
    }
}
