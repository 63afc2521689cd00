import ArmConfig
import ArmCore
import ArmProtocol
import Synchronization

/// The service form on a systemd unit (commands.md 2.1 "Service form /S", "Watching"; 2.2): every step is a
/// short `systemctl` run through the `ScriptRunner`, and the unit's state is polled (every second while
/// starting or stopping, on `pollDeadline`s; every `/INT` seconds while watched, on the machine's deadline:
/// the polling is the spec's "defined here" one, each check waits for a deadline, never a busy loop).
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
    /// Resolves NAME or NAME.service, refuses (or with /A adopts) a running one, then lets the machine start it
    /// (`launch`: start and poll until active, failed or the start wait ends; then it is stopped again). The WID
    /// is registered as `starting` by the caller; it is released on every failure.
    func startUnit(key: String, name: String, adopt: Bool) async -> ControlResponse {
        guard let registered = watches[key] else {
            return response(.armload23, [.string(name)], detail: "the WID was released while starting")
        }
        let wid = FormatArgument.string(registered.wid)
        var unit = name
        var state = await showUnit(unit)
        if state?.load == "not-found", !name.hasSuffix(".service") {
            unit = name + ".service"
            state = await showUnit(unit)
        }
        guard let state else {
            watches[key] = nil
            return response(.armload24, [wid, .int(1)], detail: "systemctl show \(unit) failed")
        }
        guard state.load != "not-found" else {
            watches[key] = nil
            return response(.armload21, [wid, .string(name)], status: .notFound, detail: "no unit \(name)")
        }
        guard var watch = watches[key] else {
            return response(.armload23, [wid], detail: "the WID was released while starting")
        }
        watch.unit = unit
        watch.service = unit
        if state.isActive {
            guard adopt else {
                watches[key] = nil
                return response(.armload24, [wid, .int(0x72)], status: .busy, detail: "\(unit) is already active")
            }
            watch.adopt = state
        }
        let wait = Duration.seconds(registered.startTimeout ?? settings.armload.serviceStartWaitSeconds)
        watch.unitStartWait = wait
        watches[key] = watch
        let now = clock.now()
        feed(key) { $0.startRequested(readinessWait: nil, at: now) }
        let reply = await replies.wait(key: key, request: .start)
        switch reply.outcome {
        case .started:
            if state.isActive {
                log.trace(level: 3, module: "RSC", "armload \(watch.wid): adopted active unit \(unit)")
            }
            return response(.armload01, [wid])
        case .startFailed:
            switch reply.failure {
            case .unit(.failed(let state)):
                return response(
                    .armload24,
                    [wid, .int(state.execMainStatus)],
                    detail:
                        "\(unit) failed (ExecMainCode=\(state.execMainCode) ExecMainStatus=\(state.execMainStatus))"
                )
            case .unit(.commandFailed(let code)):
                return response(.armload24, [wid, .int(code)], detail: "systemctl start \(unit) failed")
            default:
                return response(.armload06, [wid], detail: "\(unit) not active after \(wait)")
            }
        case .endedBeforeReady, .terminated, .survived, .stopFailed, .stopTimedOut, .released, .done, .refused:
            return response(.armload23, [wid], detail: "the WID was released while starting")
        }
    }

    /// The machine's `launch` of a unit: adopt the active one, or start it (stopped again when it times out).
    ///
    /// The wait goes back to `service_start_wait_s` for later restarts.
    func startUnitForMachine(key: String) async -> Result<UnitState, StartFailure> {
        guard var watch = watches[key], let unit = watch.unit else { return .failure(.unit(.commandFailed(1))) }
        let wait = watch.unitStartWait
        watch.unitStartWait = .seconds(settings.armload.serviceStartWaitSeconds)
        watches[key] = watch
        if let adopted = watch.adopt { return .success(adopted) }
        let result = await runUnitStart(unit, wait: wait)
        switch result {
        case .active(let state):
            return .success(state)
        case .timedOut:
            _ = await systemctl(["stop", "--no-block", unit])
            return .failure(.unit(result))
        case .failed, .commandFailed:
            return .failure(.unit(result))
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
            guard now < deadline, await pollDeadline(min(now + Self.unitStepPoll, deadline)) else {
                return .timedOut
            }
        }
    }

    /// The machine's `stopUnit` (armkill, armloadc stop, group stop): `systemctl stop --no-block UNIT`, then a
    /// check every second until `inactive`/`failed`; false when the wait ended first.
    func stopUnit(_ watch: Watch, wait: Duration) async -> Bool {
        guard let unit = watch.unit else { return true }
        let deadline = clock.now() + wait
        _ = await systemctl(["stop", "--no-block", unit])
        while true {
            if let state = await showUnit(unit), state.isDown { return true }
            let now = clock.now()
            guard now < deadline, await pollDeadline(min(now + Self.unitStepPoll, deadline)) else { return false }
        }
    }
}

extension ArmloadSupervisor {
    /// The code of ARMLOADC-05 for a unit start that failed.
    static func unitFailureCode(_ result: UnitStart) -> Int {
        switch result {
        case .failed(let state): state.execMainStatus
        case .commandFailed(let code): code
        case .active, .timedOut: 0
        }
    }
}
