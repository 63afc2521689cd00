/// What happens to a group on this server: requests, script results and start-up recovery
/// (commands.md 1.8, 2.6, 2.7; seed §3.3).
package enum GroupEvent: Sendable, Equatable {
    /// armgstrt, auto-start or a takeover: start with this `ARMS_EVENT`.
    case startRequested(by: ScriptEvent)
    /// armgstop, server shutdown, failover source: stop with this `ARMS_FACTOR`.
    case stopRequested(factor: StopFactor)
    /// The start sequence (resources, then `start.sh`) ended.
    case startFinished(success: Bool)
    /// The stop sequence (`stop.sh`, then resources in reverse) ended.
    case stopFinished(success: Bool)
    /// armmond started and read the persisted row (config-and-files §3.2 `group_state`).
    /// - Parameters:
    ///   - state: The persisted state.
    ///   - failed: The persisted failed flag.
    ///   - uncleanStop: `meta.run_state` was still `running` (single-server cluster, §1.5).
    ///   - owner: The persisted owner (`group_state.owner`).
    ///   - failoverCount: The persisted failover count (seed §3.6).
    case recovered(state: GroupState, failed: Bool, uncleanStop: Bool, owner: String? = nil, failoverCount: Int = 0)
}

/// Why a request was refused (the seed's "is not in a state where it can be executed").
package enum GroupRefusal: Sendable, Equatable {
    /// armgstrt on a group that is `starting` or `started` (ARMGSTRT-04).
    case alreadyStartingOrStarted
    /// armgstop on a group that is `stopping` or `stopped` (ARMGSTOP-03).
    case alreadyStoppingOrStopped
}

/// The `group_history.action` of a finished operation (config-and-files §3.2).
package enum GroupHistoryAction: String, Sendable, Equatable {
    case start
    case stop
}

/// What the history row of a finished operation says; the monitor adds time and servers.
package struct GroupHistoryNote: Sendable, Equatable {
    /// `start` or `stop`.
    package var action: GroupHistoryAction
    /// The cause (`CLP_FACTOR` word, or `-` for starts).
    package var factor: StopFactor
    /// Whether the operation succeeded.
    package var success: Bool

    /// Creates a note.
    package init(action: GroupHistoryAction, factor: StopFactor, success: Bool) {
        self.action = action
        self.factor = factor
        self.success = success
    }
}

/// Catalogued lines the machine asks for: armsvr.log RSC-003…008 and events.log 2006/2007
/// (config-and-files §4.3, §4.7).
package enum GroupLogLine: Sendable, Equatable {
    /// RSC-003 `Start processing of group %1 started.`
    case startStarted
    /// RSC-004 `Start processing of group %1 succeeded.`
    case startSucceeded
    /// RSC-005 `Start processing of group %1 failed.`
    case startFailed
    /// RSC-006 `Stop processing of group %1 started.`
    case stopStarted
    /// RSC-007 `Stop processing of group %1 succeeded.`
    case stopSucceeded
    /// RSC-008 `Stop processing of group %1 failed.`
    case stopFailed
    /// Event 2007 `Started group %1 on server %2.`
    case eventGroupStarted
    /// Event 2006 `Stopped group %1 on server %2.`
    case eventGroupStopped
}

/// What the monitor must do after an event, in order.
package enum GroupAction: Sendable, Equatable {
    /// The request is accepted (now or after the running operation).
    case accept
    /// The request is refused; nothing else happens.
    case refuse(GroupRefusal)
    /// Run the start sequence with this `ARMS_EVENT`.
    case runStart(event: ScriptEvent)
    /// Run the stop sequence with this `ARMS_FACTOR`.
    case runStop(factor: StopFactor)
    /// Write the group row (and a history row when an operation ended) in one transaction.
    case persist(history: GroupHistoryNote?)
    /// The state changed to this one: wake waiters whose condition now holds (armgwait). One event can
    /// pass through several states (started, then stopping for a queued stop); each is announced.
    case notifyWaiters(GroupState)
    /// Write a catalogued line.
    case log(GroupLogLine)
}

