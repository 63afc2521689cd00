/// The restart decision of the armload watch (commands.md 2.1 "Watching"; config-and-files §1.10).
package enum RestartPolicy {
    /// One failure (an exit not requested by armkill/armloadc, or a restart that failed: ranFor = .zero).
    ///
    /// With `/H`, the window resets first once `hours` have passed since its first counted restart.
    /// While restarts remain, one is counted and the action is a restart after the delay (healthy run)
    /// or the backoff (short run); otherwise it is the final action. A WID that is not watched
    /// (neither `/R` nor `/ACT`) gets `.none(maxFailoversReached: false)` and the counter is untouched.
    /// - Parameters:
    ///   - counter: The (group, WID) counter, updated in place.
    ///   - policy: The WID's `/R`, `/H`, `/SCR`, `/ACT`.
    ///   - backoff: The `[armload]` delay and backoff keys.
    ///   - ranFor: How long the program ran before it failed; `.zero` for a restart that failed.
    ///   - now: The time of the failure.
    ///   - maxFailoversReached: The group's `max_failovers` within `failover_window_s` is reached.
    /// - Returns: The action to take.
    package static func onFailure(
        counter: inout RestartCounter,
        policy: ArmloadWatchPolicy,
        backoff: BackoffSettings,
        ranFor: Duration,
        now: MonotonicInstant,
        maxFailoversReached: Bool
    ) -> FailureAction {
        guard policy.isWatched else { return .none(maxFailoversReached: false) }
        if let hours = policy.hours, let start = counter.windowStart, now >= start + .seconds(hours * 3600) {
            counter.used = 0
            counter.windowStart = nil
        }
        if let retry = policy.retry, counter.used < retry {
            counter.used += 1
            if counter.windowStart == nil { counter.windowStart = now }
            let delay: Duration
            if ranFor >= backoff.healthyRun {
                counter.shortFailures = 0
                delay = backoff.restartDelay
            } else {
                counter.shortFailures += 1
                delay = backoff.backoff(afterShortFailures: counter.shortFailures)
            }
            return policy.scriptRestart ? .restartScript(after: delay) : .restartApplication(after: delay)
        }
        switch policy.finalAction {
        case .failover: return maxFailoversReached ? .none(maxFailoversReached: true) : .failover
        case .shutdown: return .shutdown
        case .none: return .none(maxFailoversReached: false)
        }
    }

    /// A group stop not caused by /SCR resets the count (commands.md 2.1).
    package static func reset(_ counter: inout RestartCounter) {
        counter = RestartCounter()
    }
}
