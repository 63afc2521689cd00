import ArmCore

/// The handle of a request waiting for its reply; unique within one node.
package struct RequestID: Sendable, Hashable, CustomStringConvertible {
    /// The number.
    package var value: UInt64

    /// Creates an ID.
    package init(_ value: UInt64) { self.value = value }

    /// `#N`.
    package var description: String { "#\(value)" }
}

/// What an armgwait (or an internal wait) waits for.
package enum WaitTarget: Sendable, Equatable {
    /// The group reaches this state (armgwait: `started`, or `stopped` with /STOP).
    case state(GroupState)
    /// Every operation requested so far has ended: nothing runs or is queued.
    case settled
}

/// Everything that happens to a node, in the one order the node sees it (STYLE §2.6a).
///
/// Control requests carry the handle their reply goes to; executors report results with the token the
/// node gave them. The cluster issue adds peer messages and membership changes here.
package enum NodeEvent: Sendable, Equatable {
    // MARK: control requests
    /// Start-up recovery read these rows (config-and-files §3.2).
    case recover(RequestID, records: [GroupRecord], uncleanStop: Bool)
    /// armgstrt, auto-start: start a group here (commands.md 2.6).
    case startGroup(RequestID, group: String, server: String?, event: ScriptEvent)
    /// armgstop and friends: stop a group (commands.md 2.7).
    case stopGroup(RequestID, group: String, factor: StopFactor)
    /// armgwait, or a wait until settled; `timeout` nil waits for ever.
    case wait(RequestID, group: String, target: WaitTarget, timeout: Duration?)
    /// The waiter went away (its connection or task ended).
    case cancelWait(RequestID)
    /// Start the `auto_start` groups after a clean previous stop.
    case autoStart(RequestID)
    /// Server shutdown: stop every group in reverse order, one after the other; refuse starts.
    case stopAll(RequestID)

    // MARK: executor results
    /// A script run ended.
    case scriptExited(run: UInt64, ScriptOutcome)
    /// The group's ARMLOAD watches were stopped (the cleanup step of a stop).
    case cleanupFinished(token: UInt64)
    /// The store wrote every persist action up to this token (and published nothing before it).
    case stored(token: UInt64)

    // MARK: time
    /// The clock reached a deadline the node asked for; the node handles every deadline up to now.
    case deadline
}

/// A reply to a control request.
package enum NodeReply: Sendable, Equatable {
    /// A start or stop request's answer.
    case request(NodeRequestOutcome)
    /// How a wait ended.
    case wait(NodeWaitResult)
    /// The groups auto-start asked to start.
    case autoStarted([String])
    /// What recovery found.
    case recovered(NodeRecoveryReport)
    /// Done (stopAll).
    case done
}

/// The answer to a start or stop request.
package enum NodeRequestOutcome: Sendable, Equatable {
    /// Accepted; the operation runs (or is queued) on `server`.
    case accepted(server: String)
    /// Refused by the group's state or the server's (exit 4).
    case refused(NodeRefusal)
    /// No such group (exit 5).
    case groupNotFound
    /// No such server (exit 5).
    case serverNotFound
}

/// Why a request was refused.
package enum NodeRefusal: Sendable, Equatable {
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
package enum NodeWaitResult: Sendable, Equatable {
    /// The group reached the state.
    case satisfied
    /// The limit passed; whole seconds waited.
    case timedOut(seconds: Int)
    /// The waiting task was cancelled (the connection or armmond went away).
    case cancelled
}

/// What start-up recovery found.
package struct NodeRecoveryReport: Sendable, Equatable {
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
