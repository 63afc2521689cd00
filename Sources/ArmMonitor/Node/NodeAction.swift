import ArmCore

/// The three phases of an RSC run of messages (started, succeeded, failed).
package enum NodeLogPhase: Sendable, Equatable {
    case started
    case succeeded
    case failed
}

/// A catalogued line the node asks for.
package enum NodeLogLine: Sendable, Equatable {
    /// RSC-003…008, events 2006/2007.
    case group(GroupLogLine, group: String)
    /// RSC-009…011; `elapsed` in whole seconds for a success.
    case activation(NodeLogPhase, resource: String, elapsedSeconds: Int)
    /// RSC-012…015.
    case deactivation(NodeLogPhase, resource: String, elapsedSeconds: Int, shutdown: Bool)
    /// RSC-001/002: a group is started or stopped automatically.
    case automatic(group: String, start: Bool)
    /// Event 1101: the previous armmond did not stop cleanly.
    case uncleanStop
    /// Events 9000/9001: a script passed its timeout.
    case scriptTimeout(group: String, start: Bool)
    /// Event 9003…: a group script could not be executed.
    case scriptExecFailed(group: String, start: Bool, errno: Int32)
    /// Trace: a resource type that is not driven yet.
    case notDriven(resource: String, type: String)
}

/// One script run the node asks for: what ScriptExecution needs, plus the node's token.
package struct ScriptRun: Sendable, Equatable {
    /// The token `scriptExited` reports back.
    package var run: UInt64
    /// The armscr.log record's labels and the invocation.
    package var group: String
    /// `ARMS_EVENT` (EVENT column).
    package var event: ScriptEvent
    /// The stop's factor, `-` for starts.
    package var factor: StopFactor
    /// The SCRIPT column.
    package var label: String
    /// What to run.
    package var invocation: ScriptInvocation

    /// Creates a run.
    package init(
        run: UInt64,
        group: String,
        event: ScriptEvent,
        factor: StopFactor,
        label: String,
        invocation: ScriptInvocation
    ) {
        self.run = run
        self.group = group
        self.event = event
        self.factor = factor
        self.label = label
        self.invocation = invocation
    }
}

/// A group row to write; the executor adds the wall-clock time.
package struct PersistRequest: Sendable, Equatable {
    /// The token `stored` reports back once this (and everything before it) is written.
    package var token: UInt64
    /// The row; nil when there is nothing to write (an ordering barrier for a publication).
    package var record: Row?
    /// The history row of a finished operation.
    package var history: GroupHistoryNote?

    /// The group row without its time stamp.
    package struct Row: Sendable, Equatable {
        /// Group name.
        package var name: String
        /// `group_state.owner`.
        package var owner: String?
        /// The state.
        package var state: GroupState
        /// The failed flag.
        package var failed: Bool
        /// The failover count.
        package var failoverCount: Int

        /// Creates a row.
        package init(name: String, owner: String?, state: GroupState, failed: Bool, failoverCount: Int) {
            self.name = name
            self.owner = owner
            self.state = state
            self.failed = failed
            self.failoverCount = failoverCount
        }
    }

    /// Creates a request.
    package init(token: UInt64, record: Row?, history: GroupHistoryNote?) {
        self.token = token
        self.record = record
        self.history = history
    }
}

/// What a node asks its executors to do, in order (STYLE §2.6a).
package enum NodeAction: Sendable, Equatable, CustomStringConvertible {
    /// Answer a request.
    case reply(RequestID, NodeReply)
    /// Write a catalogued line.
    case log(NodeLogLine)
    /// Write a group row (and history) and report `stored(token)`; writes happen in token order.
    case persist(PersistRequest)
    /// Run a script and report `scriptExited(run:)`.
    case runScript(ScriptRun)
    /// A script run passed the node's deadline: kill it if the runner can (it reports its exit anyway).
    case killScript(run: UInt64)
    /// Stop the group's ARMLOAD watches and report `cleanupFinished(token:)`.
    case cleanupWatches(group: String, factor: StopFactor, token: UInt64)
    /// A script passed its timeout: the power action (config-and-files §1.7), before anything after it.
    case powerOff(reason: String)

    /// One line of a replayable action log.
    package var description: String {
        switch self {
        case .reply(let id, let reply): "reply \(id) \(reply)"
        case .log(let line): "log \(line)"
        case .persist(let request):
            if let row = request.record {
                "persist t\(request.token) \(row.name) \(row.state.rawValue) failed=\(row.failed) "
                    + "owner=\(row.owner ?? "-") history=\(request.history.map { "\($0.action.rawValue)/\($0.factor.rawValue)/\($0.success)" } ?? "-")"
            } else {
                "persist t\(request.token) barrier"
            }
        case .runScript(let run):
            "run r\(run.run) \(run.group) \(run.label) \(run.event.rawValue) \(run.factor.rawValue) "
                + "timeout=\(run.invocation.timeout.map { "\($0.components.seconds)s" } ?? "none")"
        case .killScript(let run): "kill r\(run)"
        case .cleanupWatches(let group, let factor, let token): "cleanup \(group) \(factor.rawValue) c\(token)"
        case .powerOff(let reason): "power-off \(reason)"
        }
    }
}
