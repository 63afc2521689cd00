import ArmCore
import Synchronization

/// The groups of this server as RequestHandler, MonitorDaemon and the ARMLOAD hooks see them: a thin
/// facade over the server's `Node` (decisions) and `NodeRuntime` (ports), commands.md 2.6–2.8.
///
/// Every request becomes a `NodeEvent`; the node's rules decide, and its actions run through the
/// runtime, so `run()` must be running for scripts and store writes to happen. Start-up recovery reads
/// the store here, then hands the rows to the node.
package final class GroupManager: Sendable {
    /// The answer to a start or stop request.
    package typealias RequestOutcome = NodeRequestOutcome
    /// Why a request was refused.
    package typealias Refusal = NodeRefusal
    /// How a wait ended (armgwait).
    package typealias WaitResult = NodeWaitResult
    /// What start-up recovery found.
    package typealias RecoveryReport = NodeRecoveryReport

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

    private struct StartUp: Sendable {
        var uncleanStart = false
        var previousRunState: String?
    }

    private let settings: MonitorSettings
    private let clock: any MonitorClock
    private let store: any StateStore
    private let runtime: NodeRuntime
    private let canonicalNames: [String: String]
    private let startUp = Mutex(StartUp())

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
        self.clock = clock
        self.store = store
        let node = Node(
            server: settings.serverName,
            servers: settings.servers,
            groups: groups,
            paths: paths,
            armtoolDirectory: settings.armtoolDirectory
        )
        var canonical: [String: String] = [:]
        for name in node.order { canonical[name.lowercased()] = name }
        self.canonicalNames = canonical
        self.runtime = NodeRuntime(
            node: node,
            clock: clock,
            store: store,
            log: log,
            scripts: ScriptExecution(
                runner: runner,
                log: log,
                clock: clock,
                outputLineLimit: settings.scriptOutputLines,
                runIDSeed: runIDSeed
            )
        )
    }

    // MARK: - Running

    /// Runs the node's executors until `finish()` was called and every script has ended.
    package func run() async { await runtime.run() }

    /// Ends `run()` once the queued effects and running scripts are done.
    ///
    /// Call after `stopAll()`.
    package func finish() { runtime.finish() }

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
        startUp.withLock { $0 = StartUp(uncleanStart: unclean, previousRunState: meta["run_state"]) }
        let now = clock.wallNow().epochMilliseconds
        var values: [String: String] = [
            "cluster_name": settings.clusterName,
            "server_name": settings.serverName,
            "last_start_at": String(now),
            "run_state": "running",
        ]
        if meta["created_at"] == nil { values["created_at"] = String(now) }
        try await store.setMeta(values)
        let reply = await runtime.request { .recover($0, records: records, uncleanStop: unclean) }
        guard case .recovered(let report) = reply else {
            return RecoveryReport(uncleanStop: unclean, reattached: [], interrupted: [])
        }
        return report
    }

    /// Whether `prepare()` found an unclean previous stop (`meta.run_state` still `running`).
    package var recoveredFromUncleanStop: Bool { startUp.withLock { $0.uncleanStart } }

    /// Sets the power action taken when a script passes its timeout (events 9000/9001).
    package func setScriptTimeoutAction(_ action: @escaping @Sendable (_ reason: String) async -> Void) async {
        runtime.setScriptTimeoutAction(action)
    }

    /// Sets what runs after a group's stop script and before its resources are released: the ARMLOAD
    /// supervisor stops the group's WIDs there (commands.md 2.1 "Group stop cleanup").
    package func setWatchCleanup(
        _ cleanup: @escaping @Sendable (_ group: String, _ factor: StopFactor) async -> Void
    ) async {
        runtime.setWatchCleanup(cleanup)
    }

    /// Starts the `auto_start` groups of this server after a clean previous stop (event `START`).
    ///
    /// After an unclean stop nothing is started automatically: the groups found running were re-attached.
    /// - Returns: The groups asked to start.
    @discardableResult
    package func autoStart() async -> [String] {
        guard case .autoStarted(let names) = await runtime.request({ .autoStart($0) }) else { return [] }
        return names
    }

    /// Stops every started (or starting) group in reverse definition order with factor `SERVERSHUTDOWN`,
    /// each after the one before has settled, and refuses new starts from then on.
    package func stopAll() async {
        _ = await runtime.request { .stopAll($0) }
    }

    /// Puts `meta.run_state` back as `prepare()` found it, when armmond gives up before it ran anything
    /// (the socket could not be opened), so the next start judges the previous stop as before.
    package func abandonStart() async {
        let previous = startUp.withLock { $0.previousRunState }
        try? await store.setMeta(["run_state": previous ?? "stopped-armmond"])
    }

    /// Records a clean stop: `meta.run_state = stopped-armmond` (config-and-files §3.2).
    package func markCleanExit() async throws(StateStoreError) {
        try await store.setMeta(["run_state": "stopped-armmond"])
    }

    // MARK: - Requests

    /// The configured spelling of a group name given in any case; nil when unknown.
    package func groupName(_ name: String) -> String? { canonicalNames[name.lowercased()] }

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
    ) async -> RequestOutcome {
        let reply = await runtime.request { .startGroup($0, group: name, server: server, event: event) }
        guard case .request(let outcome) = reply else { return .groupNotFound }
        return outcome
    }

    /// armgstop: stops a group (commands.md 2.7).
    ///
    /// The answer comes once the request is accepted; the scripts run afterwards.
    package func stopGroup(_ name: String, factor: StopFactor = .groupStop) async -> RequestOutcome {
        let reply = await runtime.request { .stopGroup($0, group: name, factor: factor) }
        guard case .request(let outcome) = reply else { return .groupNotFound }
        return outcome
    }

    /// armgwait: suspends until the group is started (or stopped) (commands.md 2.8).
    ///
    /// The wait also ends when the timeout passes on the monitor clock (a node deadline) or the task is
    /// cancelled. An unknown group is not rejected: it simply never arrives.
    /// - Parameters:
    ///   - group: Group name, any case.
    ///   - stopped: Wait for `stopped` instead of `started`.
    ///   - timeout: The limit; nil for none.
    /// - Returns: Satisfied, timed out or cancelled.
    package func waitFor(group: String, stopped: Bool, timeout: Duration?) async -> WaitResult {
        let target: GroupState = stopped ? .stopped : .started
        let reply = await runtime.request { .wait($0, group: group, target: .state(target), timeout: timeout) }
        guard case .wait(let result) = reply else { return .cancelled }
        return result
    }

    /// Suspends until every operation requested so far on the group has ended (nothing runs or is queued).
    package func waitUntilSettled(_ name: String) async {
        _ = await runtime.request { .wait($0, group: name, target: .settled, timeout: nil) }
    }

    /// The state of a group (configured name); nil when unknown.
    package func groupState(_ name: String) async -> GroupState? {
        runtime.read { $0.groups[name]?.machine.state }
    }

    /// Every group in definition order, as armstat shows them.
    package func status() async -> [GroupStatus] {
        runtime.read { node in
            node.order.compactMap { name in
                guard let group = node.groups[name] else { return nil }
                let sequence = group.sequence
                let resources =
                    group.definition.resources.enumerated().map { index, resource in
                        ResourceStatus(
                            name: resource.name,
                            type: resource.kind.typeName,
                            state: sequence.resourceStates[index].rawValue
                        )
                    } + [ResourceStatus(name: Node.scriptResource, type: "exec", state: sequence.scriptState.rawValue)]
                return GroupStatus(
                    definition: group.definition,
                    state: group.machine.state,
                    failed: group.machine.failed,
                    server: group.machine.activeServer,
                    failoverCount: group.machine.failoverCount,
                    resources: resources
                )
            }
        }
    }
}
