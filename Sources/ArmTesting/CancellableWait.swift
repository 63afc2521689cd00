import Synchronization

/// Runs `wait` (a fake's event wait: a continuation resumed when a condition holds) until it returns or
/// the calling task is cancelled, whichever comes first.
///
/// Every test suite has a `.timeLimit`; past it, Swift Testing records the failure and cancels the test's
/// task, but then waits for that task to end. A plain continuation that nobody resumes ignores the
/// cancellation and would hang the whole run; through this function the test gets control back and fails
/// instead. On cancellation the abandoned `wait` stays suspended in a task of its own (a failing test leaks it).
package func untilCancelled(_ wait: @escaping @Sendable () async -> Void) async {
    let gate = WaitGate()
    await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            gate.install(continuation)
            Task {
                await wait()
                gate.open()
            }
        }
    } onCancel: {
        gate.open()
    }
}

/// A continuation resumed exactly once, by whichever of the wait and the cancellation comes first (the
/// cancellation may even come before the continuation exists).
private final class WaitGate: Sendable {
    private struct State {
        var opened = false
        var continuation: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Void, Never>) {
        let openedAlready = state.withLock { state -> Bool in
            if state.opened { return true }
            state.continuation = continuation
            return false
        }
        if openedAlready { continuation.resume() }
    }

    func open() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.opened = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume()
    }
}
