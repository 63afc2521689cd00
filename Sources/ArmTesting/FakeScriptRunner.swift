import ArmCore
import Synchronization

/// A `ScriptRunner` that runs nothing: it records every invocation (environment included), plays scripted
/// outcomes and output lines, and can hold runs of a path until the test releases them.
package final class FakeScriptRunner: ScriptRunner {
    /// One output line a fake script prints.
    package struct OutputLine: Sendable, Equatable {
        /// stdout or stderr.
        package var stream: OutputStream
        /// The text.
        package var text: String

        /// Creates a line.
        package init(_ stream: OutputStream, _ text: String) {
            self.stream = stream
            self.text = text
        }
    }

    /// What a run of a path does.
    package struct Behaviour: Sendable {
        /// How it ends.
        package var outcome: ScriptOutcome
        /// What it prints before it ends.
        package var output: [OutputLine]

        /// Creates a behaviour.
        package init(outcome: ScriptOutcome = .exited(0), output: [OutputLine] = []) {
            self.outcome = outcome
            self.output = output
        }
    }

    private struct State {
        var invocations: [ScriptInvocation] = []
        var defaults: [String: Behaviour] = [:]
        var queued: [String: [Behaviour]] = [:]
        var holding: Set<String> = []
        var held: [String: [CheckedContinuation<Void, Never>]] = [:]
        var active: [String: Int] = [:]
        var maxActive: [String: Int] = [:]
        var activeInDirectory: [String: Int] = [:]
        var maxActiveInDirectory: [String: Int] = [:]
        var watchers: [(path: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var heldWatchers: [(path: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextPID: Int32 = 4000
        var responders: [String: @Sendable (_ arguments: [String]) -> Behaviour?] = [:]
        var statuses: [String: LocalFileStatus?] = [:]
    }

    private let state = Mutex(State())

    /// Creates a runner where every script exits 0 at once.
    package init() {}

    /// Sets what every later run of `path` does (until changed).
    package func script(_ path: String, _ behaviour: Behaviour) {
        state.withLock { $0.defaults[path] = behaviour }
    }

    /// Sets what every later run of `path` does: ends with `outcome`, printing `output`.
    package func script(_ path: String, outcome: ScriptOutcome, output: [OutputLine] = []) {
        script(path, Behaviour(outcome: outcome, output: output))
    }

    /// Decides every later run of `path` from its arguments.
    ///
    /// Checked before the queued and default behaviours (nil falls back to them), e.g. a `systemctl`
    /// whose answers depend on its argv.
    package func respond(_ path: String, _ responder: @escaping @Sendable (_ arguments: [String]) -> Behaviour?) {
        state.withLock { $0.responders[path] = responder }
    }

    /// Makes only the next run of `path` behave so; later runs fall back to the default.
    package func scriptOnce(_ path: String, outcome: ScriptOutcome, output: [OutputLine] = []) {
        state.withLock { $0.queued[path, default: []].append(Behaviour(outcome: outcome, output: output)) }
    }

    /// Holds every later run of `path` before it ends, until `release(_:)`.
    package func hold(_ path: String) { state.withLock { _ = $0.holding.insert(path) } }

    /// Lets the held runs of `path` end and stops holding it.
    package func release(_ path: String) {
        let held = state.withLock { state in
            state.holding.remove(path)
            return state.held.removeValue(forKey: path) ?? []
        }
        for continuation in held { continuation.resume() }
    }

    /// What `fileStatus` answers for `path` from now on (nil: nothing is there).
    package func setStatus(_ path: String, _ status: LocalFileStatus?) {
        state.withLock { $0.statuses[path] = .some(status) }
    }

    /// The status set for `path`, else that of a root-owned 0755 regular file (every fake script exists).
    package func fileStatus(_ path: String) -> LocalFileStatus? {
        state.withLock { $0.statuses[path] } ?? LocalFileStatus(isRegular: true, mode: 0o755, owner: 0)
    }

    /// Runs the fake script.
    package func run(_ invocation: ScriptInvocation, observer: ScriptObserver) async -> ScriptOutcome {
        let path = invocation.path
        let (behaviour, pid, watchers) = state.withLock { state in
            state.invocations.append(invocation)
            let behaviour: Behaviour
            if let answer = state.responders[path]?(invocation.arguments) {
                behaviour = answer
            } else if var queue = state.queued[path], !queue.isEmpty {
                behaviour = queue.removeFirst()
                state.queued[path] = queue
            } else {
                behaviour = state.defaults[path] ?? Behaviour()
            }
            let pid = state.nextPID
            state.nextPID += 1
            state.active[path, default: 0] += 1
            state.maxActive[path] = max(state.maxActive[path] ?? 0, state.active[path] ?? 0)
            let directory = invocation.workingDirectory
            state.activeInDirectory[directory, default: 0] += 1
            state.maxActiveInDirectory[directory] = max(
                state.maxActiveInDirectory[directory] ?? 0,
                state.activeInDirectory[directory] ?? 0
            )
            let runs = state.invocations.count { $0.path == path }
            let ready = state.watchers.filter { $0.path == path && $0.count <= runs }.map(\.continuation)
            state.watchers.removeAll { $0.path == path && $0.count <= runs }
            return (behaviour, pid, ready)
        }
        for watcher in watchers { watcher.resume() }
        if case .execFailed = behaviour.outcome {
        } else {
            observer.started(pid)
        }
        for line in behaviour.output { observer.line(line.stream, line.text) }
        // A held run is the system under test's wait, not the test's: it ends only on release(_:).
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (holdIt, ready) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                guard state.holding.contains(path) else { return (false, []) }
                state.held[path, default: []].append(continuation)
                let count = state.held[path]?.count ?? 0
                let ready = state.heldWatchers.filter { $0.path == path && $0.count <= count }.map(\.continuation)
                state.heldWatchers.removeAll { $0.path == path && $0.count <= count }
                return (true, ready)
            }
            for watcher in ready { watcher.resume() }
            if !holdIt { continuation.resume() }
        }
        await Task.yield()  // let other work interleave, as a real process would
        state.withLock { state in
            state.active[path, default: 1] -= 1
            state.activeInDirectory[invocation.workingDirectory, default: 1] -= 1
        }
        return behaviour.outcome
    }

    /// Every invocation, oldest first.
    package var invocations: [ScriptInvocation] { state.withLock { $0.invocations } }

    /// The invocations of one path, oldest first.
    package func invocations(of path: String) -> [ScriptInvocation] { invocations.filter { $0.path == path } }

    /// The paths run, in order.
    package var paths: [String] { invocations.map(\.path) }

    /// The most runs of `path` that were under way at the same time.
    package func maxConcurrentRuns(of path: String) -> Int { state.withLock { $0.maxActive[path] ?? 0 } }

    /// The most runs with working directory `directory` (one group's scripts) under way at the same time.
    package func maxConcurrentRuns(inDirectory directory: String) -> Int {
        state.withLock { $0.maxActiveInDirectory[directory] ?? 0 }
    }

    /// Suspends until `path` has been started at least `count` times.
    package func waitForRuns(of path: String, count: Int = 1) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.invocations.count(where: { $0.path == path }) >= count { return true }
                    state.watchers.append((path, count, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Suspends until at least `count` runs of `path` are held.
    package func waitForHeld(_ path: String, count: Int = 1) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if (state.held[path]?.count ?? 0) >= count { return true }
                    state.heldWatchers.append((path, count, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}
