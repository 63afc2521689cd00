import ArmCore
import Synchronization

/// Signals keyed by a token: a watch's deadline timer waits here for its cancellation (a new deadline or
/// none), so a superseded timer stops sleeping at once instead of waking for nothing.
final class RunSignals: Sendable {
    /// A signal of a token.
    enum Signal: Sendable, Hashable {
        /// A watch's deadline was cancelled (or replaced) before its time.
        case cancelled
        /// A poll's deadline (`ArmloadSupervisor.pollDeadline`) came.
        case due
    }

    private struct Waiter {
        var token: UInt64
        var kinds: Set<Signal>
        var continuation: CheckedContinuation<Signal?, Never>
    }

    private struct State {
        var fired: [UInt64: Set<Signal>] = [:]
        var waiters: [UInt64: Waiter] = [:]
        var cancelledEarly: Set<UInt64> = []
        var issued: Set<UInt64> = []
        var nextID: UInt64 = 1
    }

    private let state = Mutex(State())

    /// Publishes a signal of a run and wakes its waiters.
    func fire(_ signal: Signal, token: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Signal?, Never>] in
            state.fired[token, default: []].insert(signal)
            var ready: [CheckedContinuation<Signal?, Never>] = []
            for (id, waiter) in state.waiters where waiter.token == token && waiter.kinds.contains(signal) {
                ready.append(waiter.continuation)
                state.waiters[id] = nil
                state.issued.remove(id)
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: signal) }
    }

    /// Forgets a run whose signals nobody can wait for any more.
    func forget(token: UInt64) {
        _ = state.withLock { $0.fired.removeValue(forKey: token) }
    }

    /// Suspends until one of `kinds` is (or was) published for the run; nil when the task is cancelled.
    func wait(token: UInt64, for kinds: Set<Signal>) async -> Signal? {
        let id = state.withLock { state -> UInt64 in
            defer { state.nextID += 1 }
            state.issued.insert(state.nextID)
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Signal?, Never>) in
                let immediate = state.withLock { state -> Signal?? in
                    if state.cancelledEarly.remove(id) != nil {
                        state.issued.remove(id)
                        return .some(nil)
                    }
                    if let fired = state.fired[token], let signal = kinds.first(where: fired.contains) {
                        state.issued.remove(id)
                        return .some(signal)
                    }
                    state.waiters[id] = Waiter(token: token, kinds: kinds, continuation: continuation)
                    return .none
                }
                if case .some(let signal) = immediate { continuation.resume(returning: signal) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                if let waiter = state.waiters.removeValue(forKey: id) {
                    state.issued.remove(id)
                    return waiter
                }
                if state.issued.contains(id) { state.cancelledEarly.insert(id) }
                return nil
            }
            waiter?.continuation.resume(returning: nil)
        }
    }
}

/// Answers of watch state machines to the requests waiting for them (armload, armkill, armloadc, group stop).
///
/// An answer given before its request waits is kept for it; every request waiting on the same key gets it.
final class WatchReplies: Sendable {
    /// An answer: the machine's outcome and, for a failed start, why it failed.
    struct Reply: Sendable {
        var outcome: WatchStateMachine.Outcome
        var failure: ArmloadSupervisor.StartFailure?
    }

    private struct Key: Hashable {
        var watch: String
        var request: WatchStateMachine.Request
    }

    private struct State {
        var delivered: [Key: Reply] = [:]
        var waiters: [Key: [CheckedContinuation<Reply, Never>]] = [:]
    }

    private let state = Mutex(State())

    /// Hands an answer to the requests waiting for it, or keeps it for the next one.
    func deliver(_ reply: Reply, key: String, request: WatchStateMachine.Request) {
        let id = Key(watch: key, request: request)
        let waiting = state.withLock { state -> [CheckedContinuation<Reply, Never>] in
            guard let waiting = state.waiters.removeValue(forKey: id), !waiting.isEmpty else {
                state.delivered[id] = reply
                return []
            }
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: reply) }
    }

    /// Suspends until the machine answers the request (every stop and readiness wait ends on a deadline).
    func wait(key: String, request: WatchStateMachine.Request) async -> Reply {
        let id = Key(watch: key, request: request)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Reply, Never>) in
            let ready = state.withLock { state -> Reply? in
                if let reply = state.delivered.removeValue(forKey: id) { return reply }
                state.waiters[id, default: []].append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
