import ArmCore
import Synchronization

/// A `StateStore` in memory, with failure injection.
package final class InMemoryStateStore: StateStore {
    private struct State {
        var meta: [String: String] = [:]
        var groups: [String: GroupRecord] = [:]
        var history: [GroupHistoryEntry] = []
        var failure: StateStoreError?
        var saves = 0
    }

    private let state: Mutex<State>

    /// Creates a store holding the given rows.
    package init(meta: [String: String] = [:], groups: [GroupRecord] = []) {
        var initial = State()
        initial.meta = meta
        for record in groups { initial.groups[record.name] = record }
        state = Mutex(initial)
    }

    /// Makes every later call throw `error` (nil heals it).
    package func fail(with error: StateStoreError?) { state.withLock { $0.failure = error } }

    /// Every `meta` value.
    package func meta() async throws(StateStoreError) -> [String: String] {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            return state.meta
        }
    }

    /// Sets `meta` values.
    package func setMeta(_ values: [String: String]) async throws(StateStoreError) {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            state.meta.merge(values) { _, new in new }
        }
    }

    /// Every group row, by name.
    package func groups() async throws(StateStoreError) -> [GroupRecord] {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            return state.groups.values.sorted { $0.name < $1.name }
        }
    }

    /// Writes a group row and a history row.
    package func save(_ record: GroupRecord, history: GroupHistoryEntry?) async throws(StateStoreError) {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            state.groups[record.name] = record
            if let history { state.history.append(history) }
            state.saves += 1
        }
    }

    /// The newest history rows, newest last.
    package func history(limit: Int) async throws(StateStoreError) -> [GroupHistoryEntry] {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            return Array(state.history.suffix(max(0, limit)))
        }
    }

    /// The current meta values without the async call (for assertions).
    package var metaSnapshot: [String: String] { state.withLock { $0.meta } }
    /// The current group row (for assertions).
    package func record(_ group: String) -> GroupRecord? { state.withLock { $0.groups[group] } }
    /// Every history row, oldest first (for assertions).
    package var historySnapshot: [GroupHistoryEntry] { state.withLock { $0.history } }
}