/// One group's state on this server: state, failed flag and at most one queued request.
///
/// commands.md 1.8, 2.6, 2.7. Pure: every decision is returned as actions (STYLE §2.4).
package struct GroupStateMachine: Sendable, Equatable {
    /// A request that waits for the running operation to end.
    package enum PendingRequest: Sendable, Equatable {
        /// Start after the running stop.
        case start(ScriptEvent)
        /// Stop after the running start.
        case stop(StopFactor)
    }

    /// The current state.
    package private(set) var state: GroupState
    /// The failed flag (commands.md 1.8): the last start or stop here failed.
    package private(set) var failed: Bool
    /// The request queued behind the running operation.
    ///
    /// At most one: a second one would be refused by the rules anyway, because the state already shows
    /// where the group is heading.
    package private(set) var pending: PendingRequest?
    /// The `ARMS_EVENT` of the running or last start.
    package private(set) var startEvent: ScriptEvent
    /// The `ARMS_FACTOR` of the running or last stop.
    package private(set) var stopFactor: StopFactor
    /// The running stop cleans up after a failed start or an interrupted operation, so the group
    /// stays failed even when the stop succeeds.
    package private(set) var isCleanupStop: Bool
    /// The server this machine runs on; it becomes the owner when the group leaves `stopped` here.
    package let localServer: String
    /// The server the group is (or was last) active on (`group_state.owner`); kept after a stop.
    package private(set) var owner: String?
    /// Monitor-caused failovers in the current window (seed §3.6): starts with `ARMS_EVENT=FAILOVER`.
    package private(set) var failoverCount: Int

    /// A machine in a given state on `localServer`; new groups start `stopped`, not failed, with no owner.
    package init(
        state: GroupState = .stopped,
        failed: Bool = false,
        localServer: String = "",
        owner: String? = nil,
        failoverCount: Int = 0
    ) {
        self.state = state
        self.failed = failed
        self.localServer = localServer
        self.owner = owner
        self.failoverCount = failoverCount
        self.pending = nil
        self.startEvent = .start
        self.stopFactor = .none
        self.isCleanupStop = false
    }

    /// Whether a start or stop sequence is running (or queued).
    package var isBusy: Bool { state == .starting || state == .stopping || pending != nil }

    /// Applies an event and returns what the monitor must do, in order.
    package mutating func handle(_ event: GroupEvent) -> [GroupAction] {
        switch event {
        case .startRequested(let scriptEvent): return requestStart(scriptEvent)
        case .stopRequested(let factor): return requestStop(factor)
        case .startFinished(let success): return finishStart(success: success)
        case .stopFinished(let success): return finishStop(success: success)
        case .recovered(let state, let failed, let uncleanStop, let owner, let failoverCount):
            self.owner = owner
            self.failoverCount = failoverCount
            let actions = recover(state: state, failed: failed, uncleanStop: uncleanStop)
            if self.state != .stopped { self.owner = localServer }  // re-attached here
            return actions
        }
    }

    /// The server armstat shows the group on: the owner, nil when stopped.
    package var activeServer: String? { state == .stopped ? nil : owner }

    private mutating func requestStart(_ scriptEvent: ScriptEvent) -> [GroupAction] {
        switch state {
        case .stopped:
            return [.accept] + beginStart(scriptEvent)
        case .stopping:
            // commands.md 2.6: a stopping group is started after its stop.
            guard pending == nil else { return [.refuse(.alreadyStartingOrStarted)] }
            pending = .start(scriptEvent)
            return [.accept]
        case .starting, .started:
            return [.refuse(.alreadyStartingOrStarted)]
        }
    }

    private mutating func requestStop(_ factor: StopFactor) -> [GroupAction] {
        switch state {
        case .started:
            return [.accept] + beginStop(factor, cleanup: false)
        case .starting:
            // commands.md 2.7: a starting group is stopped after its start.
            guard pending == nil else { return [.refuse(.alreadyStoppingOrStopped)] }
            pending = .stop(factor)
            return [.accept]
        case .stopping, .stopped:
            return [.refuse(.alreadyStoppingOrStopped)]
        }
    }

    private mutating func finishStart(success: Bool) -> [GroupAction] {
        guard state == .starting else { return [] }  // a stale result changes nothing
        if success {
            state = .started
            failed = false
            var actions: [GroupAction] = [
                .persist(history: GroupHistoryNote(action: .start, factor: startFactor, success: true)),
                .log(.startSucceeded),
                .log(.eventGroupStarted),
                .notifyWaiters(.started),
            ]
            if case .stop(let factor) = pending {
                pending = nil
                actions += beginStop(factor, cleanup: false)
            }
            return actions
        }
        // commands.md 1.8: a failed start is followed by a stop on this server, which leaves the group
        // stopped and failed. A stop queued behind the start is served by that stop.
        failed = true
        let factor: StopFactor
        if case .stop(let queued) = pending {
            factor = queued
        } else {
            // Interpretation: the clean-up after a failed takeover is part of a failover; otherwise it is
            // a plain group stop.
            factor = startEvent == .failover ? .groupFailover : .groupStop
        }
        pending = nil
        return [
            .persist(history: GroupHistoryNote(action: .start, factor: startFactor, success: false)),
            .log(.startFailed),
        ] + beginStop(factor, cleanup: true)
    }

    private mutating func finishStop(success: Bool) -> [GroupAction] {
        guard state == .stopping else { return [] }
        let note = GroupHistoryNote(action: .stop, factor: stopFactor, success: success)
        let cleanup = isCleanupStop
        isCleanupStop = false
        if success {
            state = .stopped
            if !cleanup { failed = false }
            var actions: [GroupAction] = [
                .persist(history: note), .log(.stopSucceeded), .log(.eventGroupStopped), .notifyWaiters(.stopped),
            ]
            if case .start(let scriptEvent) = pending {
                pending = nil
                actions += beginStart(scriptEvent)
            }
            return actions
        }
        // Interpretation: a failed stop leaves the group `started` and failed (armstat `started/failed`),
        // so armgstop can retry it; a start queued behind it is dropped, as the group is not stopped.
        state = .started
        failed = true
        pending = nil
        return [.persist(history: note), .log(.stopFailed), .notifyWaiters(.started)]
    }

    private mutating func recover(
        state persisted: GroupState,
        failed persistedFailed: Bool,
        uncleanStop: Bool
    )
        -> [GroupAction]
    {
        pending = nil
        isCleanupStop = false
        failed = persistedFailed
        guard uncleanStop else {
            // config-and-files §3.2: `state` is reset to `stopped` at start.
            let changed = persisted != .stopped
            state = .stopped
            return changed ? [.persist(history: nil)] : []
        }
        switch persisted {
        case .stopped, .started:
            // A started group stays started after an unclean stop of a single-server cluster: its
            // processes are still running, and the scripts are not re-run.
            state = persisted
            return []
        case .starting, .stopping:
            // Caught in the middle: stopped (stop script, then resources) and marked failed.
            // Interpretation: the factor is SERVERSHUTDOWN, the cause being the end of the previous armmond.
            failed = true
            return beginStop(.serverShutdown, cleanup: true)
        }
    }

    /// The `group_history.factor` of a start: `-` (commands.md 1.6).
    private var startFactor: StopFactor { .none }

    private mutating func beginStart(_ scriptEvent: ScriptEvent) -> [GroupAction] {
        state = .starting
        startEvent = scriptEvent
        owner = localServer
        if scriptEvent == .failover { failoverCount += 1 }
        return [.persist(history: nil), .log(.startStarted), .notifyWaiters(.starting), .runStart(event: scriptEvent)]
    }

    private mutating func beginStop(_ factor: StopFactor, cleanup: Bool) -> [GroupAction] {
        state = .stopping
        owner = localServer
        stopFactor = factor
        isCleanupStop = cleanup
        return [.persist(history: nil), .log(.stopStarted), .notifyWaiters(.stopping), .runStop(factor: factor)]
    }
}
