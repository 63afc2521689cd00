import ArmCore
import Synchronization

/// A `PowerControl` that records every shutdown request instead of acting.
package final class FakePowerControl: PowerControl {
    /// One request.
    package struct Request: Sendable, Equatable {
        /// Reboot instead of poweroff.
        package var reboot: Bool
        /// Why.
        package var reason: String

        /// Creates a record.
        package init(reboot: Bool, reason: String) {
            self.reboot = reboot
            self.reason = reason
        }
    }

    private struct State {
        var requests: [Request] = []
        var watchers: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Creates a recorder.
    package init() {}

    /// Records the request.
    package func shutdown(reboot: Bool, reason: String) async {
        let watchers = state.withLock { state in
            state.requests.append(Request(reboot: reboot, reason: reason))
            defer { state.watchers = [] }
            return state.watchers
        }
        for watcher in watchers { watcher.resume() }
    }

    /// Every request, oldest first.
    package var requests: [Request] { state.withLock { $0.requests } }

    /// Suspends until at least one request arrived.
    package func waitForShutdown() async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if !state.requests.isEmpty { return true }
                    state.watchers.append(continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}
