/// The restart delay and backoff keys of `[armload]` (config-and-files §1.10 "Restart backoff").
package struct BackoffSettings: Sendable, Equatable {
    /// `restart_delay_ms`: the wait before a restart after a healthy run (default 0).
    package var restartDelay: Duration
    /// `restart_backoff_ms`: the first step of the backoff after short runs (default 100 ms).
    package var backoffStep: Duration
    /// `restart_backoff_max_ms`: the cap of the backoff (default 30 s).
    package var backoffMax: Duration
    /// `restart_healthy_ms`: a run at least this long is healthy (default 1 s).
    package var healthyRun: Duration

    /// Creates settings; the defaults are those of config-and-files §1.10.
    package init(
        restartDelay: Duration = .zero,
        backoffStep: Duration = .milliseconds(100),
        backoffMax: Duration = .seconds(30),
        healthyRun: Duration = .seconds(1)
    ) {
        self.restartDelay = restartDelay
        self.backoffStep = backoffStep
        self.backoffMax = backoffMax
        self.healthyRun = healthyRun
    }

    /// The wait before the restart after the n-th short run in a row (n ≥ 1):
    /// min(`backoffStep` × 2^(n−1), `backoffMax`), computed without overflow.
    package func backoff(afterShortFailures count: Int) -> Duration {
        var delay = backoffStep
        var doublings = count - 1
        while doublings > 0, delay > .zero, delay < backoffMax {
            delay = delay * 2
            doublings -= 1
        }
        return min(delay, backoffMax)
    }
}
