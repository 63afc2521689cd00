import ArmCore

/// A `ProgramLauncher` for builds without the live one: every launch fails with `ENOSYS`, nothing can be
/// re-attached, signalled or looked up.
///
/// Stand-in until ArmSystem's `LiveProgramLauncher` is wired into armmond (the composition root chooses it).
package struct UnavailableProgramLauncher: ProgramLauncher {
    /// Creates the stand-in.
    package init() {}

    /// Fails with `spawnFailed(ENOSYS)`.
    package func launch(_ spec: ProgramSpec, events: ProgramEvents) throws(LaunchError) -> LaunchedProgram {
        throw .spawnFailed(errno: 38)
    }

    /// Never re-attaches.
    package func attach(pid: Int32, startTicks: UInt64, events: ProgramEvents) -> LaunchedProgram? { nil }

    /// Reaches no process.
    package func signalGroup(_ processGroup: Int32, signal: Int32) -> Bool { false }

    /// Knows no process.
    package func isGroupAlive(_ processGroup: Int32) -> Bool { false }

    /// Knows no account.
    package func lookupUser(_ name: String) -> ProgramUser? { nil }
}

/// A `PowerControl` that only writes what it would do to armsvr.log.
///
/// Stand-in until ArmSystem's `LivePowerControl` is wired into armmond.
package struct LoggingPowerControl: PowerControl {
    /// Where the line goes.
    package let log: MonitorLog

    /// Creates the stand-in.
    package init(log: MonitorLog) { self.log = log }

    /// Writes a trace line instead of shutting down.
    package func shutdown(reboot: Bool, reason: String) async {
        log.trace(level: 1, module: "MON", "shutdown requested (\(reboot ? "reboot" : "poweroff")): \(reason)")
    }
}
