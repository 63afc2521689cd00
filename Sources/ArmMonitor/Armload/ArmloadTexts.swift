import ArmCore
import Synchronization

/// The events.log messages of the ARMLOAD supervisor (config-and-files §4.7; events 14000–14021 in
/// `MessageCatalog`) and the exit texts of its lines.
enum ArmloadTexts {
    /// 14000 / 14001: an application or service was restarted (action 5).
    static func eventRestarted(group: String, wid: String, service: Bool) -> CatalogMessage {
        CatalogMessage(service ? .event14001 : .event14000, [.string(group), .string(wid)])
    }

    /// 14015 / 14016: a failure with the action taken (`%3`: 1–5).
    static func eventFailure(group: String, wid: String, service: Bool, action: Int) -> CatalogMessage {
        CatalogMessage(service ? .event14016 : .event14015, [.string(group), .string(wid), .string(String(action))])
    }

    /// 14020 / 14021: a start or restart failed.
    static func eventStartFailed(group: String, wid: String, service: Bool) -> CatalogMessage {
        CatalogMessage(service ? .event14021 : .event14020, [.string(group), .string(wid)])
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
