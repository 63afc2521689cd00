import ArmCore
import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SignalsTests {
    @Test func deliveredSignalArrivesOnTheStream() async throws {
        let stream = try Signals.stream([SIGUSR2])
        kill(getpid(), SIGUSR2)
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == SIGUSR2)
    }

    @Test func eachStreamGetsOnlyItsSignals() async throws {
        let first = try Signals.stream([SIGUSR1])
        let second = try Signals.stream([SIGWINCH, SIGUSR1])
        kill(getpid(), SIGWINCH)
        kill(getpid(), SIGUSR1)
        var secondIterator = second.makeAsyncIterator()
        let received = [await secondIterator.next(), await secondIterator.next()]
        #expect(Set(received.compactMap { $0 }) == [SIGWINCH, SIGUSR1])
        var firstIterator = first.makeAsyncIterator()
        #expect(await firstIterator.next() == SIGUSR1)
    }
}

@Suite(.timeLimit(.minutes(2))) struct LiveClockTests {
    let clock = LiveClock()

    @Test func monotonicTimeNeverGoesBack() {
        let first = clock.now()
        let second = clock.now()
        #expect(second >= first)
        #expect(first.nanoseconds > 0)
    }

    @Test func wallTimeCarriesTheLocalOffset() {
        let wall = clock.wallNow()
        var seconds = time_t(wall.epochMilliseconds / 1000)
        var local = tm()
        localtime_r(&seconds, &local)
        #expect(wall.utcOffsetSeconds == Int(local.tm_gmtoff))
        #expect(abs(Int64(time(nil)) - wall.epochMilliseconds / 1000) <= 2)
    }

    @Test func sleepReturnsAtOrAfterTheDeadline() async throws {
        let deadline = clock.now() + .milliseconds(20)
        try await clock.sleep(until: deadline)
        #expect(clock.now() >= deadline)
    }

    @Test func sleepUntilThePastReturnsAtOnce() async throws {
        let before = clock.now()
        try await clock.sleep(until: MonotonicInstant(nanoseconds: 0))
        #expect(clock.now() - before < .seconds(1))
    }
}
