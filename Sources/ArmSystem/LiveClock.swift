import ArmCore
import Glibc

/// Now on `CLOCK_MONOTONIC`, in nanoseconds (the origin is arbitrary: boot, on Linux).
package func monotonicNowNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

/// The live `MonitorClock`: `CLOCK_MONOTONIC` for deadlines, `CLOCK_REALTIME` plus the local UTC
/// offset (`tm_gmtoff`) for log timestamps (config-and-files §4.1).
package struct LiveClock: MonitorClock {
    /// Creates the clock.
    package init() {}

    /// Now on `CLOCK_MONOTONIC`.
    package func now() -> MonotonicInstant {
        MonotonicInstant(nanoseconds: monotonicNowNanoseconds())
    }

    /// Now on the wall clock, with the offset of the local time zone at that instant.
    package func wallNow() -> WallTime {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var local = tm()
        let offset = localtime_r(&seconds, &local) == nil ? 0 : Int(local.tm_gmtoff)
        return WallTime(
            epochMilliseconds: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000,
            utcOffsetSeconds: offset
        )
    }

    /// Suspends the task until `deadline` on this clock (`Task.sleep` does not block a thread).
    package func sleep(until deadline: MonotonicInstant) async throws {
        while true {
            let remaining = deadline.nanoseconds - monotonicNowNanoseconds()
            if remaining <= 0 { return }
            try await Task.sleep(for: .nanoseconds(remaining))
        }
    }
}
