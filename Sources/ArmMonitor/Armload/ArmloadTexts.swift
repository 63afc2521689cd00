import ArmCore
import Synchronization

/// The events.log texts of the ARMLOAD supervisor (config-and-files §4.7; seed §7.8 14000–14021, whose text
/// wins over its legend: `%1` is the group, `%2` the WID).
enum ArmloadTexts {
    /// 14000 / 14001: an application or service was restarted (action 5).
    static func eventRestarted(group: String, wid: String, service: Bool) -> MonitorMessage {
        MonitorMessage(
            id: service ? "14001" : "14000",
            severity: .info,
            english: service
                ? "Restarted the service (watch ID=%2) of group %1."
                : "Restarted the application (watch ID=%2) of group %1.",
            arguments: [.string(group), .string(wid)]
        )
    }

    /// 14015 / 14016: a failure with the action taken (`%3`: 1–5).
    static func eventFailure(group: String, wid: String, service: Bool, action: Int) -> MonitorMessage {
        MonitorMessage(
            id: service ? "14016" : "14015",
            severity: .error,
            english: service
                ? "Detected an error in the service (watch ID=%2) of group %1. (%3)"
                : "Detected an error in the application (watch ID=%2) of group %1. (%3)",
            arguments: [.string(group), .string(wid), .string(String(action))]
        )
    }

    /// 14020 / 14021: a start or restart failed.
    static func eventStartFailed(group: String, wid: String, service: Bool) -> MonitorMessage {
        MonitorMessage(
            id: service ? "14021" : "14020",
            severity: .warn,
            english: service
                ? "Failed to start the service (watch ID=%2) of group %1."
                : "Failed to start the application (watch ID=%2) of group %1.",
            arguments: [.string(group), .string(wid)]
        )
    }

    /// A catalogued ARMLOAD/ARMKILL/ARMLOADC row.
    static func row(_ id: String, _ arguments: [FormatArgument]) -> MonitorMessage {
        MonitorTexts.command(id, arguments)
            ?? MonitorMessage(id: id, severity: .error, english: id, arguments: arguments)
    }

    /// Whether a catalogued row is one of the seed's "command monitoring process" lines, which carry
    /// armmond's PID in ARM.LOG (config-and-files §4.2).
    static func isMonitoringProcessLine(_ id: String) -> Bool {
        MessageCatalog.entry(id)?.en.hasPrefix("The command monitoring process") ?? false
    }

    /// `exit=N`, `signal=NAME` or `unknown` (config-and-files §4.4 END; `unknown` for a re-attached program).
    static func exitText(_ exit: ProgramExit) -> String {
        switch exit {
        case .exited(let status): "exit=\(status)"
        case .signaled(let signal): "signal=\(ScriptExecution.signalName(signal))"
        case .unknown: "unknown"
        }
    }

    /// The `%d` exit code of ARMLOAD-09: the status, or 128 + the signal (as a shell reports it).
    static func exitCode(_ exit: ProgramExit) -> Int {
        switch exit {
        case .exited(let status): Int(status)
        case .signaled(let signal): 128 + Int(signal)
        case .unknown: -1
        }
    }
}

extension MonitorLog {
    /// One record of `armload/<WID>.log`: armscr.log's format with EVENT `ARMLOAD` and SCRIPT `armload/<WID>`
    /// (config-and-files §4.4).
    func armloadRecord(wid: String, group: String, run: String, kind: String, text: String) {
        let line = LogLineFormat.line([timestamp(), serverName, group, "ARMLOAD", "armload/" + wid, run, kind, text])
        sink.append(line, to: .armload(wid: wid))
    }
}

/// RUN values of `armload/<WID>.log`: 8 lowercase hex digits, unique per run (an odd multiplier makes
/// `seed + n * k` a bijection over 32 bits).
final class ArmloadRunIDs: Sendable {
    private let seed: UInt32
    private let counter = Mutex<UInt32>(0)

    init(seed: UInt32) { self.seed = seed }

    func next() -> String {
        let index = counter.withLock { value -> UInt32 in
            defer { value &+= 1 }
            return value
        }
        let hex = String(seed &+ index &* 0x9E37_79B1, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
