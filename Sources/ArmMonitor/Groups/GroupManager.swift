import ArmCore

/// Runs the groups of this server (single-server cluster): owns one `GroupStateMachine` per group,
/// executes its actions (scripts, persistence, logs, waiters) and answers requests (commands.md 2.6–2.8).
///
/// Requests and results are applied synchronously inside the actor, so concurrent requests are
/// serialised and the machine's rules decide. Effects that must be ordered (persist, then publish to
/// waiters, then run scripts) go through one queue that `run()` drains; scripts run as child tasks of
/// `run()` (STYLE §2.6: no unstructured tasks), so `run()` must be running for anything to happen.
package actor GroupManager {
    /// The answer to a start or stop request.
    package enum RequestOutcome: Sendable, Equatable {
        /// Accepted; the operation runs (or is queued) on `server`.
        case accepted(server: String)
        /// Refused by the group's state or the server's (exit 4).
        case refused(Refusal)
        /// No such group (exit 5).
        case groupNotFound
        /// No such server (exit 5).
        case serverNotFound
    }

    /// Why a request was refused.
    package enum Refusal: Sendable, Equatable {
        /// The group's state forbids it (ARMGSTRT-04 / ARMGSTOP-03).
        case groupState(GroupRefusal)
        /// The server is outside the group's failover policy.
        case serverNotInPolicy
        /// The server is another server; remote operations need membership (later).
        case remoteServer
        /// armmond is stopping.
        case shuttingDown
    }

    /// How a wait ended (armgwait).
    package enum WaitResult: Sendable, Equatable {
        /// The group reached the state.
        case satisfied
        /// The limit passed; whole seconds waited.
        case timedOut(seconds: Int)
        /// The waiting task was cancelled (the connection or armmond went away).
        case cancelled
    }

    /// What start-up recovery found.
    package struct RecoveryReport: Sendable, Equatable {
        /// `meta.run_state` was still `running` (config-and-files §3.2).
        package var uncleanStop: Bool
        /// Groups left started from before.
        package var reattached: [String]
        /// Groups caught starting or stopping, now being stopped and marked failed.
        package var interrupted: [String]

        /// Creates a report.
        package init(uncleanStop: Bool, reattached: [String], interrupted: [String]) {
            self.uncleanStop = uncleanStop
            self.reattached = reattached
            self.interrupted = interrupted
        }
    }

    /// One group as armstat shows it.
    package struct GroupStatus: Sendable, Equatable {
        /// The definition.
        package var definition: GroupDefinition
        /// Its state.
        package var state: GroupState
        /// The failed flag.
        package var failed: Bool
        /// The server it is active on; nil when stopped.
        package var server: String?
        /// Monitor-caused failovers in the current window.
        package var failoverCount: Int
        /// Resources in start order (the implicit `script` resource last) with type and state.
        package var resources: [ResourceStatus]

        /// Creates a status.
        package init(
            definition: GroupDefinition,
            state: GroupState,
            failed: Bool,
            server: String?,
            failoverCount: Int,
            resources: [ResourceStatus]
        ) {
            self.definition = definition
            self.state = state
            self.failed = failed
            self.server = server
            self.failoverCount = failoverCount
            self.resources = resources
        }
    }

    /// One resource as armstat shows it.
    package struct ResourceStatus: Sendable, Equatable {
        /// Resource name (`script` for the implicit one).
        package var name: String
        /// The resource type: `exec`, `fip`, and so on.
        package var type: String
        /// `stopped`, `starting`, `started`, `stopping` or `failed`.
        package var state: String

        /// Creates a resource status.
        package init(name: String, type: String, state: String) {
            self.name = name
            self.type = type
            self.state = state
        }
    }

    private struct Group {
        var definition: GroupDefinition
        var machine = GroupStateMachine()
        var owner: String?
        var failoverCount = 0
        var generation: UInt64 = 0
        /// Resources whose start was attempted since the group was last stopped; the next stop covers them.
        var attempted: Int = 0
        var resourceStates: [String: String] = [:]
    }

    private enum Job: Sendable {
        case start(GroupDefinition, ScriptEvent)
        case stop(GroupDefinition, StopFactor, resourceCount: Int)
    }

    private enum Effect: Sendable {
        case save(GroupRecord, GroupHistoryEntry?)
        case publish(String, [GroupCondition])
        case run(Job)
    }

    private static let scriptResource = "script"

    private let settings: MonitorSettings
    private let paths: ArmPaths
    private let clock: any MonitorClock
    private let store: any StateStore
    private let log: MonitorLog
    private let scripts: ScriptExecution
    private let order: [String]
    private nonisolated let canonicalNames: [String: String]
    private nonisolated let waiters = GroupWaiters()
    private let effects: AsyncStream<Effect>
    private let effectSink: AsyncStream<Effect>.Continuation
    private var groups: [String: Group] = [:]
    private var shuttingDown = false
    private var uncleanStart = false
    private var previousRunState: String?
    private var watchCleanup: (@Sendable (_ group: String, _ factor: StopFactor) async -> Void)?
    /// The power action for a script past its timeout (config-and-files §1.7); nil = none.
    private var scriptTimeoutAction: (@Sendable (_ reason: String) async -> Void)?

    /// Creates the manager for the local server.
    /// - Parameters:
    ///   - settings: Cluster, server and log settings.
    ///   - groups: The groups in definition order.
    ///   - paths: Product paths (script directories).
    ///   - runner: Runs scripts.
    ///   - log: Writes log lines.
    ///   - clock: Time for durations and armgwait deadlines.
    ///   - store: The durable state.
    ///   - runIDSeed: Seed of armscr.log RUN values (fixed in tests).
    package init(
        settings: MonitorSettings,
        groups: [GroupDefinition],
        paths: ArmPaths,
        runner: any ScriptRunner,
        log: MonitorLog,
        clock: any MonitorClock,
        store: any StateStore,
        runIDSeed: UInt32 = UInt32.random(in: 0...UInt32.max)
    ) {
        self.settings = settings
        self.paths = paths
        self.clock = clock
        self.store = store
        self.log = log
        self.scripts = ScriptExecution(
            runner: runner,
            log: log,
            clock: clock,
            outputLineLimit: settings.scriptOutputLines,
            runIDSeed: runIDSeed
        )
        var order: [String] = []
        var canonical: [String: String] = [:]
        var table: [String: Group] = [:]
        for definition in groups where canonical[definition.name.lowercased()] == nil {
            order.append(definition.name)
            canonical[definition.name.lowercased()] = definition.name
            var group = Group(definition: definition)
            for name in Self.resourceNames(definition) { group.resourceStates[name] = GroupState.stopped.rawValue }
            table[definition.name] = group
        }
        self.order = order
        self.canonicalNames = canonical
        self.groups = table
        (self.effects, self.effectSink) = AsyncStream.makeStream(of: Effect.self)
    }

    // MARK: - Running

    /// Drains the effect queue and runs scripts until `finish()` was called and every script has ended.
    package nonisolated func run() async {
        await withDiscardingTaskGroup { tasks in
            for await effect in effects {
                switch effect {
                case .save(let record, let history):
                    do {
                        try await store.save(record, history: history)
                    } catch {
                        log.trace(
                            level: 1,
                            module: "RSC",
                            "group \(record.name): state database write failed: \(error)"
                        )
                    }
                case .publish(let group, let transitions):
                    waiters.publish(group, transitions)
                case .run(let job):
                    tasks.addTask { await self.execute(job) }
                }
            }
        }
    }

    /// Ends `run()` once the queued effects and running scripts are done.
    ///
    /// Call after `stopAll()`.
    package nonisolated func finish() { effectSink.finish() }

    // MARK: - Start-up and shutdown

    /// Start-up recovery: restores every group from `state.sqlite` (config-and-files §3.2).
    ///
    /// Reads `meta.run_state` and `group_state` and sets `run_state = running`. After a clean stop every
    /// group is stopped; after an unclean stop a started group stays started (its scripts are not re-run)
    /// and one caught starting or stopping is stopped and marked failed.
    /// - Returns: What was found.
    /// - Throws: The store's error; armmond does not start then.
    package func prepare() async throws(StateStoreError) -> RecoveryReport {
        let meta = try await store.meta()
        let records = try await store.groups()
        let unclean = meta["run_state"] == "running"
        uncleanStart = unclean
        previousRunState = meta["run_state"]
        let now = clock.wallNow().epochMilliseconds
        var values: [String: String] = [
            "cluster_name": settings.clusterName,
            "server_name": settings.serverName,
            "last_start_at": String(now),
            "run_state": "running",
        ]
        if meta["created_at"] == nil { values["created_at"] = String(now) }
        try await store.setMeta(values)
        if unclean { log.event(CatalogMessage(.event1101)) }

        var report = RecoveryReport(uncleanStop: unclean, reattached: [], interrupted: [])
        for name in order {
            guard var group = groups[name] else { continue }
            let actions: [GroupAction]
            if let record = records.first(where: { $0.name == name }) {
                group.owner = record.owner
                group.failoverCount = record.failoverCount
                actions = group.machine.handle(
                    .recovered(state: record.state, failed: record.failed, uncleanStop: unclean)
                )
                if unclean && record.state == .started { report.reattached.append(name) }
                if unclean && (record.state == .starting || record.state == .stopping) {
                    report.interrupted.append(name)
                }
            } else {
                actions = [.persist(history: nil)]
            }
            if group.machine.state == .started {
                for resource in Self.resourceNames(group.definition) {
                    group.resourceStates[resource] = GroupState.started.rawValue
                }
            }
            // A recovered stop covers every resource: nobody knows how far the old run got.
            group.attempted = group.definition.resources.count
            groups[name] = group
            apply(actions, to: name, alwaysPublish: true)
        }
        return report
    }

    /// Whether `prepare()` found an unclean previous stop (`meta.run_state` still `running`).
    package var recoveredFromUncleanStop: Bool { uncleanStart }

    /// Sets the power action taken when a script passes its timeout (events 9000/9001).
    package func setScriptTimeoutAction(_ action: @escaping @Sendable (_ reason: String) async -> Void) {
        scriptTimeoutAction = action
    }

    /// Sets what runs after a group's stop script and before its resources are released: the ARMLOAD
    /// supervisor stops the group's WIDs there (commands.md 2.1 "Group stop cleanup").
    package func setWatchCleanup(_ cleanup: @escaping @Sendable (_ group: String, _ factor: StopFactor) async -> Void) {
        watchCleanup = cleanup
    }

    /// Starts the `auto_start` groups of this server after a clean previous stop (event `START`).
    ///
    /// After an unclean stop nothing is started automatically: the groups found running were re-attached.
    /// - Returns: The groups asked to start.
    @discardableResult
    package func autoStart() -> [String] {
        guard !uncleanStart else { return [] }
        var started: [String] = []
        for name in order {
            guard let group = groups[name], group.definition.autoStart,
                group.definition.servers.contains(settings.serverName), group.machine.state == .stopped
            else { continue }
            log.server(CatalogMessage(.rsc001, [.string(name)]))
            if case .accepted = startGroup(name, by: .start) { started.append(name) }
        }
        return started
    }

    /// Stops every started (or starting) group in reverse definition order with factor `SERVERSHUTDOWN`,
    /// each after the one before has settled, and refuses new starts from then on.
    package func stopAll() async {
        shuttingDown = true
        for name in order.reversed() {
            guard let group = groups[name] else { continue }
            if group.machine.state == .started || group.machine.state == .starting {
                log.server(CatalogMessage(.rsc002, [.string(name)]))
                _ = request(name, .stopRequested(factor: .serverShutdown))
            }
            await waitUntilSettled(name)
        }
    }

    /// Puts `meta.run_state` back as `prepare()` found it, when armmond gives up before it ran anything
    /// (the socket could not be opened), so the next start judges the previous stop as before.
    package func abandonStart() async {
        try? await store.setMeta(["run_state": previousRunState ?? "stopped-armmond"])
    }

    /// Records a clean stop: `meta.run_state = stopped-armmond` (config-and-files §3.2).
    package func markCleanExit() async throws(StateStoreError) {
        try await store.setMeta(["run_state": "stopped-armmond"])
    }

    // MARK: - Requests

    /// The configured spelling of a group name given in any case; nil when unknown.
    package nonisolated func groupName(_ name: String) -> String? { canonicalNames[name.lowercased()] }

    /// armgstrt: starts a group here (commands.md 2.6).
    ///
    /// The answer comes once the request is accepted; the scripts run afterwards.
    /// - Parameters:
    ///   - name: Group name, any case.
    ///   - server: Target server; nil means this one, the only normal server of a single-server cluster.
    ///   - event: `ARMS_EVENT` of the start.
    /// - Returns: Accepted, refused or not found.
    package func startGroup(
        _ name: String,
        on server: String? = nil,
        by event: ScriptEvent = .start
    )
        -> RequestOutcome
    {
        guard let canonical = groupName(name), let group = groups[canonical] else { return .groupNotFound }
        if let server, server.lowercased() != settings.serverName.lowercased() {
            guard settings.servers.contains(where: { $0.lowercased() == server.lowercased() }) else {
                return .serverNotFound
            }
            return .refused(.remoteServer)
        }
        guard group.definition.servers.contains(settings.serverName) else { return .refused(.serverNotInPolicy) }
        guard !shuttingDown else { return .refused(.shuttingDown) }
        return request(canonical, .startRequested(by: event))
    }

    /// armgstop: stops a group (commands.md 2.7).
    ///
    /// The answer comes once the request is accepted; the scripts run afterwards.
    package func stopGroup(_ name: String, factor: StopFactor = .groupStop) -> RequestOutcome {
        guard let canonical = groupName(name) else { return .groupNotFound }
        return request(canonical, .stopRequested(factor: factor))
    }

    private func request(_ name: String, _ event: GroupEvent) -> RequestOutcome {
        guard var group = groups[name] else { return .groupNotFound }
        let actions = group.machine.handle(event)
        groups[name] = group
        apply(actions, to: name)
        for action in actions {
            if case .refuse(let reason) = action { return .refused(.groupState(reason)) }
        }
        return .accepted(server: settings.serverName)
    }

    /// armgwait: suspends until the group is started (or stopped) (commands.md 2.8).
    ///
    /// The wait also ends when the timeout passes on the monitor clock or the task is cancelled. An unknown
    /// group is not rejected: it simply never arrives.
    /// - Parameters:
    ///   - group: Group name, any case.
    ///   - stopped: Wait for `stopped` instead of `started`.
    ///   - timeout: The limit; nil for none.
    /// - Returns: Satisfied, timed out or cancelled.
    package nonisolated func waitFor(group: String, stopped: Bool, timeout: Duration?) async -> WaitResult {
        let key = groupName(group) ?? "\u{0}unknown:" + group
        let target: GroupState = stopped ? .stopped : .started
        let waiters = self.waiters
        // Published conditions trail the machine by one store write: only a condition at least as new as the
        // machine's state when the request arrived may satisfy the wait, so `armgstrt web && armgwait /STOP web`
        // never answers from the state before the start.
        let generation = await currentGeneration(key)
        let wait: @Sendable () async -> WaitResult = {
            await waiters.wait(for: key) { $0.state == target && $0.generation >= generation }
                ? .satisfied : .cancelled
        }
        guard let timeout else { return await wait() }
        let clock = self.clock
        let deadline = clock.now() + timeout
        let seconds = Int(timeout.components.seconds)
        return await withTaskGroup(of: WaitResult.self) { tasks in
            tasks.addTask { await wait() }
            tasks.addTask {
                do {
                    try await clock.sleep(until: deadline)
                    return .timedOut(seconds: seconds)
                } catch {
                    return .cancelled
                }
            }
            let first = await tasks.next() ?? .cancelled
            tasks.cancelAll()
            return first
        }
    }

    /// The generation of a group's machine now (0 for an unknown or never-changed group).
    private func currentGeneration(_ name: String) -> UInt64 { groups[name]?.generation ?? 0 }

    /// Suspends until every operation requested so far on the group has ended (nothing runs or is queued).
    package func waitUntilSettled(_ name: String) async {
        guard let canonical = groupName(name), let group = groups[canonical] else { return }
        if group.generation == 0 && !group.machine.isBusy { return }  // never published: nothing to wait for
        let generation = group.generation
        _ = await waiters.wait(for: canonical) { $0.generation >= generation && !$0.isBusy }
    }

    /// The state of a group (configured name); nil when unknown.
    package func groupState(_ name: String) -> GroupState? { groups[name]?.machine.state }

    /// Every group in definition order, as armstat shows them.
    package func status() -> [GroupStatus] {
        order.compactMap { name in
            guard let group = groups[name] else { return nil }
            let resources =
                group.definition.resources.map {
                    ResourceStatus(
                        name: $0.name,
                        type: $0.kind.typeName,
                        state: group.resourceStates[$0.name] ?? GroupState.stopped.rawValue
                    )
                } + [
                    ResourceStatus(
                        name: Self.scriptResource,
                        type: "exec",
                        state: group.resourceStates[Self.scriptResource] ?? GroupState.stopped.rawValue
                    )
                ]
            return GroupStatus(
                definition: group.definition,
                state: group.machine.state,
                failed: group.machine.failed,
                server: group.machine.state == .stopped ? nil : group.owner,
                failoverCount: group.failoverCount,
                resources: resources
            )
        }
    }

    // MARK: - Actions

    private func apply(_ actions: [GroupAction], to name: String, alwaysPublish: Bool = false) {
        guard var group = groups[name] else { return }
        var persist = false
        var note: GroupHistoryNote?
        var transitions: [GroupState] = []
        var jobs: [Job] = []
        for action in actions {
            switch action {
            case .accept, .refuse: break
            case .persist(let history):
                persist = true
                if let history { note = history }
            case .notifyWaiters(let state): transitions.append(state)
            case .log(let line):
                log.group(line, group: name, server: settings.serverName)
            case .runStart(let event):
                group.attempted = 0
                jobs.append(.start(group.definition, event))
            case .runStop(let factor):
                jobs.append(.stop(group.definition, factor, resourceCount: group.attempted))
            }
        }
        if group.machine.state != .stopped { group.owner = settings.serverName }
        if persist || !transitions.isEmpty || alwaysPublish { group.generation += 1 }
        groups[name] = group

        if persist {
            let now = clock.wallNow().epochMilliseconds
            let record = GroupRecord(
                name: name,
                owner: group.owner,
                state: group.machine.state,
                failed: group.machine.failed,
                failoverCount: group.failoverCount,
                updatedAt: now
            )
            let history = note.map { note in
                GroupHistoryEntry(
                    timestamp: now,
                    group: name,
                    action: note.action.rawValue,
                    fromServer: note.action == .stop ? settings.serverName : nil,
                    toServer: note.action == .start ? settings.serverName : nil,
                    factor: note.factor.rawValue,
                    result: note.success ? "success" : "failure"
                )
            }
            effectSink.yield(.save(record, history))
        }
        if persist || !transitions.isEmpty || alwaysPublish {
            let final = GroupCondition(
                state: group.machine.state,
                failed: group.machine.failed,
                isBusy: group.machine.isBusy,
                generation: group.generation
            )
            var conditions = transitions.dropLast().map {
                GroupCondition(state: $0, failed: group.machine.failed, isBusy: true, generation: group.generation)
            }
            conditions.append(final)
            effectSink.yield(.publish(name, conditions))
        }
        for job in jobs { effectSink.yield(.run(job)) }
    }

    private func finished(_ name: String, _ event: GroupEvent) {
        guard var group = groups[name] else { return }
        let actions = group.machine.handle(event)
        groups[name] = group
        apply(actions, to: name)
    }

    private func noteAttempted(_ name: String, count: Int) {
        guard let attempted = groups[name]?.attempted else { return }
        groups[name]?.attempted = max(attempted, count)
    }

    private func setResourceState(_ name: String, resource: String, _ state: String) {
        groups[name]?.resourceStates[resource] = state
    }

    private func currentWatchCleanup() -> (@Sendable (_ group: String, _ factor: StopFactor) async -> Void)? {
        watchCleanup
    }

    // MARK: - Script sequences (run outside the actor, one per group at a time)

    private nonisolated func execute(_ job: Job) async {
        switch job {
        case .start(let definition, let event):
            let success = await startSequence(definition, event: event)
            await finished(definition.name, .startFinished(success: success))
        case .stop(let definition, let factor, let count):
            let success = await stopSequence(definition, factor: factor, resourceCount: count)
            await finished(definition.name, .stopFinished(success: success))
        }
    }

    /// Resources in file order, then `start.sh` (config-and-files §1.7); the first failure ends it.
    private nonisolated func startSequence(_ group: GroupDefinition, event: ScriptEvent) async -> Bool {
        for (index, resource) in group.resources.enumerated() {
            await noteAttempted(group.name, count: index + 1)
            guard case .exec(let start, _, let startTimeout, _, let environment) = resource.kind else {
                log.trace(
                    level: 3,
                    module: "RSC",
                    "resource \(resource.name) (\(resource.kind.typeName)) is not driven yet"
                )
                continue
            }
            log.server(CatalogMessage(.rsc009, [.string(resource.name)]))
            await setResourceState(group.name, resource: resource.name, GroupState.starting.rawValue)
            let began = clock.now()
            let outcome = await runScript(
                group,
                path: start,
                phase: .start(event),
                timeout: startTimeout ?? group.startTimeout,
                resourceEnvironment: environment,
                isGroupScript: false
            )
            let seconds = Int((clock.now() - began).components.seconds)
            guard outcome.isSuccess else {
                log.server(CatalogMessage(.rsc011, [.string(resource.name)]))
                await setResourceState(group.name, resource: resource.name, "failed")
                return false
            }
            log.server(CatalogMessage(.rsc010, [.string(resource.name), .int(seconds)]))
            await setResourceState(group.name, resource: resource.name, GroupState.started.rawValue)
        }
        await setResourceState(group.name, resource: Self.scriptResource, GroupState.starting.rawValue)
        let outcome = await runScript(
            group,
            path: paths.scriptDirectory(group: group.name) + "/start.sh",
            phase: .start(event),
            timeout: group.startTimeout,
            resourceEnvironment: [:],
            isGroupScript: true
        )
        await setResourceState(
            group.name,
            resource: Self.scriptResource,
            outcome.isSuccess ? GroupState.started.rawValue : "failed"
        )
        return outcome.isSuccess
    }

    /// Runs `stop.sh`, then the attempted resources in reverse order (config-and-files §1.7).
    ///
    /// Every step runs even after a failure, so as much as possible is released; a resource with
    /// `on_deactivate_failure = ignore` does not make the stop fail.
    private nonisolated func stopSequence(
        _ group: GroupDefinition,
        factor: StopFactor,
        resourceCount: Int
    ) async
        -> Bool
    {
        await setResourceState(group.name, resource: Self.scriptResource, GroupState.stopping.rawValue)
        let scriptOutcome = await runScript(
            group,
            path: paths.scriptDirectory(group: group.name) + "/stop.sh",
            phase: .stop(factor),
            timeout: group.stopTimeout,
            resourceEnvironment: [:],
            isGroupScript: true
        )
        var success = scriptOutcome.isSuccess
        await setResourceState(
            group.name,
            resource: Self.scriptResource,
            success ? GroupState.stopped.rawValue : "failed"
        )
        // commands.md 2.1: the group's WIDs are stopped after its stop script, before the resources.
        if let cleanup = await currentWatchCleanup() { await cleanup(group.name, factor) }
        let count = min(max(0, resourceCount), group.resources.count)
        for resource in group.resources.prefix(count).reversed() {
            guard case .exec(_, let stop, _, let stopTimeout, let environment) = resource.kind else { continue }
            log.server(CatalogMessage(.rsc012, [.string(resource.name)]))
            await setResourceState(group.name, resource: resource.name, GroupState.stopping.rawValue)
            let began = clock.now()
            let outcome = await runScript(
                group,
                path: stop,
                phase: .stop(factor),
                timeout: stopTimeout ?? group.stopTimeout,
                resourceEnvironment: environment,
                isGroupScript: false
            )
            let seconds = Int((clock.now() - began).components.seconds)
            if outcome.isSuccess {
                log.server(CatalogMessage(.rsc013, [.string(resource.name), .int(seconds)]))
                await setResourceState(group.name, resource: resource.name, GroupState.stopped.rawValue)
            } else {
                // RSC-014: the shutdown itself comes with the power-action port (later issue).
                log.server(
                    CatalogMessage(resource.shutdownOnDeactivateFailure ? .rsc014 : .rsc015, [.string(resource.name)])
                )
                await setResourceState(group.name, resource: resource.name, "failed")
                if resource.shutdownOnDeactivateFailure { success = false }
            }
        }
        return success
    }

    private nonisolated func runScript(
        _ group: GroupDefinition,
        path: String,
        phase: ScriptEnvironment.Phase,
        timeout: Duration?,
        resourceEnvironment: [String: String],
        isGroupScript: Bool
    ) async -> ScriptOutcome {
        let environment = ScriptEnvironment.make(
            paths: paths,
            armtoolDirectory: settings.armtoolDirectory,
            group: group,
            localServer: settings.serverName,
            phase: phase,
            resourceEnvironment: resourceEnvironment
        )
        let event: ScriptEvent
        let factor: StopFactor
        switch phase {
        case .start(let startEvent):
            event = startEvent
            factor = .none
        case .stop(let stopFactor):
            event = ScriptEnvironment.event(forStop: stopFactor)
            factor = stopFactor
        }
        let scriptsPrefix = paths.scripts + "/"
        let label = path.hasPrefix(scriptsPrefix) ? String(path.dropFirst(scriptsPrefix.count)) : path
        let invocation = ScriptInvocation(
            path: path,
            workingDirectory: paths.scriptDirectory(group: group.name),
            environment: environment,
            timeout: timeout
        )
        let outcome = await scripts.run(
            ScriptExecution.Request(
                group: group.name,
                event: event,
                factor: factor,
                label: label,
                invocation: invocation
            )
        )
        let isStart: Bool
        if case .start = phase { isStart = true } else { isStart = false }
        switch outcome {
        case .timedOut:
            // config-and-files §1.7: a script past its timeout shuts the server down (9000/9001), through the
            // power port, which in a test rig only logs what it would do.
            log.event(CatalogMessage(isStart ? .event9000 : .event9001, [.string(group.name)]))
            if let action = await scriptTimeoutAction {
                await action("\(label) of group \(group.name) passed its timeout")
            }
        case .execFailed(let errno) where isGroupScript:
            // 9002 (stop) has no `%2`: the reason shows only with 9003.
            log.event(
                CatalogMessage(
                    isStart ? .event9003 : .event9002,
                    [.string(group.name), .string(ScriptExecution.errorText(errno))]
                )
            )
        case .exited, .signaled, .execFailed:
            break
        }
        return outcome
    }

    private static func resourceNames(_ definition: GroupDefinition) -> [String] {
        definition.resources.map(\.name) + [scriptResource]
    }
}
