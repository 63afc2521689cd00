import ArmConfig
import ArmCore
import ArmProtocol

extension ArmloadSupervisor {
    // MARK: - armload (commands.md 2.1)

    /// armload: registers a WID and starts its program (or, with `/W`, only registers it).
    ///
    /// Checks in the order of commands.md 2.1: the group's state (ARMLOAD-30), the WID's uniqueness
    /// (ARMLOAD-02) and the watch limit (ARMLOAD-04), the account (ARMLOAD-12, -22), then the program
    /// (ARMLOAD-11, -21). Answered once `exec` succeeded, or with `/WAIT` once the program is ready or still
    /// runs after the wait (ARMLOAD-09 when it ended first: the WID is released, no action is taken).
    /// - Returns: The answer; its message is the ARM.LOG line of the outcome.
    package func start(_ request: ArmloadStartRequest) async -> ControlResponse {
        let wid = request.wid
        let widArgument = FormatArgument.string(wid)
        // The same WID rule the command checks (commands.md 1.8), for clients that skip it.
        switch WatchID.problem(wid) {
        case .tooLong?:
            return response(.armload05, [widArgument], status: .usage, detail: WatchID.Problem.tooLong.detail)
        case .invalid(let rule)?:
            return response(.armload02, [widArgument], status: .usage, detail: rule)
        case nil:
            break
        }
        guard let info = await groups.groupState(request.group),
            info.state == .starting || info.state == .started || info.state == .stopping
        else {
            return response(
                .armload30,
                [widArgument, .string(request.group)],
                detail: "group is not starting, started or stopping on this server"
            )
        }
        // From here on nothing suspends until the WID is registered, so concurrent requests see it.
        let key = Self.key(wid)
        if let existing = watches[key] {
            return response(.armload02, [widArgument], detail: "WID already registered (\(existing.wid))")
        }
        let live = watches.values.count { [.starting, .running, .restarting, .stopping].contains($0.startState) }
        guard live < max(1, min(settings.armload.maxWatches, 256)) else {
            return response(.armload04, [widArgument], detail: "\(live) WIDs are live")
        }
        let policy = ArmloadWatchPolicy(
            retry: request.retry,
            hours: request.hours,
            scriptRestart: request.scriptRestart,
            finalAction: request.finalAction.flatMap { FinalAction(rawValue: $0.lowercased()) } ?? .failover,
            isWatched: request.retry != nil || request.finalAction != nil
        )
        let prepared: Prepared
        switch prepare(request, group: info.name) {
        case .success(let value): prepared = value
        case .failure(let refusal): return refusal.response
        }
        let order = nextOrder
        nextOrder += 1
        let configuration = WatchStateMachine.Configuration(
            policy: policy,
            backoff: settings.armload.backoff,
            isUnit: prepared.unit != nil,
            unitCheckInterval: .seconds(max(1, request.interval ?? 5)),
            hasStopCommand: prepared.service.flatMap(serviceConfig).map { !$0.stop.isEmpty } ?? false,
            killGrace: Self.killGrace
        )
        var watch = Watch(
            wid: wid,
            group: info.name,
            kind: prepared.kind,
            spec: prepared.spec,
            policy: policy,
            startTimeout: prepared.startTimeout,
            interval: request.interval,
            service: prepared.service,
            machine: WatchStateMachine(
                configuration: configuration,
                synchronous: request.isSync,
                counter: counters[Self.counterKey(group: info.name, wid: wid)] ?? RestartCounter()
            ),
            order: order
        )
        if request.isSync {
            // `/W`: the command runs the program itself and reports its end (armload.ended).
            watch.startedAt = clock.wallNow()
            store(watch, key: key)
            return ControlResponse(status: .success)
        }
        watches[key] = watch
        if let unit = prepared.unit {
            return await startUnit(key: key, name: unit, adopt: request.attach)
        }
        let now = clock.now()
        feed(key) { $0.startRequested(readinessWait: prepared.startTimeout.map { .seconds($0) }, at: now) }
        let reply = await replies.wait(key: key, request: .start)
        switch reply.outcome {
        case .started(let ready):
            if ready == false, let seconds = prepared.startTimeout {
                log.trace(level: 3, module: "RSC", "armload \(wid): running after \(seconds)s without READY=1")
            } else if ready == nil, let pid = watches[key]?.run?.program.pid {
                log.trace(level: 3, module: "RSC", "armload \(wid): pid \(pid) started")
            }
            return response(.armload01, [widArgument])
        case .startFailed:
            return await startFailure(
                reply.failure ?? .launch(.spawnFailed(errno: 22)),
                wid: wid,
                group: info.name,
                user: prepared.spec?.user?.name,
                service: prepared.service
            )
        case .endedBeforeReady(let exit):
            // It ended before it was ready: the start failed; no action (commands.md 2.1 "Readiness").
            if exit == .unknown {
                return response(.armload23, [widArgument], detail: "ended before it was ready")
            }
            return response(
                .armload09,
                [widArgument, .int(ArmloadTexts.exitCode(exit))],
                detail: "ended before it was ready (\(ArmloadTexts.exitText(exit)))"
            )
        case .terminated, .survived, .stopFailed, .stopTimedOut, .released, .done, .refused:
            return response(.armload23, [widArgument], detail: "the WID was released while starting")
        }
    }

