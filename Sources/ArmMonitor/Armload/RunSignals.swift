import Synchronization

/// What happened to one run of a program, as the supervisor publishes it once its own state is updated:
/// requests that wait for a program (readiness, armkill) suspend here instead of polling.
final class RunSignals: Sendable {
    /// A signal of a run.
    enum Signal: Sendable, Hashable {
        /// The program sent `READY=1`.
        case ready
        /// The program ended.
        case exited
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
