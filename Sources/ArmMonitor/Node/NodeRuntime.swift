import ArmCore
import Synchronization

/// Runs one `Node` on the live ports: the one place armmond's group decisions meet I/O.
///
/// Every event goes through `handle(_:)`, which applies it to the node under one lock, so the node sees
/// one ordered stream. Of the actions, replies resolve their callers and log lines are written at once
/// (in event order); the rest (store writes, scripts, watch cleanup, the power action, timers) go, in
/// order, to `run()`, whose executors report back as events. Time: the node sleeps only on its earliest
/// deadline (`MonitorClock.sleep` here; the only other sleep in ArmMonitor is `ArmloadSupervisor`'s watch
/// timer, until the node owns the watches).
package final class NodeRuntime: Sendable {
    /// What `run()` executes, in order.
    private enum Work: Sendable {
        case action(NodeAction)
        case timer(MonotonicInstant)
    }

    private struct State: Sendable {
        var node: Node
        var replies: [RequestID: CheckedContinuation<NodeReply, Never>] = [:]
        var cancelledEarly: Set<RequestID> = []
        var issued: Set<RequestID> = []
        var nextRequest: UInt64 = 1
        var armed: Set<MonotonicInstant> = []
    }

    /// Hooks set after construction by the composition root.
    private struct Hooks: Sendable {
        var watchCleanup: (@Sendable (_ group: String, _ factor: StopFactor) async -> Void)?
        var scriptTimeoutAction: (@Sendable (_ reason: String) async -> Void)?
    }

    private let state: Mutex<State>
    private let hooks = Mutex(Hooks())
    private let serverName: String
    private let clock: any MonitorClock
    private let store: any StateStore
    private let log: MonitorLog
    private let scripts: ScriptExecution
    private let work: AsyncStream<Work>
    private let workSink: AsyncStream<Work>.Continuation

    /// Creates the runtime of `node`.
    package init(
        node: Node,
        clock: any MonitorClock,
        store: any StateStore,
        log: MonitorLog,
        scripts: ScriptExecution
    ) {
        self.state = Mutex(State(node: node))
        self.serverName = node.server
        self.clock = clock
        self.store = store
        self.log = log
        self.scripts = scripts
        (work, workSink) = AsyncStream.makeStream(of: Work.self)
    }

    /// Sets what stops a group's ARMLOAD watches during its stop.
    package func setWatchCleanup(_ cleanup: @escaping @Sendable (_ group: String, _ factor: StopFactor) async -> Void) {
        hooks.withLock { $0.watchCleanup = cleanup }
    }

    /// Sets the power action taken when a script passes its timeout.
    package func setScriptTimeoutAction(_ action: @escaping @Sendable (_ reason: String) async -> Void) {
        hooks.withLock { $0.scriptTimeoutAction = action }
    }

    /// Reads the node (for status and names); never changes it.
    package func read<T: Sendable>(_ body: (Node) -> T) -> T {
        state.withLock { body($0.node) }
    }

    // MARK: - Events

    /// Sends a request and suspends until the node replies.
    ///
    /// Only a wait ends early, as `cancelled`, when the task is cancelled; any other request is handled
    /// whatever happens to its caller, as before the node existed.
    package func request(_ make: @Sendable (RequestID) -> NodeEvent) async -> NodeReply {
        let id = state.withLock { state in
            let id = RequestID(state.nextRequest)
            state.nextRequest += 1
            state.issued.insert(id)
            return id
        }
        let event = make(id)
        guard case .wait = event else {
            return await withCheckedContinuation { (continuation: CheckedContinuation<NodeReply, Never>) in
                state.withLock { $0.replies[id] = continuation }
                handle(event)
            }
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<NodeReply, Never>) in
                let early = state.withLock { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil {
                        state.issued.remove(id)
                        return true
                    }
                    state.replies[id] = continuation
                    return false
                }
                if early {
                    continuation.resume(returning: .wait(.cancelled))
                } else {
                    handle(event)
                }
            }
        } onCancel: {
            let registered = state.withLock { state -> Bool in
                if state.replies[id] != nil { return true }
                if state.issued.contains(id) { state.cancelledEarly.insert(id) }
                return false
            }
            if registered { handle(.cancelWait(id)) }
        }
    }

    /// Applies one event to the node and dispatches its actions.
    package func handle(_ event: NodeEvent) {
        let resumed: [(CheckedContinuation<NodeReply, Never>, NodeReply)] = state.withLock { state in
            let actions = state.node.handle(event, at: clock.now())
            var resumed: [(CheckedContinuation<NodeReply, Never>, NodeReply)] = []
            for action in actions {
                switch action {
                case .reply(let id, let reply):
                    state.issued.remove(id)
                    if let continuation = state.replies.removeValue(forKey: id) {
                        resumed.append((continuation, reply))
                    }
                case .log(let line):
                    log.write(line, server: serverName)
                case .persist, .runScript, .killScript, .cleanupWatches, .powerOff:
                    workSink.yield(.action(action))
                }
            }
            if let next = state.node.nextDeadline, state.armed.allSatisfy({ next < $0 }) {
                state.armed.insert(next)
                workSink.yield(.timer(next))
            }
            return resumed
        }
        for (continuation, reply) in resumed { continuation.resume(returning: reply) }
    }

    // MARK: - Running

    /// Executes the node's actions until `finish()` was called and every script has ended.
    package func run() async {
        await withDiscardingTaskGroup { tasks in
            await withDiscardingTaskGroup { timers in
                for await item in work {
                    switch item {
                    case .timer(let deadline):
                        timers.addTask {
                            do { try await self.clock.sleep(until: deadline) } catch { return }
                            self.state.withLock { _ = $0.armed.remove(deadline) }
                            self.handle(.deadline)
                        }
                    case .action(let action):
                        await perform(action, tasks: &tasks)
                    }
                }
                timers.cancelAll()  // deadlines nobody waits for any more
            }
        }
    }

    /// Ends `run()` once the queued actions and running scripts are done.
    package func finish() { workSink.finish() }

    private func perform(_ action: NodeAction, tasks: inout DiscardingTaskGroup) async {
        switch action {
        case .persist(let request):
            if let row = request.record {
                let now = clock.wallNow().epochMilliseconds
                let record = GroupRecord(
                    name: row.name,
                    owner: row.owner,
                    state: row.state,
                    failed: row.failed,
                    failoverCount: row.failoverCount,
                    updatedAt: now
                )
                let history = request.history.map { note in
                    GroupHistoryEntry(
                        timestamp: now,
                        group: row.name,
                        action: note.action.rawValue,
                        fromServer: note.action == .stop ? serverName : nil,
                        toServer: note.action == .start ? serverName : nil,
                        factor: note.factor.rawValue,
                        result: note.success ? "success" : "failure"
                    )
                }
                do {
                    try await store.save(record, history: history)
                } catch {
                    log.trace(level: 1, module: "RSC", "group \(row.name): state database write failed: \(error)")
                }
            }
            handle(.stored(token: request.token))
        case .runScript(let run):
            let scripts = self.scripts
            tasks.addTask {
                let outcome = await scripts.run(
                    ScriptExecution.Request(
                        group: run.group,
                        event: run.event,
                        factor: run.factor,
                        label: run.label,
                        invocation: run.invocation
                    )
                )
                self.handle(.scriptExited(run: run.run, outcome))
            }
        case .killScript(let run):
            // The runner enforces the timeout itself (ScriptRunner); this deadline is only the backstop.
            log.trace(level: 1, module: "RSC", "script run \(run) passed its deadline; its result counts as a timeout")
        case .cleanupWatches(let group, let factor, let token):
            let cleanup = hooks.withLock { $0.watchCleanup }
            tasks.addTask {
                if let cleanup { await cleanup(group, factor) }
                self.handle(.cleanupFinished(token: token))
            }
        case .powerOff(let reason):
            if let action = hooks.withLock({ $0.scriptTimeoutAction }) { await action(reason) }
        case .reply, .log:
            break
        }
    }
}
