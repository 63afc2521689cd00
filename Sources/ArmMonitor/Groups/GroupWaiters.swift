import ArmCore
import Synchronization

/// What waiters can see of a group: its state after each transition, as published after persistence.
package struct GroupCondition: Sendable, Equatable {
    /// The state.
    package var state: GroupState
    /// The failed flag.
    package var failed: Bool
    /// A start or stop runs or is queued.
    package var isBusy: Bool
    /// Increases with every published change, so a waiter can ask for "after my request".
    package var generation: UInt64

    /// Creates a condition.
    package init(state: GroupState, failed: Bool, isBusy: Bool, generation: UInt64) {
        self.state = state
        self.failed = failed
        self.isBusy = isBusy
        self.generation = generation
    }
}

/// Suspended waiters (armgwait, shutdown) resumed by published state changes.
///
/// Event-driven, no polling. A `Mutex` guards everything, so cancellation handlers can resume continuations synchronously.
package final class GroupWaiters: Sendable {
    private struct Waiter {
        var group: String
        var predicate: @Sendable (GroupCondition) -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var conditions: [String: GroupCondition] = [:]
        var waiters: [UInt64: Waiter] = [:]
        /// IDs handed out and not yet resolved.
        var issued: Set<UInt64> = []
        /// IDs cancelled before they were registered.
        var cancelledEarly: Set<UInt64> = []
        var nextID: UInt64 = 1
    }

    private let state = Mutex(State())

    /// Creates an empty registry.
    package init() {}

    /// The last published condition of a group.
    package func condition(of group: String) -> GroupCondition? {
        state.withLock { $0.conditions[group] }
    }

    /// Publishes the conditions a group passed through, in order, and resumes every waiter that one of them
    /// satisfies.
    package func publish(_ group: String, _ transitions: [GroupCondition]) {
        guard let last = transitions.last else { return }
        let ready: [CheckedContinuation<Bool, Never>] = state.withLock { state in
            state.conditions[group] = last
            var ready: [CheckedContinuation<Bool, Never>] = []
            for (id, waiter) in state.waiters where waiter.group == group {
                if transitions.contains(where: waiter.predicate) {
                    state.waiters[id] = nil
                    state.issued.remove(id)
                    ready.append(waiter.continuation)
                }
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// Suspends until a published condition of the group satisfies `predicate`, or the task is cancelled.
    ///
    /// The last published condition is checked first.
    /// - Returns: true when satisfied, false when cancelled.
    package func wait(for group: String, until predicate: @escaping @Sendable (GroupCondition) -> Bool) async -> Bool {
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.issued.insert(id)
            return id
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = state.withLock { state in
                    if state.cancelledEarly.remove(id) != nil {
                        state.issued.remove(id)
                        return false
                    }
                    if let condition = state.conditions[group], predicate(condition) {
                        state.issued.remove(id)
                        return true
                    }
                    state.waiters[id] = Waiter(group: group, predicate: predicate, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { state in
                if let waiter = state.waiters.removeValue(forKey: id) {
                    state.issued.remove(id)
                    return waiter
                }
                if state.issued.contains(id) { state.cancelledEarly.insert(id) }
                return nil
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// How many waiters are suspended (for tests and diagnostics).
    package var waiterCount: Int { state.withLock { $0.waiters.count } }
}
