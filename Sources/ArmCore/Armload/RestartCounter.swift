/// The restart count of one (group, WID); it survives the re-registration that `/SCR` causes
/// (commands.md 2.1).
package struct RestartCounter: Sendable, Equatable {
    /// Restarts counted in the current window.
    package var used: Int = 0
    /// The first counted restart of the window (the `/H` reference point); nil before it.
    package var windowStart: MonotonicInstant?
    /// Consecutive runs shorter than `BackoffSettings.healthyRun` (the backoff's n).
    package var shortFailures: Int = 0

    /// Creates a fresh counter.
    package init() {}
}
