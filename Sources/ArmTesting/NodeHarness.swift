import ArmCore
import ArmMonitor

/// K nodes in one process on one `ManualClock` with fake ports, stepped from deadline to deadline
/// (STYLE §2.6a): the base the cluster issue's `SimulatedCluster` extends.
///
/// Deterministic by construction: the harness owns the one queue of pending results (store writes,
/// script exits, watch cleanups), ordered by time then by insertion, and delivers each to its node with
/// `Node.handle`; no task scheduling decides anything. Scripts are simulated: a seeded plan gives each run
/// an outcome and a duration, or makes it hang until the node kills it at its deadline. Every action is
/// recorded as one line of `actionLog`, so a seed replays byte for byte.
package final class NodeHarness {
    /// How simulated scripts behave, in percent of runs.
    package struct ScriptFaults: Sendable {
        /// Exit 1.
        package var fail: Int
        /// Killed by a signal (the process died).
        package var die: Int
        /// Never exits: the node's deadline must end it.
        package var hang: Int
        /// `exec` failed (ENOENT).
        package var execFail: Int
        /// Longest run, in seconds.
        package var maxSeconds: Int

        /// Creates a plan.
        package init(fail: Int = 8, die: Int = 3, hang: Int = 2, execFail: Int = 1, maxSeconds: Int = 20) {
            self.fail = fail
            self.die = die
            self.hang = hang
            self.execFail = execFail
            self.maxSeconds = maxSeconds
        }
    }

    /// One server.
    package struct Member {
        /// Server name.
        package let name: String
        /// Its groups.
        package let definitions: [GroupDefinition]
        /// Its product paths.
        package let paths: ArmPaths
        /// Its decisions.
        package fileprivate(set) var node: Node
        /// Its durable state (survives `crash`).
        package let store: InMemoryStateStore
        /// Its log files.
        package let sink: InMemoryLogSink
        /// Its log writer.
        package let log: MonitorLog
        /// Replies received, by request.
        package fileprivate(set) var replies: [RequestID: NodeReply] = [:]
        /// Waits not answered yet, with their deadline (nil: none).
        package fileprivate(set) var openWaits: [RequestID: MonotonicInstant?] = [:]
        /// Whether the last start script run of each group succeeded (kept across crashes).
        package fileprivate(set) var startScriptSucceeded: [String: Bool] = [:]
        /// Script runs under way, by run token: (group, path).
        package fileprivate(set) var running: [UInt64: (group: String, path: String)] = [:]
        /// Power actions asked for.
        package fileprivate(set) var powerOffs = 0
        fileprivate var nextRequest: UInt64 = 1
        fileprivate var startRuns: [UInt64: String] = [:]
    }

    private struct Pending {
        var time: MonotonicInstant
        var order: UInt64
        var member: Int
        var event: NodeEvent
        var run: UInt64?
    }

    /// The one clock.
    package let clock: ManualClock
    /// The servers.
    package private(set) var members: [Member] = []
    /// Every action of every node, one line each, in order.
    package private(set) var actionLog: [String] = []
    /// The scripts' seeded randomness.
    package var random: SplitMix64
    /// How scripts behave.
    package var faults: ScriptFaults
    /// Record the action log and write log lines (off for long invariant runs: formatting dominates).
    package var recording = true
    private let origin: MonotonicInstant
    private var queue: [Pending] = []
    private var order: UInt64 = 0

    /// Nodes for `servers` (name and groups each), all on one clock, scripts planned from `seed`.
    package init(servers: [(name: String, groups: [GroupDefinition])], seed: UInt64, faults: ScriptFaults = .init()) {
        let clock = ManualClock()
        self.clock = clock
        self.origin = clock.now()
        self.random = SplitMix64(seed: seed)
        self.faults = faults
        let names = servers.map(\.name)
        for server in servers {
            let sink = InMemoryLogSink()
            let paths = ArmPaths(root: "/srv/" + server.name)
            members.append(
                Member(
                    name: server.name,
                    definitions: server.groups,
                    paths: paths,
                    node: Self.makeNode(server.name, names, server.groups, paths),
                    store: InMemoryStateStore(),
                    sink: sink,
                    log: MonitorLog(sink: sink, clock: clock, serverName: server.name, monitorPID: 1000)
                )
            )
        }
    }

    private static func makeNode(
        _ name: String,
        _ servers: [String],
        _ groups: [GroupDefinition],
        _ paths: ArmPaths
    ) -> Node {
        // Single-server nodes: each is its own cluster until membership comes (cluster issue).
        _ = servers
        return Node(
            server: name,
            servers: [name],
            groups: groups,
            paths: paths,
            armtoolDirectory: "/opt/arm/bin",
            stepDeadlines: true,
            killGrace: .zero
        )
    }

    /// Milliseconds since the harness began.
    package var elapsedMilliseconds: Int64 { (clock.now().nanoseconds - origin.nanoseconds) / 1_000_000 }

    // MARK: - Driving

    /// Sends a request to member `index` now and returns its handle; the reply (if immediate) is in
    /// `members[index].replies` when this returns.
    @discardableResult
    package func request(_ index: Int, _ make: (RequestID) -> NodeEvent) async -> RequestID {
        let id = RequestID(members[index].nextRequest)
        members[index].nextRequest += 1
        let event = make(id)
        if case .wait(_, _, _, let timeout) = event {
            members[index].openWaits[id] = timeout.map { clock.now() + $0 }
        }
        await deliver(event, to: index)
        return id
    }

    /// Start-up of member `index`: recovery from its store (unclean after a crash), then auto-start.
    package func boot(_ index: Int, uncleanStop: Bool = false) async {
        let records = (try? await members[index].store.groups()) ?? []
        await request(index) { .recover($0, records: records, uncleanStop: uncleanStop) }
        await request(index) { .autoStart($0) }
    }

    /// armmond of member `index` is killed (-9) and restarted at once: its running scripts and pending
    /// results are lost, its waiters' connections drop, and a new node recovers from the store.
    package func crash(_ index: Int) async {
        log(index, "crash")
        queue.removeAll { $0.member == index }
        members[index].running = [:]
        members[index].startRuns = [:]
        members[index].openWaits = [:]
        let member = members[index]
        members[index].node = Self.makeNode(member.name, members.map(\.name), member.definitions, member.paths)
        await boot(index, uncleanStop: true)
    }

    /// When the next thing happens: a pending result or a node deadline.
    package var nextTime: MonotonicInstant? {
        let pending = queue.map(\.time).min()
        let deadlines = members.compactMap(\.node.nextDeadline)
        return ([pending].compactMap { $0 } + deadlines).min()
    }

    /// Delivers everything due at the earliest next time (moving the clock there); false when idle.
    @discardableResult
    package func step() async -> Bool {
        guard let time = nextTime else { return false }
        clock.advance(to: time)
        while let index = queue.indices.filter({ queue[$0].time <= time }).min(by: {
            queue[$0].order < queue[$1].order
        }) {
            let item = queue.remove(at: index)
            if case .scriptExited(let run, let outcome) = item.event {
                guard members[item.member].running.removeValue(forKey: run) != nil else { continue }
                if let group = members[item.member].startRuns.removeValue(forKey: run) {
                    members[item.member].startScriptSucceeded[group] = outcome.isSuccess
                }
            }
            await deliver(item.event, to: item.member)
        }
        for index in members.indices {
            if let deadline = members[index].node.nextDeadline, deadline <= time {
                await deliver(.deadline, to: index)
            }
        }
        return true
    }

    /// Steps until `instant` (every event up to it), then moves the clock there.
    package func run(until instant: MonotonicInstant) async {
        while let next = nextTime, next <= instant { await step() }
        clock.advance(to: instant)
    }

    /// Steps until nothing is pending, at most `limit` steps; true when idle.
    package func drain(limit: Int = 10_000) async -> Bool {
        var steps = 0
        while steps < limit, await step() { steps += 1 }
        return nextTime == nil
    }

    // MARK: - Executors (fake ports)

    private func deliver(_ event: NodeEvent, to index: Int) async {
        let actions = members[index].node.handle(event, at: clock.now())
        for action in actions {
            if recording { log(index, action.description) }
            await perform(action, member: index)
        }
    }

    private func perform(_ action: NodeAction, member index: Int) async {
        let member = members[index]
        switch action {
        case .reply(let id, let reply):
            members[index].replies[id] = reply
            members[index].openWaits[id] = nil
        case .log(let line):
            if recording { member.log.write(line, server: member.name) }
        case .persist(let request):
            if let row = request.record, row.state == .starting {
                members[index].startScriptSucceeded[row.name] = false  // a new start began
            }
            if let row = request.record {
                let now = clock.wallNow().epochMilliseconds
                let history = request.history.map { note in
                    GroupHistoryEntry(
                        timestamp: now,
                        group: row.name,
                        action: note.action.rawValue,
                        fromServer: note.action == .stop ? member.name : nil,
                        toServer: note.action == .start ? member.name : nil,
                        factor: note.factor.rawValue,
                        result: note.success ? "success" : "failure"
                    )
                }
                try? await member.store.save(
                    GroupRecord(
                        name: row.name,
                        owner: row.owner,
                        state: row.state,
                        failed: row.failed,
                        failoverCount: row.failoverCount,
                        updatedAt: now
                    ),
                    history: history
                )
            }
            enqueue(.stored(token: request.token), member: index)
        case .runScript(let run):
            members[index].running[run.run] = (run.group, run.invocation.path)
            if run.invocation.path.hasSuffix("/start.sh") {
                members[index].startRuns[run.run] = run.group
                members[index].startScriptSucceeded[run.group] = false
            }
            let roll = random.below(100)
            let seconds = random.below(faults.maxSeconds + 1)
            let cuts = [faults.hang, faults.fail, faults.die, faults.execFail].reduce(into: [Int]()) {
                $0.append(($0.last ?? 0) + $1)
            }
            if roll < cuts[0] { return }  // hangs: only the node's deadline ends it
            let outcome: ScriptOutcome =
                roll < cuts[1]
                ? .exited(1) : roll < cuts[2] ? .signaled(9) : roll < cuts[3] ? .execFailed(errno: 2) : .exited(0)
            let delay: Duration = outcome == .execFailed(errno: 2) ? .zero : .seconds(seconds)
            enqueue(.scriptExited(run: run.run, outcome), member: index, after: delay, run: run.run)
        case .killScript(let run):
            queue.removeAll { $0.member == index && $0.run == run }
            enqueue(.scriptExited(run: run, .signaled(9)), member: index, run: run)
        case .cleanupWatches(_, _, let token):
            // The ARMLOAD watches of the group plug in here.
            enqueue(.cleanupFinished(token: token), member: index)
        case .powerOff:
            members[index].powerOffs += 1
        }
    }

    private func enqueue(_ event: NodeEvent, member: Int, after delay: Duration = .zero, run: UInt64? = nil) {
        order += 1
        queue.append(
            Pending(
                time: clock.now() + delay,
                order: order,
                member: member,
                event: event,
                run: run
            )
        )
    }

    private func log(_ index: Int, _ text: String) {
        let ms = elapsedMilliseconds
        actionLog.append(
            "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000) \(members[index].name) \(text)"
        )
    }

    // MARK: - Invariants

    /// Every invariant that holds after any step; returns the violations (empty when all hold).
    package func violations() async -> [String] {
        var found: [String] = []
        let now = clock.now()
        for member in members {
            let node = member.node
            let storing = queue.contains { item in
                guard item.member == members.firstIndex(where: { $0.name == member.name }) else { return false }
                if case .stored = item.event { return true }
                return false
            }
            for name in node.order {
                guard let group = node.groups[name] else { continue }
                let state = group.machine.state
                // A failed clean-up stop leaves a group started and failed (armstat started/failed); a
                // group started and not failed must owe it to a start script that succeeded.
                if state == .started && !group.machine.failed && member.startScriptSucceeded[name] != true {
                    found.append("\(member.name) \(name): started without a successful start script")
                }
                let runs = member.running.values.filter { $0.group == name }.count
                if runs > 1 { found.append("\(member.name) \(name): \(runs) scripts at once") }
                if runs == 1 && !group.sequence.isRunning {
                    found.append("\(member.name) \(name): a script runs outside a sequence")
                }
                if group.sequence.isRunning != (state == .starting || state == .stopping) {
                    found.append("\(member.name) \(name): sequence running=\(group.sequence.isRunning) in \(state)")
                }
                if let deadline = group.sequence.deadline, deadline < now {
                    found.append("\(member.name) \(name): a step outlived its deadline")
                }
                if !storing, let record = member.store.record(name),
                    record.state != state || record.failed != group.machine.failed
                {
                    found.append("\(member.name) \(name): stored \(record.state) but machine \(state)")
                }
            }
            for (id, deadline) in member.openWaits {
                if let deadline, deadline < now { found.append("\(member.name) wait \(id) outlived its deadline") }
            }
            if node.waiterDeadlines.contains(where: { $0 < now }) {
                found.append("\(member.name): a waiter outlived its deadline")
            }
        }
        return found
    }
}
