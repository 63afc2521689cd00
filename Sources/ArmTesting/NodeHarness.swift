import ArmCore
import ArmMonitor

/// K nodes in one process on one `ManualClock` with fake ports, stepped from deadline to deadline
/// (STYLE §2.6a): the base the cluster issue's `SimulatedCluster` extends.
///
/// Deterministic by construction: the harness owns the one queue of pending results (store writes,
/// script exits, watch cleanups, watch launcher callbacks), ordered by time then by insertion, and delivers
/// each to its node with `Node.handle` or to its ARMLOAD watch's `WatchStateMachine`; no task scheduling
/// decides anything. Scripts are simulated: a seeded plan gives each run an outcome and a duration, or makes
/// it hang until the node kills it at its deadline. Watched programs are simulated the same way: they die
/// when told (`programDies`), and on SIGTERM end after a seeded delay or ignore it until the machine's
/// SIGKILL. Every action is recorded as one line of `actionLog`, so a seed replays byte for byte.
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

    /// One ARMLOAD watch of a member, as the supervisor holds it (its machine, its one deadline) plus the
    /// simulated program and the reference model of its `/R /H` count.
    package struct SimulatedWatch {
        /// The WID.
        package let wid: String
        /// A systemd unit (its end is seen by the machine's checks, its stop is `systemctl stop`).
        package let isUnit: Bool
        /// Its group.
        package let group: String
        /// Every decision.
        package fileprivate(set) var machine: WatchStateMachine
        /// The machine's pending deadline.
        package fileprivate(set) var deadline: MonotonicInstant?
        /// The simulated program's pid while it lives.
        package fileprivate(set) var process: Int32?
        /// armkill was asked for (and has not failed): the WID must never be launched again.
        package fileprivate(set) var killed = false
        /// Restarts decided in the current `/H` window (reference model, commands.md 2.1).
        package fileprivate(set) var windowRestarts = 0
        fileprivate var windowStart: MonotonicInstant?
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
        /// ARMLOAD watches, by key (the lowercased WID).
        package fileprivate(set) var watches: [String: SimulatedWatch] = [:]
        /// Answers the watches gave to requests, in order.
        package fileprivate(set) var watchReplies: [String] = []
        /// Group stops waiting for their watches: cleanup token → group.
        package fileprivate(set) var cleanups: [UInt64: String] = [:]
        fileprivate var nextRequest: UInt64 = 1
        fileprivate var startRuns: [UInt64: String] = [:]
    }

    /// A launcher callback or executor result for a watch (the supervisor's machine inputs).
    private enum WatchInput {
        case launched(pid: Int32)
        case launchFailed
        case exited(pid: Int32, ProgramExit)
        case groupAnswer(failedAt: MonotonicInstant)
        case unitChecked
        case unitStopped(Bool)
        case stopCommandFinished(Bool)
        /// `/ACT` failover: the supervisor stops the group (a request to the node).
        case failover
    }

    private enum Item {
        case node(NodeEvent)
        case watch(key: String, WatchInput)
    }

    private struct Pending {
        var time: MonotonicInstant
        var order: UInt64
        var member: Int
        var item: Item
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
    /// Percent of watch launches that fail (exec error).
    package var launchFailures = 5
    /// How often each kind of watch event happened (coverage of the random script): `launch`, `restart`,
    /// `window` (an `/H` window closed), `failover`, `shutdown`, `armkill`, `sigkill`, `release`, `paused`.
    package private(set) var watchCounts: [String: Int] = [:]
    private let origin: MonotonicInstant
    private var queue: [Pending] = []
    private var order: UInt64 = 0
    private var nextPID: Int32 = 1000
    /// Invariant breaches seen while performing actions (a launch after armkill, a restart over `/R`).
    private var actionViolations: [String] = []

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
        // Re-attaching programs after a crash is not simulated: the member's watches go with armmond.
        members[index].watches = [:]
        members[index].cleanups = [:]
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
        let watchDeadlines = members.flatMap { $0.watches.values.compactMap(\.deadline) }
        return ([pending].compactMap { $0 } + deadlines + watchDeadlines).min()
    }

    /// Something is pending besides the periodic checks of running unit watches (which never end): false
    /// once the members are quiet.
    package var isBusyBesidesUnitChecks: Bool {
        !queue.isEmpty
            || members.contains { member in
                member.node.nextDeadline != nil
                    || member.watches.values.contains { watch in
                        watch.deadline != nil && !(watch.isUnit && watch.machine.phase == .running)
                    }
            }
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
            switch item.item {
            case .node(let event):
                if case .scriptExited(let run, let outcome) = event {
                    guard members[item.member].running.removeValue(forKey: run) != nil else { continue }
                    if let group = members[item.member].startRuns.removeValue(forKey: run) {
                        members[item.member].startScriptSucceeded[group] = outcome.isSuccess
                    }
                }
                await deliver(event, to: item.member)
            case .watch(let key, let input):
                await deliver(input, watch: key, member: item.member)
            }
        }
        for index in members.indices {
            if let deadline = members[index].node.nextDeadline, deadline <= time {
                await deliver(.deadline, to: index)
            }
            for key in members[index].watches.keys.sorted() {
                guard let deadline = members[index].watches[key]?.deadline, deadline <= time else { continue }
                members[index].watches[key]?.deadline = nil
                await feed(index, key) { $0.deadlineReached(at: time) }
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
            enqueue(.node(.stored(token: request.token)), member: index)
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
            enqueue(.node(.scriptExited(run: run.run, outcome)), member: index, after: delay, run: run.run)
        case .killScript(let run):
            queue.removeAll { $0.member == index && $0.run == run }
            enqueue(.node(.scriptExited(run: run, .signaled(9))), member: index, run: run)
        case .cleanupWatches(let group, _, let token):
            // As the supervisor does: every watch of the group is stopped and released, then the node hears.
            members[index].cleanups[token] = group
            for key in members[index].watches.keys.sorted() where members[index].watches[key]?.group == group {
                await feed(index, key) { $0.groupStopRequested(wait: .seconds(10), at: self.clock.now()) }
            }
            settleCleanups(index)
        case .powerOff:
            members[index].powerOffs += 1
        }
    }

    private func enqueue(_ item: Item, member: Int, after delay: Duration = .zero, run: UInt64? = nil) {
        order += 1
        queue.append(
            Pending(
                time: clock.now() + delay,
                order: order,
                member: member,
                item: item,
                run: run
            )
        )
    }

    // MARK: - ARMLOAD watches

    /// What a WID runs.
    package enum ServiceForm: Sendable, CaseIterable {
        /// A program (SIGTERM, SIGKILL).
        case program
        /// A systemd unit (`/S`): checked every 30 s, stopped with `systemctl stop`.
        case unit
        /// A `[services]` entry with a `stop` command.
        case stopCommand
    }

    /// `armload` on member `index`: registers WID in `group` and starts it (refused unless the group is
    /// starting or started, as a start script's armload would be); false when refused.
    @discardableResult
    package func register(
        _ index: Int,
        wid: String,
        group: String,
        policy: ArmloadWatchPolicy,
        readinessWait: Duration?,
        form: ServiceForm = .program
    ) async -> Bool {
        let key = wid.lowercased()
        let state = members[index].node.groups[group]?.machine.state
        guard state == .started || state == .starting, members[index].watches[key] == nil else { return false }
        let configuration = WatchStateMachine.Configuration(
            policy: policy,
            isUnit: form == .unit,
            unitCheckInterval: .seconds(30),  // /INT; longer than the default keeps hour-long runs cheap
            hasStopCommand: form == .stopCommand,
            killGrace: .seconds(5)
        )
        members[index].watches[key] = SimulatedWatch(
            wid: wid,
            isUnit: form == .unit,
            group: group,
            machine: WatchStateMachine(configuration: configuration)
        )
        log(index, "armload \(wid) \(group) \(form) R=\(policy.retry.map(String.init) ?? "-") H=\(policy.hours ?? 0)")
        await feed(index, key) { $0.startRequested(readinessWait: readinessWait, at: self.clock.now()) }
        return true
    }

    /// The watch's program dies on its own (exit 1 or SIGKILL from outside).
    package func programDies(_ index: Int, wid key: String, signaled: Bool) {
        guard let pid = members[index].watches[key]?.process else { return }
        if members[index].watches[key]?.isUnit == true {
            members[index].watches[key]?.process = nil  // seen by the next check
            return
        }
        enqueue(.watch(key: key, .exited(pid: pid, signaled ? .signaled(9) : .exited(1))), member: index)
    }

    /// The watch's program sends `READY=1`.
    package func programReady(_ index: Int, wid key: String) async {
        guard members[index].watches[key]?.process != nil else { return }
        await feed(index, key) { $0.ready(at: self.clock.now()) }
    }

    /// armkill of the WID.
    package func armkill(_ index: Int, wid key: String, wait: Duration) async {
        guard members[index].watches[key] != nil else { return }
        watchCounts["armkill", default: 0] += 1
        members[index].watches[key]?.killed = true
        await feed(index, key) { $0.killRequested(wait: wait, at: self.clock.now()) }
    }

    /// armloadc pause (`pause` true) or continue.
    package func control(_ index: Int, wid key: String, pause: Bool) async {
        await feed(index, key) { pause ? $0.pauseRequested() : $0.continueRequested() }
        if members[index].watches[key]?.machine.monitorState == .paused { watchCounts["paused", default: 0] += 1 }
    }

    private func deliver(_ input: WatchInput, watch key: String, member index: Int) async {
        let now = clock.now()
        switch input {
        case .launched(let pid):
            guard members[index].watches[key] != nil else { return }
            await feed(index, key) { $0.launched(pid: pid, at: now) }
        case .launchFailed:
            await feed(index, key) { $0.launchFailed(at: now) }
        case .exited(let pid, let exit):
            guard members[index].watches[key]?.process == pid else { return }
            members[index].watches[key]?.process = nil
            await feed(index, key) { $0.programExited(exit, at: now) }
        case .groupAnswer(let failedAt):
            guard let group = members[index].watches[key]?.group else { return }
            let state = members[index].node.groups[group]?.machine.state
            let active = state == .started || state == .starting
            await feed(index, key) {
                $0.groupStateObserved(active: active, maxFailoversReached: false, failedAt: failedAt, at: now)
            }
        case .failover:
            guard let group = members[index].watches[key]?.group else { return }
            await request(index) { .stopGroup($0, group: group, factor: .groupFailover) }
        case .unitChecked:
            guard let watch = members[index].watches[key] else { return }
            let observation: WatchStateMachine.UnitObservation =
                watch.process.map { .active(mainPID: $0) } ?? .down(code: 1, status: 1)
            await feed(index, key) { $0.unitChecked(observation, at: now) }
        case .unitStopped(let stopped):
            if stopped { members[index].watches[key]?.process = nil }
            await feed(index, key) { $0.unitStopFinished(stopped: stopped, at: now) }
        case .stopCommandFinished(let succeeded):
            await feed(index, key) {
                $0.stopCommandFinished(succeeded: succeeded, detail: succeeded ? "" : "exit=1", at: now)
            }
        }
    }

    /// Gives one input to a watch's machine and performs its actions (the supervisor's `feed`).
    private func feed(
        _ index: Int,
        _ key: String,
        _ input: (inout WatchStateMachine) -> [WatchStateMachine.Action]
    ) async {
        guard var watch = members[index].watches[key] else { return }
        let actions = input(&watch.machine)
        members[index].watches[key] = watch
        for action in actions {
            if recording { log(index, "watch \(watch.wid) \(action)") }
            perform(action, watch: key, member: index)
        }
        settleCleanups(index)
    }

    /// The supervisor's `perform`, on fake ports.
    private func perform(_ action: WatchStateMachine.Action, watch key: String, member index: Int) {
        guard let watch = members[index].watches[key] else { return }
        let now = clock.now()
        switch action {
        case .launch:
            watchCounts["launch", default: 0] += 1
            if watch.killed { actionViolations.append("\(members[index].name) \(watch.wid): launched after armkill") }
            if random.chance(launchFailures) {
                enqueue(.watch(key: key, .launchFailed), member: index)
                return
            }
            nextPID += 1
            members[index].watches[key]?.process = nextPID
            enqueue(.watch(key: key, .launched(pid: nextPID)), member: index)
        case .abandonLaunch:
            members[index].watches[key]?.process = nil
        case .sendSignal(let signal):
            guard let pid = watch.process else { return }
            if signal == SignalNumber.kill {
                watchCounts["sigkill", default: 0] += 1
                enqueue(.watch(key: key, .exited(pid: pid, .signaled(signal))), member: index)
            } else if !random.chance(20) {  // else it ignores SIGTERM until SIGKILL
                let delay = Duration.seconds(random.below(15))
                enqueue(.watch(key: key, .exited(pid: pid, .signaled(signal))), member: index, after: delay)
            }
        case .scheduleDeadline(let at):
            members[index].watches[key]?.deadline = max(at, now)
        case .cancelDeadline:
            members[index].watches[key]?.deadline = nil
        case .queryGroup(let failedAt):
            enqueue(.watch(key: key, .groupAnswer(failedAt: failedAt)), member: index)
        case .escalate(.failover):
            watchCounts["failover", default: 0] += 1
            enqueue(.watch(key: key, .failover), member: index)
        case .escalate(.shutdown):
            watchCounts["shutdown", default: 0] += 1
            members[index].powerOffs += 1
        case .report(.failureDetected(let decided)):
            guard case .restartApplication = decided else { return }
            watchCounts["restart", default: 0] += 1
            // Reference model of /R within /H: the window opens at its first restart, closes H hours later.
            var model = watch
            let policy = watch.machine.configuration.policy
            if let start = model.windowStart, let hours = policy.hours, now >= start + .seconds(hours * 3600) {
                model.windowStart = nil
                model.windowRestarts = 0
                watchCounts["window", default: 0] += 1
            }
            if model.windowStart == nil { model.windowStart = now }
            model.windowRestarts += 1
            if model.windowRestarts > (policy.retry ?? 0) {
                actionViolations.append("\(members[index].name) \(watch.wid): restart \(model.windowRestarts) over /R")
            }
            members[index].watches[key] = model
        case .checkUnit:
            enqueue(.watch(key: key, .unitChecked), member: index)
        case .stopUnit(let timeout):
            let stopped = !random.chance(10)
            let delay = Duration.seconds(random.below(Int(timeout.components.seconds) + 1))
            watchCounts[stopped ? "unitStop" : "unitStopFailed", default: 0] += 1
            enqueue(.watch(key: key, .unitStopped(stopped)), member: index, after: delay)
        case .runStopCommand(let timeout):
            let succeeded = !random.chance(15)
            let delay = Duration.seconds(random.below(Int(timeout.components.seconds) + 1))
            watchCounts[succeeded ? "stopCommand" : "stopCommandFailed", default: 0] += 1
            enqueue(.watch(key: key, .stopCommandFinished(succeeded)), member: index, after: delay)
            if succeeded, let pid = watch.process, !random.chance(20) {  // else SIGKILL at the deadline
                enqueue(.watch(key: key, .exited(pid: pid, .exited(0))), member: index, after: delay)
            }
        case .release:
            watchCounts["release", default: 0] += 1
            members[index].watches[key] = nil
        case .replyToRequest(let request, let outcome):
            members[index].watchReplies.append("\(watch.wid) \(request) \(outcome)")
            switch (request, outcome) {
            case (.kill, .stopTimedOut), (.kill, .stopFailed):
                // armkill failed: the WID stays watched, so it may be restarted again.
                members[index].watches[key]?.killed = false
            default:
                break
            }
        case .escalate, .report, .persist, .killLeftovers, .restartGroupScripts:
            break  // nothing to simulate (/SCR is not simulated)
        }
    }

    /// Group stops whose watches are all released hear `cleanupFinished`.
    private func settleCleanups(_ index: Int) {
        for token in members[index].cleanups.keys.sorted() {
            guard let group = members[index].cleanups[token],
                !members[index].watches.values.contains(where: { $0.group == group })
            else { continue }
            members[index].cleanups[token] = nil
            enqueue(.node(.cleanupFinished(token: token)), member: index)
        }
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
                if case .node(.stored) = item.item { return true }
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
            for key in member.watches.keys.sorted() {
                guard let watch = member.watches[key] else { continue }
                let state = node.groups[watch.group]?.machine.state
                if state == .stopped && (watch.machine.hasProcess || watch.process != nil) {
                    found.append("\(member.name) \(watch.wid): running in stopped group \(watch.group)")
                }
                if let deadline = watch.deadline, deadline < now {
                    found.append("\(member.name) \(watch.wid): a watch deadline passed unhandled")
                }
                if watch.killed && watch.machine.phase != .stopping && watch.machine.phase != .gaveUp {
                    found.append("\(member.name) \(watch.wid): not released after armkill (\(watch.machine.phase))")
                }
            }
        }
        found += actionViolations
        actionViolations.removeAll()
        return found
    }
}
