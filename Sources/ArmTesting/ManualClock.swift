import ArmCore
import Synchronization

/// A `MonitorClock` that moves only when a test says so (STYLE §2.6).
///
/// Sleepers resume in deadline order
/// when `advance(by:)` passes their deadline; the wall clock moves with the monotonic one.
package final class ManualClock: MonitorClock {
    private struct Sleeper {
        var deadline: MonotonicInstant
        var order: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: MonotonicInstant
        var wallOrigin: WallTime
        var origin: MonotonicInstant
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledEarly: Set<UInt64> = []
        var issued: Set<UInt64> = []
        var nextID: UInt64 = 1
        var sleeperWatchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    /// A clock at `now`, whose wall clock reads `wall` at that instant.
    package init(
        now: MonotonicInstant = MonotonicInstant(nanoseconds: 1_000_000_000),
        wall: WallTime = WallTime(epochMilliseconds: 1_741_911_123_417, utcOffsetSeconds: 9 * 3600)
    ) {
        state = Mutex(State(now: now, wallOrigin: wall, origin: now))
    }

    /// Now on the monotonic clock.
    package func now() -> MonotonicInstant { state.withLock { $0.now } }

    /// Now on the wall clock: the starting wall time plus the monotonic time passed.
    package func wallNow() -> WallTime {
        state.withLock { state in
            let passed = (state.now.nanoseconds - state.origin.nanoseconds) / 1_000_000
            return WallTime(
                epochMilliseconds: state.wallOrigin.epochMilliseconds + passed,
                utcOffsetSeconds: state.wallOrigin.utcOffsetSeconds
            )
        }
    }

    /// Suspends until `advance(by:)` reaches the deadline; throws `CancellationError` when cancelled.
    package func sleep(until deadline: MonotonicInstant) async throws {
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.issued.insert(id)
            return id
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (immediate, watchers): (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) =
                    state.withLock { state in
                        if state.cancelledEarly.remove(id) != nil {
                            state.issued.remove(id)
                            return (.failure(CancellationError()), [])
                        }
                        if deadline <= state.now {
                            state.issued.remove(id)
                            return (.success(()), [])
                        }
                        state.sleepers[id] = Sleeper(deadline: deadline, order: id, continuation: continuation)
                        return (nil, Self.readyWatchers(&state))
                    }
                if let immediate { continuation.resume(with: immediate) }
                for watcher in watchers { watcher.resume() }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { state in
                if let sleeper = state.sleepers.removeValue(forKey: id) {
                    state.issued.remove(id)
                    return sleeper
                }
                if state.issued.contains(id) { state.cancelledEarly.insert(id) }
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and resumes, in deadline order, every sleeper whose deadline has come.
    package func advance(by duration: Duration) {
        let due: [Sleeper] = state.withLock { state in
            state.now = state.now + duration
            let now = state.now
            let due = state.sleepers.values.filter { $0.deadline <= now }
                .sorted { ($0.deadline, $0.order) < ($1.deadline, $1.order) }
            for sleeper in due {
                state.sleepers[sleeper.order] = nil
                state.issued.remove(sleeper.order)
            }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time forward to `instant` (never back) and resumes the sleepers whose deadline has come.
    package func advance(to instant: MonotonicInstant) {
        let now = now()
        if instant > now { advance(by: instant - now) }
    }

    /// How many tasks are sleeping.
    package var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until at least `count` tasks are sleeping (event-driven), so a test can advance time
    /// knowing the sleeper is registered.
    package func waitForSleepers(count: Int = 1) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.sleepers.count >= count { return true }
                    state.sleeperWatchers.append((count, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    private static func readyWatchers(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let count = state.sleepers.count
        let ready = state.sleeperWatchers.filter { $0.count <= count }.map(\.continuation)
        state.sleeperWatchers.removeAll { $0.count <= count }
        return ready
    }
}