    /// The resolved program of a start request.
    struct Prepared: Sendable {
        var kind: ArmloadRecord.Kind
        var spec: ProgramSpec?
        var service: String?
        var startTimeout: Int?
        /// The systemd unit name as given (resolved by `startUnit`); nil otherwise.
        var unit: String? = nil
    }

    /// A refusal carrying its answer.
    struct Refusal: Error {
        var response: ControlResponse
    }

    /// Account, program or service of a request (commands.md 2.1 "/U", "Program form", "Service form").
    func prepare(_ request: ArmloadStartRequest, group: String) -> Result<Prepared, Refusal> {
        let wid = FormatArgument.string(request.wid)
        guard let name = request.arguments.first, !name.isEmpty else {
            return .failure(Refusal(response: response(.armload03, [], status: .usage, detail: "no program")))
        }
        var user: ProgramUser?
        if let requested = request.user, !request.isService {
            let account = AccountName.resolve(requested)
            guard settings.armload.users.contains(account) else {
                return .failure(
                    Refusal(
                        response: response(
                            .armload12,
                            [wid, .string(account)],
                            detail: "\(account) is not in [armload] users"
                        )
                    )
                )
            }
            guard let found = launcher.lookupUser(account) else {
                return .failure(
                    Refusal(response: response(.armload22, [wid, .string(account), .int(2)], detail: "no such user"))
                )
            }
            user = found
        }
        if request.isSync {
            return .success(Prepared(kind: .app, spec: nil, service: nil, startTimeout: nil))
        }
        var environment = request.environment
        var arguments = request.arguments
        let path: String
        let kind: ArmloadRecord.Kind
        var service: String?
        var startTimeout = request.startTimeout
        if request.isService {
            guard
                let entry = settings.services.first(where: { $0.name == name })
                    ?? settings.services.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                // Without a [services] entry: the systemd unit NAME or NAME.service (resolved by startUnit).
                guard systemdAvailable else {
                    return .failure(
                        Refusal(
                            response: response(
                                .armload21,
                                [wid, .string(name)],
                                detail: "no [services] entry and PID 1 is not systemd"
                            )
                        )
                    )
                }
                return .success(
                    Prepared(kind: .service, spec: nil, service: nil, startTimeout: request.startTimeout, unit: name)
                )
            }
            guard entry.type == .simple || !entry.pidFile.isEmpty else {
                return .failure(
                    Refusal(
                        response: response(
                            .armload21,
                            [wid, .string(name)],
                            detail: "[services.\(entry.name)] type = \"forking\" needs pid_file"
                        )
                    )
                )
            }
            guard let executable = entry.start.first, executable.hasPrefix("/") else {
                return .failure(
                    Refusal(
                        response: response(.armload21, [wid, .string(name)], detail: "start argv is not absolute")
                    )
                )
            }
            if entry.user != "root" && !entry.user.isEmpty {
                guard let found = launcher.lookupUser(entry.user) else {
                    return .failure(
                        Refusal(
                            response: response(
                                .armload22,
                                [wid, .string(entry.user), .int(2)],
                                detail: "no such user"
                            )
                        )
                    )
                }
                user = found
            }
            for variable in entry.environment { environment[variable.name] = variable.value }
            arguments = entry.start
            path = executable
            kind = .service
            service = entry.name
            // Interpretation: a simple [services] process is started once exec succeeded, as systemd's
            // Type=simple; an explicit /WAIT asks for the readiness wait of the program form. A forking one is
            // started once its pid file names a live process (bounded by start_wait_s; /WAIT is not used).
            startTimeout = entry.type == .forking ? nil : request.startTimeout
        } else {
            switch resolveExecutable(name, request.searchPath) {
            case .success(let found):
                path = found.hasPrefix("/") ? found : Self.join(request.workingDirectory, found)
            case .failure(let error):
                return .failure(
                    Refusal(
                        response: response(
                            .armload11,
                            [wid, .int(Int(error.errno))],
                            detail: "\(name): \(ScriptExecution.errorText(error.errno))"
                        )
                    )
                )
            }
            kind = .app
        }
        if let user {
            environment["HOME"] = user.home
            environment["USER"] = user.name
            environment["LOGNAME"] = user.name
            environment["SHELL"] = user.shell
        }
        var notifySocket: String?
        if startTimeout != nil {
            notifySocket = paths.run + "/notify/" + request.wid
            environment["NOTIFY_SOCKET"] = notifySocket
        }
        let spec = ProgramSpec(
            path: path,
            arguments: arguments,
            environment: environment,
            workingDirectory: request.workingDirectory.isEmpty ? "/" : request.workingDirectory,
            user: user,
            notifySocketPath: notifySocket
        )
        return .success(Prepared(kind: kind, spec: spec, service: service, startTimeout: startTimeout))
    }

    /// The answer to a start that failed (nothing registered): a launch failure, ARMLOAD-24 with the forking
    /// start command's status, or ARMLOAD-06 when it or the pid file took longer than the start wait (then
    /// the `stop` command, if any, is run to stop what may have started).
    func startFailure(
        _ failure: StartFailure,
        wid: String,
        group: String,
        user: String?,
        service: String?
    ) async -> ControlResponse {
        switch failure {
        case .launch(let error):
            return launchFailure(error, wid: wid, user: user)
        case .unit(let result):
            return response(.armload24, [.string(wid), .int(Self.unitFailureCode(result))], detail: "unit start")
        case .command(let outcome):
            return response(
                .armload24,
                [.string(wid), .int(Self.outcomeCode(outcome))],
                detail: "start command " + Self.outcomeText(outcome)
            )
        case .timedOut(let detail):
            if let name = service, let entry = settings.services.first(where: { $0.name == name }),
                !entry.stop.isEmpty
            {
                var environment: [String: String] = [:]
                for variable in entry.environment { environment[variable.name] = variable.value }
                _ = await runServiceCommand(
                    entry.stop,
                    environment: environment,
                    wid: wid,
                    group: group,
                    runID: runIDs.next(),
                    timeout: .seconds(settings.armload.stopWaitSeconds)
                )
            }
            return response(.armload06, [.string(wid)], detail: detail)
        }
    }

    /// The answer to a launch that failed (nothing registered).
    func launchFailure(_ error: LaunchError, wid: String, user: String?) -> ControlResponse {
        let detail = ScriptExecution.errorText(error.errno)
        switch error {
        case .userSwitchFailed(let code):
            return response(.armload10, [.string(wid), .string(user ?? "root"), .int(Int(code))], detail: detail)
        case .notFound(let code), .notExecutable(let code), .spawnFailed(let code):
            return response(.armload11, [.string(wid), .int(Int(code))], detail: detail)
        }
    }

    /// armload /W: the program the command ran has ended; the WID stays registered as `ended`.
    /// - Parameters:
    ///   - wid: The WID.
    ///   - status: Its exit status, when it exited.
    ///   - signal: The signal that killed it, when it was killed.
    /// - Returns: ARMLOAD-01 (status 0) or ARMLOAD-09 (the exit code); ARMLOAD-08 when the WID is not a
    ///   running `/W` WID.
    package func ended(wid: String, status: Int32?, signal: Int32?) -> ControlResponse {
        let key = Self.key(wid)
        guard let watch = watches[key], watch.monitorState == .sync, watch.startState == .running else {
            return response(.armload08, [], detail: "\(wid) is not a running /W WID")
        }
        let exit: ProgramExit = signal.map { .signaled($0) } ?? .exited(status ?? 0)
        feed(key) { $0.synchronousProgramEnded(exit) }
        if exit == .exited(0) { return response(.armload01, [.string(watch.wid)]) }
        return response(.armload09, [.string(watch.wid), .int(ArmloadTexts.exitCode(exit))])
    }

    // MARK: - armkill (commands.md 2.2)

    /// armkill: stops the WID's program and releases the WID.
    /// - Parameters:
    ///   - wid: The WID, any case.
    ///   - waitSeconds: `/WAIT`; nil = `[armload] stop_wait_s`.
    /// - Returns: ARMKILL-01, -04 (SIGKILL needed), -07 step 3060 (had ended unasked), -02 (unknown, exit 5),
    ///   -05 (still alive 5 s after SIGKILL; the WID stays) or -08 (the `[services]` `stop` command failed;
    ///   Detail = its first stderr line; the service keeps running and the WID stays).
    package func kill(wid: String, waitSeconds: Int?) async -> ControlResponse {
        let key = Self.key(wid)
        guard let watch = watches[key] else {
            return response(.armkill02, [.string(wid)], detail: "WID not registered on this server")
        }
        let name = FormatArgument.string(watch.wid)
        let wait = Duration.seconds(waitSeconds ?? settings.armload.stopWaitSeconds)
        let now = clock.now()
        feed(key) { $0.killRequested(wait: wait, at: now) }
        switch await replies.wait(key: key, request: .kill).outcome {
        case .terminated(let forced):
            return response(forced ? .armkill04 : .armkill01, [name])
        case .released(let endedUnasked):
            if endedUnasked {
                return response(.armkill07, [name, .int(60), .int(0)], status: .success, detail: "already ended")
            }
            return response(.armkill01, [name])
        case .survived:
            return response(.armkill05, [name], detail: "alive 5 s after SIGKILL")
        case .stopFailed(let detail):
            // Interpretation: the service keeps running and the WID stays registered (the stop failed).
            return response(.armkill08, [name, .string(detail)], detail: "the service still runs")
        case .stopTimedOut:
            return response(.armkill06, [name], detail: "\(watch.unit ?? "") not inactive in time")
        case .started, .startFailed, .endedBeforeReady, .done, .refused:
            return response(.armkill01, [name])
        }
    }

    // MARK: - armloadc (commands.md 2.3)

    /// armloadc: stop, start, pause or continue a WID.
    /// - Parameters:
    ///   - wid: The WID, any case.
    ///   - action: `stop`, `start`, `pause` or `continue`.
    ///   - seconds: The wait of stop and start; nil = 60.
    /// - Returns: ARMLOADC-01; -02 (unknown WID: exit 5; unknown action: exit 2); -03 (refused by the matrix);
    ///   -04 (not terminated in time, or the `[services]` `stop` command failed: ARMLOAD-26 is written and the
    ///   service keeps running); -05 (start failed).
    package func control(wid: String, action: String, seconds: Int?) async -> ControlResponse {
        let word = action
        let action = ControlAction(rawValue: word.lowercased())
        let time = seconds ?? 60
        let timeText = action == .pause || action == .continue ? "-" : String(time)
        let key = Self.key(wid)
        let shownWID = watches[key]?.wid ?? wid
        let arguments: [FormatArgument] = [.string(shownWID), .string(word.lowercased()), .string(timeText)]
        guard let action else {
            return response(.armloadc02, arguments, status: .usage, detail: "unknown action \(word)")
        }
        guard let watch = watches[key] else {
            return response(.armloadc02, arguments, status: .notFound, detail: "WID not registered on this server")
        }
        if let refusal = ArmloadControl.refusal(action, start: watch.startState, monitor: watch.monitorState) {
            return response(.armloadc03, arguments, detail: refusal)
        }
        let now = clock.now()
        switch action {
        case .pause:
            feed(key) { $0.pauseRequested() }
        case .continue:
            feed(key) { $0.continueRequested() }
        case .stop:
            feed(key) { $0.stopRequested(wait: .seconds(time), at: now) }
        case .start:
            let readiness: Duration? =
                watch.startTimeout == nil || watch.unit != nil ? nil : .seconds(seconds ?? watch.startTimeout ?? 0)
            if var starting = watches[key] {
                starting.unitStartWait = .seconds(seconds ?? 60)
                watches[key] = starting
            }
            feed(key) { $0.startRequested(readinessWait: readiness, at: now) }
        }
        let reply = await replies.wait(key: key, request: .control)
        let wid = FormatArgument.string(watch.wid)
        switch reply.outcome {
        case .done, .started, .released:
            return response(.armloadc01, arguments)
        case .terminated(let forced):
            if forced { log.arm(CatalogMessage(.armload27, [wid]), source: "ARMLOAD") }
            return response(.armloadc01, arguments)
        case .survived:
            log.arm(CatalogMessage(.armload28, [wid]), source: "ARMLOAD")
            return response(.armloadc04, arguments, detail: "alive 5 s after SIGKILL")
        case .stopFailed(let detail):
            // Interpretation: ARMLOAD-26, and the service keeps running in its state.
            log.arm(CatalogMessage(.armload26, [wid, .string(detail)]), source: "ARMLOAD")
            return response(.armloadc04, arguments, detail: "stop command failed: \(detail)")
        case .stopTimedOut:
            log.arm(CatalogMessage(.armload29, [wid]), source: "ARMLOAD")
            return response(.armloadc04, arguments, detail: "\(watch.unit ?? "") not inactive in time")
        case .refused(let refusal):
            return response(.armloadc03, arguments, detail: refusal)
        case .startFailed:
            let (step, code, detail): (String, Int, String) =
                switch reply.failure {
                case .launch(let error): ("exec", Int(error.errno), ScriptExecution.errorText(error.errno))
                case .command(let outcome): ("start", Self.outcomeCode(outcome), Self.outcomeText(outcome))
                case .timedOut(let text): ("start", 0, text)
                case .unit(let result): ("start", Self.unitFailureCode(result), watch.unit ?? "")
                case nil: ("exec", 0, "start failed")
                }
            return response(.armloadc05, arguments + [.string(step), .int(code)], status: .failed, detail: detail)
        case .endedBeforeReady(let exit):
            return response(
                .armloadc05,
                arguments + [.string("start"), .int(ArmloadTexts.exitCode(exit))],
                status: .failed,
                detail: "ended before it was ready (\(ArmloadTexts.exitText(exit)))"
            )
        }
    }

    // MARK: - Group stop cleanup (commands.md 2.1)

    /// Stops every WID of a group as armkill does with its default wait and releases it; called by the group
    /// manager after the group's stop script and before its resources are released.
    ///
    /// A stop not caused by `/SCR` (factor `GROUPRESTART`) also resets the group's restart counters.
    /// ARMLOAD-27 is written when SIGKILL was needed, ARMLOAD-28 when a program survived it (the WID is
    /// released anyway, so the next start of the group can register it again), ARMLOAD-26 when a `[services]`
    /// `stop` command failed (the service then gets SIGTERM and SIGKILL as without one).
    package func stopAll(group: String, factor: StopFactor) async {
        let name = group.lowercased()
        if factor != .groupRestart {
            let prefix = name + "\u{0}"
            for key in counters.keys where key.hasPrefix(prefix) {
                RestartPolicy.reset(&counters[key, default: RestartCounter()])
            }
        }
        let members = watches.filter { $0.value.group.lowercased() == name }.map { ($0.key, $0.value) }
        if factor != .groupRestart {
            for (key, _) in members { watches[key]?.machine.counter = RestartCounter() }
        }
        guard !members.isEmpty else { return }
        let wait = Duration.seconds(settings.armload.stopWaitSeconds)
        await withTaskGroup(of: Void.self) { tasks in
            for (key, watch) in members {
                tasks.addTask { await self.cleanUp(key: key, wid: watch.wid, group: watch.group, wait: wait) }
            }
        }
    }

    private func cleanUp(key: String, wid: String, group: String, wait: Duration) async {
        let now = clock.now()
        feed(key) { $0.groupStopRequested(wait: wait, at: now) }
        switch await replies.wait(key: key, request: .groupStop).outcome {
        case .terminated(let forced):
            if forced { log.arm(CatalogMessage(.armload27, [.string(wid)]), source: "ARMLOAD") }
        case .survived:
            log.arm(CatalogMessage(.armload28, [.string(wid)]), source: "ARMLOAD")
        case .stopTimedOut:
            log.arm(CatalogMessage(.armload29, [.string(wid)]), source: "ARMLOAD")
        case .stopFailed, .released, .started, .startFailed, .endedBeforeReady, .done, .refused:
            break  // a failing stop command was reported (ARMLOAD-26) and SIGTERM followed
        }
        log.trace(level: 3, module: "RSC", "armload \(wid): released at the stop of group \(group)")
    }

    // MARK: - Recovery (config-and-files §3.2)

    /// Start-up recovery of the `armload` rows (config-and-files §3.2).
    ///
    /// The rows are reset (each written to a trace line first), except when `reattach` (an unclean stop
    /// of a single-server cluster): then a row whose pid still has the same start ticks is
    /// re-attached, and one whose process died meanwhile is handled as a failure now. Nothing is started, so
    /// no program runs twice.
    /// - Parameter reattach: The previous armmond ended uncleanly and this is a single-server cluster.
    package func recover(reattach: Bool) async {
        let rows: [ArmloadRecord]
        do {
            rows = try await store.armloadRows()
        } catch {
            log.trace(level: 1, module: "RSC", "armload rows: state database read failed: \(error)")
            return
        }
        for row in rows {
            guard reattach, let options = ArmloadStoredOptions(text: row.options) else {
                log.trace(
                    level: 2,
                    module: "RSC",
                    "armload row reset: wid=\(row.wid) group=\(row.group) kind=\(row.kind.rawValue) "
                        + "pid=\(row.pid.map(String.init) ?? "-") state=\(row.state) argv=\(row.argv)"
                )
                effectSink.yield(.delete(row.wid))
                continue
            }
            reattachRow(row, options: options)
        }
    }

    private func reattachRow(_ row: ArmloadRecord, options: ArmloadStoredOptions) {
        let key = Self.key(row.wid)
        guard watches[key] == nil else { return }
        let user = options.user.flatMap { launcher.lookupUser($0) }
        let spec = options.path.map { path in
            ProgramSpec(
                path: path,
                arguments: row.argv,
                environment: options.env,
                workingDirectory: options.cwd,
                user: user,
                notifySocketPath: options.startTimeout != nil ? paths.run + "/notify/" + row.wid : nil
            )
        }
        var counter = RestartCounter()
        counter.used = row.restarts
        counter.windowStart = row.windowStart.map { monotonicInstant(wallMilliseconds: $0) }
        counters[Self.counterKey(group: row.group, wid: row.wid)] = counter
        let startState = WatchStartState(rawValue: row.state) ?? .ended
        let monitorState =
            WatchMonitorState(rawValue: row.monitorState) ?? WatchMonitorState(rawValue: options.monitor) ?? .unwatched
        let lastExit = row.lastExit.flatMap(Self.parseExit)
        let startedAt = row.startedAt.map {
            WallTime(epochMilliseconds: $0, utcOffsetSeconds: clock.wallNow().utcOffsetSeconds)
        }
        let ranFor =
            row.startedAt.map { Duration.milliseconds(max(0, clock.wallNow().epochMilliseconds - $0)) } ?? .zero
        let configuration = WatchStateMachine.Configuration(
            policy: options.policy,
            backoff: settings.armload.backoff,
            isUnit: false,
            unitCheckInterval: .seconds(max(1, options.interval ?? 5)),
            hasStopCommand: options.unit.flatMap(serviceConfig).map { !$0.stop.isEmpty } ?? false,
            killGrace: Self.killGrace
        )
        let order = nextOrder
        nextOrder += 1
        var watch = Watch(
            wid: row.wid,
            group: row.group,
            kind: row.kind,
            spec: spec,
            policy: options.policy,
            startTimeout: options.startTimeout,
            interval: options.interval,
            service: options.unit,
            machine: WatchStateMachine(
                configuration: configuration,
                restoring: startState,
                monitorState: monitorState,
                counter: counter,
                pid: row.pid,
                since: clock.now() + (.zero - ranFor),
                lastExit: lastExit
            ),
            order: order
        )
        watch.startedAt = startedAt
        watch.persisted = true
        watches[key] = watch
        let hadProcess = [.starting, .running, .stopping, .restarting].contains(startState)
        guard hadProcess, monitorState != .sync else {
            log.trace(level: 2, module: "RSC", "armload \(row.wid): kept as \(row.state)/\(row.monitorState)")
            return
        }
        if let pid = row.pid, let ticks = row.procStartTicks,
            attach(key: key, pid: pid, startTicks: ticks, startedAt: watch.startedAt)
        {
            // The re-attached run is measured from now (its backoff as a run of this monitor).
            watch.machine = WatchStateMachine(
                configuration: configuration,
                restoring: startState,
                monitorState: monitorState,
                counter: counter,
                pid: pid,
                since: clock.now(),
                lastExit: lastExit
            )
            watch.run = watches[key]?.run
            store(watch, key: key)
            log.trace(level: 2, module: "RSC", "armload \(row.wid): re-attached to pid \(pid)")
            return
        }
        // The process died while armmond was away: a failure now (its status is unknown; ARMLOAD-23).
        let now = clock.now()
        feed(key) { $0.programExited(.unknown, at: now) }
    }

    private static func parseExit(_ text: String) -> ProgramExit? {
        if text.hasPrefix("exit="), let status = Int32(text.dropFirst(5)) { return .exited(status) }
        if text == "unknown" { return .unknown }
        return nil
    }

    // MARK: - Answers

    /// A catalogued answer: the status is the entry's unless given.
    func response(
        _ entry: CatalogEntry,
        _ arguments: [FormatArgument],
        status: ExitStatus? = nil,
        detail: String? = nil
    ) -> ControlResponse {
        ControlResponse(status: status ?? entry.status, entry: entry, arguments: arguments, detail: detail)
    }

    /// `directory/name` for a relative path found in a relative `PATH` entry.
    static func join(_ directory: String, _ name: String) -> String {
        let base = directory.isEmpty ? "/" : directory
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
