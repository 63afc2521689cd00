import ArmCore

/// One server's decisions: every group's `GroupStateMachine` and `GroupSequence`, armgwait waiters and the
/// shutdown order, driven by one ordered stream of `NodeEvent`s (STYLE §2.6a; the ARMLOAD watches join here).
///
/// Pure: `handle(_:at:)` changes the node and returns the actions its executors must perform; it never
/// reads a clock (time comes with each event) nor touches a port, so a run replays from its events.
package struct Node: Sendable {
    /// Where a group is, as waiters see it once the store has it.
    package struct Published: Sendable, Equatable {
        /// The state.
        package var state: GroupState
        /// A start or stop runs or is queued.
        package var isBusy: Bool
        /// Increases with every published change, so a waiter can ask for "after my request".
        package var generation: UInt64
    }

    /// One group: its definition, machine and sequence.
    package struct Group: Sendable {
        /// The definition.
        package var definition: GroupDefinition
        /// State, failed flag, queued request, owner, failover count.
        package var machine: GroupStateMachine
        /// Resource order and states.
        package var sequence: GroupSequence
        /// Bumped with every change waiters may see.
        package var generation: UInt64 = 0
        /// The script run the sequence waits for.
        fileprivate var run: UInt64?
        /// The watch cleanup the sequence waits for.
        fileprivate var cleanup: UInt64?
    }

    private struct Waiter: Sendable {
        var group: String
        var target: WaitTarget
        var generation: UInt64
        var deadline: MonotonicInstant?
        var seconds: Int
    }

    private struct Shutdown: Sendable {
        var replies: [RequestID]
        var remaining: [String]
        var current: (name: String, generation: UInt64)?
    }

    private struct Publication: Sendable {
        var token: UInt64
        var group: String
        var conditions: [Published]
    }

    /// Names of the implicit `script` resource.
    package static let scriptResource = "script"

    /// This server.
    package let server: String
    /// Every server of the cluster.
    package let servers: [String]
    /// Group names in definition order.
    package let order: [String]
    private let paths: ArmPaths
    private let armtoolDirectory: String
    private let stepDeadlines: Bool
    private let canonical: [String: String]
    /// The groups by configured name.
    package private(set) var groups: [String: Group] = [:]
    /// The last condition each group published (after its store write).
    package private(set) var published: [String: Published] = [:]
    /// armmond is stopping: starts are refused.
    package private(set) var shuttingDown = false
    /// Recovery found an unclean previous stop.
    package private(set) var uncleanStart = false
    private var waiters: [RequestID: Waiter] = [:]
    private var publications: [Publication] = []
    private var shutdown: Shutdown?
    private var nextToken: UInt64 = 1
    private var nextRun: UInt64 = 1
    private var runs: [UInt64: String] = [:]
    private var cleanups: [UInt64: String] = [:]

    /// A node for `server` running `groups` (definition order; later duplicates in any case are dropped).
    /// - Parameters:
    ///   - server: This server.
    ///   - servers: Every server of the cluster.
    ///   - definitions: The groups.
    ///   - paths: Product paths (script directories, `ARM_ROOT`).
    ///   - armtoolDirectory: First in the scripts' `PATH`.
    ///   - stepDeadlines: Whether the node schedules a deadline for each script step. Off for the live
    ///     runner, which enforces the timeouts itself (the `ScriptRunner` contract), so no timer waits on
    ///     every step; on for simulated runners, where the node's deadline is the timeout.
    ///   - killGrace: How long after a script's timeout the node stops waiting for the runner.
    package init(
        server: String,
        servers: [String],
        groups definitions: [GroupDefinition],
        paths: ArmPaths,
        armtoolDirectory: String,
        stepDeadlines: Bool = false,
        killGrace: Duration = .seconds(5)
    ) {
        self.server = server
        self.stepDeadlines = stepDeadlines
        self.servers = servers
        self.paths = paths
        self.armtoolDirectory = armtoolDirectory
        var order: [String] = []
        var canonical: [String: String] = [:]
        for definition in definitions where canonical[definition.name.lowercased()] == nil {
            order.append(definition.name)
            canonical[definition.name.lowercased()] = definition.name
            let directory = paths.scriptDirectory(group: definition.name)
            let sequence = GroupSequence(
                resources: definition.resources.map { resource in
                    guard case .exec(let start, let stop, let startTimeout, let stopTimeout, _) = resource.kind else {
                        return SequenceResource(
                            name: resource.name,
                            start: nil,
                            stop: nil,
                            failsStop: resource.shutdownOnDeactivateFailure
                        )
                    }
                    return SequenceResource(
                        name: resource.name,
                        start: SequenceScript(path: start, timeout: startTimeout ?? definition.startTimeout),
                        stop: SequenceScript(path: stop, timeout: stopTimeout ?? definition.stopTimeout),
                        failsStop: resource.shutdownOnDeactivateFailure
                    )
                },
                startScript: SequenceScript(path: directory + "/start.sh", timeout: definition.startTimeout),
                stopScript: SequenceScript(path: directory + "/stop.sh", timeout: definition.stopTimeout),
                killGrace: killGrace
            )
            groups[definition.name] = Group(
                definition: definition,
                machine: GroupStateMachine(localServer: server),
                sequence: sequence
            )
        }
        self.order = order
        self.canonical = canonical
    }

    /// The configured spelling of a group name given in any case; nil when unknown.
    package func groupName(_ name: String) -> String? { canonical[name.lowercased()] }

    /// The earliest deadline the node waits for: a script step's (when it schedules them) or a waiter's.
    package var nextDeadline: MonotonicInstant? {
        let steps = stepDeadlines ? groups.values.compactMap(\.sequence.deadline) : []
        let waits = waiters.values.compactMap(\.deadline)
        return (steps + waits).min()
    }

    /// How many waiters are registered (tests, invariants).
    package var waiterCount: Int { waiters.count }

    /// The waiters' deadlines (invariants: none may have passed).
    package var waiterDeadlines: [MonotonicInstant] { waiters.values.compactMap(\.deadline) }

    // MARK: - Events

    /// Handles one event at `now` and returns what the executors must do, in order.
    package mutating func handle(_ event: NodeEvent, at now: MonotonicInstant) -> [NodeAction] {
        var out: [NodeAction] = []
        switch event {
        case .recover(let id, let records, let unclean):
            out += recover(id, records: records, uncleanStop: unclean, at: now)
        case .startGroup(let id, let group, let server, let scriptEvent):
            out.append(.reply(id, .request(startGroup(group, on: server, by: scriptEvent, at: now, into: &out))))
        case .stopGroup(let id, let group, let factor):
            out.append(.reply(id, .request(stopGroup(group, factor: factor, at: now, into: &out))))
        case .wait(let id, let group, let target, let timeout):
            wait(id, group: group, target: target, timeout: timeout, at: now, into: &out)
        case .cancelWait(let id):
            if waiters.removeValue(forKey: id) != nil { out.append(.reply(id, .wait(.cancelled))) }
        case .autoStart(let id):
            out.append(.reply(id, .autoStarted(autoStart(at: now, into: &out))))
        case .stopAll(let id):
            shuttingDown = true
            if shutdown == nil {
                shutdown = Shutdown(replies: [id], remaining: order.reversed(), current: nil)
            } else {
                shutdown?.replies.append(id)  // answered with the one under way
            }
        case .scriptExited(let run, let outcome):
            scriptExited(run, outcome, at: now, into: &out)
        case .cleanupFinished(let token):
            guard let name = cleanups.removeValue(forKey: token), var group = groups[name], group.cleanup == token
            else { break }
            group.cleanup = nil
            let action = group.sequence.cleanupFinished(at: now)
            groups[name] = group
            perform(action, for: name, at: now, into: &out)
        case .stored(let token):
            stored(token, into: &out)
        case .deadline:
            deadlines(at: now, into: &out)
        }
        advanceShutdown(at: now, into: &out)
        return out
    }

    // MARK: - Requests

    private mutating func recover(
        _ id: RequestID,
        records: [GroupRecord],
        uncleanStop: Bool,
        at now: MonotonicInstant
    ) -> [NodeAction] {
        uncleanStart = uncleanStop
        var out: [NodeAction] = []
        if uncleanStop { out.append(.log(.uncleanStop)) }
        var report = NodeRecoveryReport(uncleanStop: uncleanStop, reattached: [], interrupted: [])
        for name in order {
            guard var group = groups[name] else { continue }
            let actions: [GroupAction]
            if let record = records.first(where: { $0.name == name }) {
                actions = group.machine.handle(
                    .recovered(
                        state: record.state,
                        failed: record.failed,
                        uncleanStop: uncleanStop,
                        owner: record.owner,
                        failoverCount: record.failoverCount
                    )
                )
                if uncleanStop && record.state == .started { report.reattached.append(name) }
                if uncleanStop && (record.state == .starting || record.state == .stopping) {
                    report.interrupted.append(name)
                }
            } else {
                actions = [.persist(history: nil)]
            }
            group.sequence.recovered(started: group.machine.state == .started)
            groups[name] = group
            apply(actions, to: name, alwaysPublish: true, at: now, into: &out)
        }
        out.append(.reply(id, .recovered(report)))
        return out
    }

    private mutating func startGroup(
        _ name: String,
        on target: String?,
        by event: ScriptEvent,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) -> NodeRequestOutcome {
        guard let canonical = groupName(name), let group = groups[canonical] else { return .groupNotFound }
        if let target, target.lowercased() != server.lowercased() {
            guard servers.contains(where: { $0.lowercased() == target.lowercased() }) else { return .serverNotFound }
            return .refused(.remoteServer)
        }
        guard group.definition.servers.contains(server) else { return .refused(.serverNotInPolicy) }
        guard !shuttingDown else { return .refused(.shuttingDown) }
        return request(canonical, .startRequested(by: event), at: now, into: &out)
    }

    private mutating func stopGroup(
        _ name: String,
        factor: StopFactor,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) -> NodeRequestOutcome {
        guard let canonical = groupName(name) else { return .groupNotFound }
        return request(canonical, .stopRequested(factor: factor), at: now, into: &out)
    }

    private mutating func request(
        _ name: String,
        _ event: GroupEvent,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) -> NodeRequestOutcome {
        guard var group = groups[name] else { return .groupNotFound }
        let actions = group.machine.handle(event)
        groups[name] = group
        apply(actions, to: name, at: now, into: &out)
        for action in actions {
            if case .refuse(let reason) = action { return .refused(.groupState(reason)) }
        }
        return .accepted(server: server)
    }

    private mutating func autoStart(at now: MonotonicInstant, into out: inout [NodeAction]) -> [String] {
        guard !uncleanStart else { return [] }
        var started: [String] = []
        for name in order {
            guard let group = groups[name], group.definition.autoStart,
                group.definition.servers.contains(server), group.machine.state == .stopped
            else { continue }
            out.append(.log(.automatic(group: name, start: true)))
            if case .accepted = startGroup(name, on: nil, by: .start, at: now, into: &out) { started.append(name) }
        }
        return started
    }

    private mutating func wait(
        _ id: RequestID,
        group name: String,
        target: WaitTarget,
        timeout: Duration?,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) {
        let key = groupName(name) ?? "\u{0}unknown:" + name
        let generation = groups[key]?.generation ?? 0
        if target == .settled, let group = groups[key], group.generation == 0, !group.machine.isBusy {
            out.append(.reply(id, .wait(.satisfied)))  // never published: nothing to wait for
            return
        }
        if target == .settled && groups[key] == nil {
            out.append(.reply(id, .wait(.satisfied)))
            return
        }
        let waiter = Waiter(
            group: key,
            target: target,
            generation: generation,
            deadline: timeout.map { now + $0 },
            seconds: timeout.map { Int($0.components.seconds) } ?? 0
        )
        // Published conditions trail the machine by one store write: only one at least as new as the
        // machine when the request arrived may satisfy it (`armgstrt web && armgwait /STOP web`).
        if let condition = published[key], Self.satisfies(condition, waiter) {
            out.append(.reply(id, .wait(.satisfied)))
            return
        }
        waiters[id] = waiter
    }

    private static func satisfies(_ condition: Published, _ waiter: Waiter) -> Bool {
        guard condition.generation >= waiter.generation else { return false }
        switch waiter.target {
        case .state(let state): return condition.state == state
        case .settled: return !condition.isBusy
        }
    }

    // MARK: - Results and time

    private mutating func scriptExited(
        _ run: UInt64,
        _ reported: ScriptOutcome,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) {
        guard let name = runs.removeValue(forKey: run), var group = groups[name], group.run == run,
            let step = group.sequence.currentStep
        else { return }  // a stale exit changes nothing
        group.run = nil
        let outcome = group.sequence.stepKilled ? .timedOut : reported
        let elapsed = Int(((group.sequence.stepBegan).map { now - $0 } ?? .zero).components.seconds)
        let isStart: Bool
        let isGroupScript: Bool
        switch step {
        case .startResource, .startScript: isStart = true
        case .stopScript, .cleanupWatches, .stopResource: isStart = false
        }
        switch step {
        case .startScript, .stopScript: isGroupScript = true
        case .startResource, .stopResource, .cleanupWatches: isGroupScript = false
        }
        switch outcome {
        case .timedOut:
            // config-and-files §1.7: a script past its timeout shuts the server down (9000/9001), through the
            // power port, which in a test rig only logs what it would do.
            out.append(.log(.scriptTimeout(group: name, start: isStart)))
            out.append(.powerOff(reason: "\(label(scriptPath(step, of: group))) of group \(name) passed its timeout"))
        case .execFailed(let errno) where isGroupScript:
            out.append(.log(.scriptExecFailed(group: name, start: isStart, errno: errno)))
        case .exited, .signaled, .execFailed:
            break
        }
        switch step {
        case .startResource(let index):
            let resource = group.definition.resources[index].name
            out.append(
                .log(.activation(outcome.isSuccess ? .succeeded : .failed, resource: resource, elapsedSeconds: elapsed))
            )
        case .stopResource(let index):
            let resource = group.definition.resources[index]
            out.append(
                .log(
                    .deactivation(
                        outcome.isSuccess ? .succeeded : .failed,
                        resource: resource.name,
                        elapsedSeconds: elapsed,
                        shutdown: resource.shutdownOnDeactivateFailure
                    )
                )
            )
        case .startScript, .stopScript, .cleanupWatches:
            break
        }
        let action = group.sequence.stepFinished(reported, at: now)
        groups[name] = group
        perform(action, for: name, at: now, into: &out)
    }

    private mutating func deadlines(at now: MonotonicInstant, into out: inout [NodeAction]) {
        for name in order {
            guard var group = groups[name] else { continue }
            let action = group.sequence.deadlineReached(at: now)
            groups[name] = group
            perform(action, for: name, at: now, into: &out)
        }
        for (id, waiter) in waiters.sorted(by: { $0.key.value < $1.key.value }) {
            guard let deadline = waiter.deadline, deadline <= now else { continue }
            waiters[id] = nil
            out.append(.reply(id, .wait(.timedOut(seconds: waiter.seconds))))
        }
    }

    private mutating func stored(_ token: UInt64, into out: inout [NodeAction]) {
        while let first = publications.first, first.token <= token {
            publications.removeFirst()
            guard let last = first.conditions.last else { continue }
            published[first.group] = last
            for (id, waiter) in waiters.sorted(by: { $0.key.value < $1.key.value }) where waiter.group == first.group {
                if first.conditions.contains(where: { Self.satisfies($0, waiter) }) {
                    waiters[id] = nil
                    out.append(.reply(id, .wait(.satisfied)))
                }
            }
        }
    }

    private mutating func advanceShutdown(at now: MonotonicInstant, into out: inout [NodeAction]) {
        while var progress = shutdown {
            if let current = progress.current {
                let settled: Bool
                if let group = groups[current.name], group.generation == 0, !group.machine.isBusy {
                    settled = true
                } else if let condition = published[current.name] {
                    settled = condition.generation >= current.generation && !condition.isBusy
                } else {
                    settled = false
                }
                guard settled else { return }
                progress.current = nil
            }
            guard !progress.remaining.isEmpty else {
                shutdown = nil
                for id in progress.replies { out.append(.reply(id, .done)) }
                return
            }
            let name = progress.remaining.removeFirst()
            shutdown = progress
            guard let group = groups[name] else { continue }
            if group.machine.state == .started || group.machine.state == .starting {
                out.append(.log(.automatic(group: name, start: false)))
                _ = request(name, .stopRequested(factor: .serverShutdown), at: now, into: &out)
            }
            shutdown?.current = (name, groups[name]?.generation ?? 0)
        }
    }

    // MARK: - Actions

    private mutating func apply(
        _ actions: [GroupAction],
        to name: String,
        alwaysPublish: Bool = false,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) {
        guard var group = groups[name] else { return }
        var persist = false
        var note: GroupHistoryNote?
        var transitions: [GroupState] = []
        var sequenceStarts: [Bool] = []  // true: start, false: stop
        for action in actions {
            switch action {
            case .accept, .refuse: break
            case .persist(let history):
                persist = true
                if let history { note = history }
            case .notifyWaiters(let state): transitions.append(state)
            case .log(let line): out.append(.log(.group(line, group: name)))
            case .runStart: sequenceStarts.append(true)
            case .runStop: sequenceStarts.append(false)
            }
        }
        let publish = persist || !transitions.isEmpty || alwaysPublish
        if publish { group.generation += 1 }
        groups[name] = group
        if publish {
            let token = nextToken
            nextToken += 1
            let row = PersistRequest.Row(
                name: name,
                owner: group.machine.owner,
                state: group.machine.state,
                failed: group.machine.failed,
                failoverCount: group.machine.failoverCount
            )
            out.append(.persist(PersistRequest(token: token, record: persist ? row : nil, history: note)))
            var conditions = transitions.dropLast().map {
                Published(state: $0, isBusy: true, generation: group.generation)
            }
            conditions.append(
                Published(state: group.machine.state, isBusy: group.machine.isBusy, generation: group.generation)
            )
            publications.append(Publication(token: token, group: name, conditions: conditions))
        }
        for isStart in sequenceStarts {
            guard var current = groups[name] else { return }
            if isStart {
                for resource in current.definition.resources {
                    if case .exec = resource.kind { continue }
                    out.append(.log(.notDriven(resource: resource.name, type: resource.kind.typeName)))
                }
            }
            let action = isStart ? current.sequence.beginStart(at: now) : current.sequence.beginStop(at: now)
            groups[name] = current
            perform(action, for: name, at: now, into: &out)
        }
    }

    private mutating func perform(
        _ action: GroupSequence.Action,
        for name: String,
        at now: MonotonicInstant,
        into out: inout [NodeAction]
    ) {
        guard var group = groups[name] else { return }
        switch action {
        case .none:
            return
        case .runScript(let step, let script, _):
            let run = nextRun
            nextRun += 1
            group.run = run
            runs[run] = name
            let phase: ScriptEnvironment.Phase
            let event: ScriptEvent
            let factor: StopFactor
            switch step {
            case .startResource, .startScript:
                phase = .start(group.machine.startEvent)
                event = group.machine.startEvent
                factor = .none
            case .stopScript, .cleanupWatches, .stopResource:
                phase = .stop(group.machine.stopFactor)
                event = ScriptEnvironment.event(forStop: group.machine.stopFactor)
                factor = group.machine.stopFactor
            }
            var resourceEnvironment: [String: String] = [:]
            switch step {
            case .startResource(let index), .stopResource(let index):
                if case .exec(_, _, _, _, let environment) = group.definition.resources[index].kind {
                    resourceEnvironment = environment
                }
                let resource = group.definition.resources[index].name
                if case .startResource = step {
                    out.append(.log(.activation(.started, resource: resource, elapsedSeconds: 0)))
                } else {
                    out.append(.log(.deactivation(.started, resource: resource, elapsedSeconds: 0, shutdown: true)))
                }
            case .startScript, .stopScript, .cleanupWatches:
                break
            }
            let environment = ScriptEnvironment.make(
                paths: paths,
                armtoolDirectory: armtoolDirectory,
                group: group.definition,
                localServer: server,
                phase: phase,
                resourceEnvironment: resourceEnvironment
            )
            groups[name] = group
            out.append(
                .runScript(
                    ScriptRun(
                        run: run,
                        group: name,
                        event: event,
                        factor: factor,
                        label: label(script.path),
                        invocation: ScriptInvocation(
                            path: script.path,
                            workingDirectory: paths.scriptDirectory(group: name),
                            environment: environment,
                            timeout: script.timeout
                        )
                    )
                )
            )
        case .cleanupWatches:
            let token = nextToken
            nextToken += 1
            group.cleanup = token
            cleanups[token] = name
            groups[name] = group
            out.append(.cleanupWatches(group: name, factor: group.machine.stopFactor, token: token))
        case .killStep:
            if let run = group.run { out.append(.killScript(run: run)) }
        case .finished(let success):
            let event: GroupEvent =
                group.machine.state == .starting ? .startFinished(success: success) : .stopFinished(success: success)
            let actions = group.machine.handle(event)
            groups[name] = group
            apply(actions, to: name, at: now, into: &out)
        }
    }

    private func scriptPath(_ step: GroupSequence.Step, of group: Group) -> String {
        switch step {
        case .startResource(let index): group.sequence.resources[index].start?.path ?? ""
        case .stopResource(let index): group.sequence.resources[index].stop?.path ?? ""
        case .startScript: group.sequence.startScript.path
        case .stopScript, .cleanupWatches: group.sequence.stopScript.path
        }
    }

    /// The SCRIPT column: relative to the scripts directory where it lies below it.
    private func label(_ path: String) -> String {
        let prefix = paths.scripts + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
