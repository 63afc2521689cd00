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
        var armload: [String: ArmloadRecord] = [:]
        var armloadWatchers: [ArmloadWatcher] = []
    }

    private struct ArmloadWatcher {
        var predicate: @Sendable ([ArmloadRecord]) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private let state: Mutex<State>

    /// Creates a store holding the given rows.
    package init(meta: [String: String] = [:], groups: [GroupRecord] = [], armload: [ArmloadRecord] = []) {
        var initial = State()
        initial.meta = meta
        for record in groups { initial.groups[record.name] = record }
        for record in armload { initial.armload[record.wid.lowercased()] = record }
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

    /// Every `armload` row, by WID.
    package func armloadRows() async throws(StateStoreError) -> [ArmloadRecord] {
        try state.withLock { state throws(StateStoreError) in
            if let failure = state.failure { throw failure }
            return Self.sortedRows(state)
        }
    }

    /// Inserts or replaces an `armload` row.
    package func saveArmload(_ record: ArmloadRecord) async throws(StateStoreError) {
        try changeArmload { state throws(StateStoreError) in state.armload[record.wid.lowercased()] = record }
    }

    /// Deletes an `armload` row.
    package func deleteArmload(wid: String) async throws(StateStoreError) {
        try changeArmload { state throws(StateStoreError) in state.armload[wid.lowercased()] = nil }
    }

    /// The `armload` rows without the async call (for assertions), by WID.
    package var armloadSnapshot: [ArmloadRecord] { state.withLock { Self.sortedRows($0) } }

    /// Suspends until the `armload` rows satisfy `predicate` (the rows as they are count).
    package func waitForArmload(where predicate: @escaping @Sendable ([ArmloadRecord]) -> Bool) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if predicate(Self.sortedRows(state)) { return true }
                    state.armloadWatchers.append(ArmloadWatcher(predicate: predicate, continuation: continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    private func changeArmload(
        _ body: (inout State) throws(StateStoreError) -> Void
    ) throws(StateStoreError) {
        let ready = try state.withLock { state throws(StateStoreError) -> [CheckedContinuation<Void, Never>] in
            if let failure = state.failure { throw failure }
            try body(&state)
            let rows = Self.sortedRows(state)
            var ready: [CheckedContinuation<Void, Never>] = []
            state.armloadWatchers.removeAll { watcher in
                guard watcher.predicate(rows) else { return false }
                ready.append(watcher.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    private static func sortedRows(_ state: State) -> [ArmloadRecord] {
        state.armload.values.sorted { $0.wid.lowercased() < $1.wid.lowercased() }
    }
}
