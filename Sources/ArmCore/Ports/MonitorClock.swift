/// A point on the monitor's monotonic clock, in nanoseconds since an arbitrary origin.
package struct MonotonicInstant: Sendable, Hashable, Comparable {
    /// Nanoseconds since the clock's origin.
    package var nanoseconds: Int64

    /// Creates an instant.
    package init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Orders instants.
    package static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// The instant a duration later.
    package static func + (lhs: MonotonicInstant, rhs: Duration) -> MonotonicInstant {
        let (seconds, attoseconds) = rhs.components
        return MonotonicInstant(nanoseconds: lhs.nanoseconds + seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The duration between two instants.
    package static func - (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Duration {
        .nanoseconds(lhs.nanoseconds - rhs.nanoseconds)
    }
}

/// Wall-clock time: seconds and milliseconds since the epoch plus the local UTC offset,
/// which is all a log timestamp needs (config-and-files §4.1).
package struct WallTime: Sendable, Hashable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    package var epochMilliseconds: Int64
    /// Local offset from UTC in seconds (east positive).
    package var utcOffsetSeconds: Int

    /// Creates a wall time.
    package init(epochMilliseconds: Int64, utcOffsetSeconds: Int) {
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// The monitor's only source of time (STYLE §2.6): live in ArmSystem, `ManualClock` in tests.
package protocol MonitorClock: Sendable {
    /// Now on the monotonic clock.
    func now() -> MonotonicInstant
    /// Now on the wall clock.
    func wallNow() -> WallTime
    /// Suspends until the deadline (or throws CancellationError).
    func sleep(until deadline: MonotonicInstant) async throws
}
