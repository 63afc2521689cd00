import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct RestartPolicyTests {
    private static let t0 = MonotonicInstant(nanoseconds: 1_000_000_000)
    private static let healthy = Duration.seconds(5)
    private static let noDelays = BackoffSettings()

    private func fail(
        _ counter: inout RestartCounter,
        _ policy: ArmloadWatchPolicy,
        backoff: BackoffSettings = noDelays,
        ranFor: Duration = healthy,
        at now: MonotonicInstant = t0,
        maxFailoversReached: Bool = false
    ) -> FailureAction {
        RestartPolicy.onFailure(
            counter: &counter,
            policy: policy,
            backoff: backoff,
            ranFor: ranFor,
            now: now,
            maxFailoversReached: maxFailoversReached
        )
    }

    // MARK: restarts within the retry count

    @Test func restartsTheApplicationWhileRestartsRemain() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 3, isWatched: true)
        for expectedUsed in 1...3 {
            let action = fail(&counter, policy, at: Self.t0 + .seconds(expectedUsed))
            #expect(action == .restartApplication(after: .zero))
            #expect(action.seedNumber == 5)
            #expect(counter.used == expectedUsed)
        }
        #expect(counter.windowStart == Self.t0 + .seconds(1))
    }

    @Test func scriptRestartRestartsTheScriptWhileRestartsRemain() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 2, scriptRestart: true, isWatched: true)
        let first = fail(&counter, policy)
        #expect(first == .restartScript(after: .zero))
        #expect(first.seedNumber == 4)
        #expect(fail(&counter, policy) == .restartScript(after: .zero))
        #expect(fail(&counter, policy) == .failover)
    }

    // MARK: exhaustion and final actions

    @Test(arguments: [
        (FinalAction.failover, false, FailureAction.failover, 2),
        (.failover, true, .none(maxFailoversReached: true), 1),
        (.shutdown, false, .shutdown, 3),
        (.shutdown, true, .shutdown, 3),
        (.none, false, .none(maxFailoversReached: false), 1),
        (.none, true, .none(maxFailoversReached: false), 1),
    ])
    func exhaustedRestartsTakeTheFinalAction(
        final: FinalAction,
        maxReached: Bool,
        expected: FailureAction,
        seed: Int
    ) {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, finalAction: final, isWatched: true)
        #expect(fail(&counter, policy, maxFailoversReached: maxReached) == .restartApplication(after: .zero))
        let action = fail(&counter, policy, maxFailoversReached: maxReached)
        #expect(action == expected)
        #expect(action.seedNumber == seed)
        #expect(counter.used == 1)
    }

    @Test(arguments: FinalAction.allCases)
    func withoutRetryTheFinalActionIsTakenAtOnce(final: FinalAction) {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(finalAction: final, isWatched: true)
        let expected: FailureAction =
            switch final {
            case .failover: .failover
            case .shutdown: .shutdown
            case .none: .none(maxFailoversReached: false)
            }
        #expect(fail(&counter, policy) == expected)
        #expect(fail(&counter, policy) == expected)
        #expect(counter == RestartCounter())
    }

    @Test func failoverBeyondMaxFailoversDoesNothing() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(finalAction: .failover, isWatched: true)
        #expect(fail(&counter, policy, maxFailoversReached: true) == .none(maxFailoversReached: true))
    }

    @Test func anUnwatchedWidTakesNoActionAndKeepsItsCounter() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(isWatched: false)
        #expect(fail(&counter, policy, ranFor: .zero) == .none(maxFailoversReached: false))
        #expect(counter == RestartCounter())
    }

    @Test func seedNumbersMatchTheActionsTable() {
        #expect(FailureAction.restartApplication(after: .seconds(1)).seedNumber == 5)
        #expect(FailureAction.restartScript(after: .seconds(1)).seedNumber == 4)
        #expect(FailureAction.failover.seedNumber == 2)
        #expect(FailureAction.shutdown.seedNumber == 3)
        #expect(FailureAction.none(maxFailoversReached: false).seedNumber == 1)
        #expect(FailureAction.none(maxFailoversReached: true).seedNumber == 1)
    }

    // MARK: the /H window

    @Test func theWindowDoesNotResetJustBeforeTheHours() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, hours: 2, isWatched: true)
        #expect(fail(&counter, policy, at: Self.t0) == .restartApplication(after: .zero))
        let justBefore = Self.t0 + (.seconds(2 * 3600) - .nanoseconds(1))
        #expect(fail(&counter, policy, at: justBefore) == .failover)
        #expect(counter.used == 1)
        #expect(counter.windowStart == Self.t0)
    }

    @Test func theWindowResetsExactlyAtTheHours() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, hours: 2, isWatched: true)
        #expect(fail(&counter, policy, at: Self.t0) == .restartApplication(after: .zero))
        let boundary = Self.t0 + .seconds(2 * 3600)
        #expect(fail(&counter, policy, at: boundary) == .restartApplication(after: .zero))
        #expect(counter.used == 1)
        #expect(counter.windowStart == boundary)
    }

    @Test func theWindowIsMeasuredFromItsFirstCountedRestart() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 2, hours: 1, isWatched: true)
        #expect(fail(&counter, policy, at: Self.t0) == .restartApplication(after: .zero))
        #expect(fail(&counter, policy, at: Self.t0 + .seconds(3000)) == .restartApplication(after: .zero))
        #expect(fail(&counter, policy, at: Self.t0 + .seconds(3599)) == .failover)
        // one hour after the first restart, not the second
        #expect(fail(&counter, policy, at: Self.t0 + .seconds(3600)) == .restartApplication(after: .zero))
        #expect(counter.used == 1)
    }

    @Test func withoutHoursTheCountNeverResets() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, isWatched: true)
        #expect(fail(&counter, policy, at: Self.t0) == .restartApplication(after: .zero))
        #expect(fail(&counter, policy, at: Self.t0 + .seconds(25 * 3600)) == .failover)
        #expect(fail(&counter, policy, at: Self.t0 + .seconds(365 * 24 * 3600)) == .failover)
        #expect(counter.used == 1)
        #expect(counter.windowStart == Self.t0)
    }

    // MARK: delay and backoff

    @Test func shortRunsBackOffExponentiallyUpToTheCap() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 9, isWatched: true)
        let backoff = BackoffSettings(backoffStep: .milliseconds(100), backoffMax: .milliseconds(1000))
        let expected: [Duration] = [100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000].map { .milliseconds($0) }
        for (index, delay) in expected.enumerated() {
            #expect(
                fail(&counter, policy, backoff: backoff, ranFor: .milliseconds(999))
                    == .restartApplication(after: delay)
            )
            #expect(counter.shortFailures == index + 1)
        }
    }

    @Test func defaultBackoffDoublesFromOneHundredMilliseconds() {
        let backoff = BackoffSettings()
        let delays = (1...12).map { backoff.backoff(afterShortFailures: $0) }
        let expected: [Duration] = [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000, 30000]
            .map { .milliseconds($0) }
        #expect(delays == expected)
        #expect(backoff.backoff(afterShortFailures: Int.max) == .seconds(30))
    }

    @Test func aHealthyRunResetsTheBackoffAndUsesTheRestartDelay() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 9, isWatched: true)
        let backoff = BackoffSettings(restartDelay: .milliseconds(250), healthyRun: .seconds(1))
        #expect(
            fail(&counter, policy, backoff: backoff, ranFor: .milliseconds(10))
                == .restartApplication(after: .milliseconds(100))
        )
        #expect(
            fail(&counter, policy, backoff: backoff, ranFor: .milliseconds(10))
                == .restartApplication(after: .milliseconds(200))
        )
        // exactly healthyRun counts as healthy
        #expect(
            fail(&counter, policy, backoff: backoff, ranFor: .seconds(1))
                == .restartApplication(after: .milliseconds(250))
        )
        #expect(counter.shortFailures == 0)
        #expect(
            fail(&counter, policy, backoff: backoff, ranFor: .milliseconds(10))
                == .restartApplication(after: .milliseconds(100))
        )
        #expect(counter.used == 4)
    }

    @Test func aFailedRestartCountsAsAShortFailure() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 2, scriptRestart: true, isWatched: true)
        #expect(fail(&counter, policy, ranFor: .zero) == .restartScript(after: .milliseconds(100)))
        #expect(fail(&counter, policy, ranFor: .zero) == .restartScript(after: .milliseconds(200)))
        #expect(fail(&counter, policy, ranFor: .zero) == .failover)
        #expect(counter.used == 2)
        #expect(counter.shortFailures == 2)
    }

    @Test func aZeroHealthyRunMakesEveryRunHealthy() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, isWatched: true)
        let backoff = BackoffSettings(restartDelay: .seconds(2), healthyRun: .zero)
        #expect(fail(&counter, policy, backoff: backoff, ranFor: .zero) == .restartApplication(after: .seconds(2)))
    }

    // MARK: reset

    @Test func resetRestoresAFreshCounter() {
        var counter = RestartCounter()
        let policy = ArmloadWatchPolicy(retry: 1, hours: 1, isWatched: true)
        #expect(fail(&counter, policy, ranFor: .zero) == .restartApplication(after: .milliseconds(100)))
        #expect(fail(&counter, policy) == .failover)
        RestartPolicy.reset(&counter)
        #expect(counter == RestartCounter())
        #expect(counter.used == 0 && counter.windowStart == nil && counter.shortFailures == 0)
        #expect(fail(&counter, policy, ranFor: .zero) == .restartApplication(after: .milliseconds(100)))
    }

    // MARK: property

    /// SplitMix64: a small seeded generator so failures are reproducible.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: UInt64(1)...UInt64(40))
    func restartsWithinOneWindowNeverExceedRetry(seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        let retry = Int.random(in: 1...9, using: &rng)
        let hours: Int? = Bool.random(using: &rng) ? Int.random(in: 1...3, using: &rng) : nil
        let policy = ArmloadWatchPolicy(
            retry: retry,
            hours: hours,
            scriptRestart: Bool.random(using: &rng),
            finalAction: FinalAction.allCases.randomElement(using: &rng) ?? .failover,
            isWatched: true
        )
        var counter = RestartCounter()
        var now = Self.t0
        var windowStart: MonotonicInstant?
        var restartsInWindow = 0
        var totalRestarts = 0
        for _ in 0..<300 {
            now = now + .seconds(Int.random(in: 0...1800, using: &rng))
            let ranFor = Duration.milliseconds(Int.random(in: 0...3000, using: &rng))
            let action = fail(
                &counter,
                policy,
                ranFor: ranFor,
                at: now,
                maxFailoversReached: Bool.random(using: &rng)
            )
            switch action {
            case .restartApplication, .restartScript:
                totalRestarts += 1
                if counter.windowStart != windowStart {
                    windowStart = counter.windowStart
                    restartsInWindow = 0
                }
                restartsInWindow += 1
                #expect(restartsInWindow <= retry)
                if let hours, let start = windowStart {
                    #expect(now < start + .seconds(hours * 3600))
                }
            case .failover, .shutdown, .none:
                break
            }
            #expect(counter.used <= retry)
        }
        if hours == nil {
            #expect(totalRestarts <= retry)
        }
    }
}
