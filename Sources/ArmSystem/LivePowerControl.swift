import ArmCore
import Glibc

/// The seed's "shut the server down" (ARMLOAD action 3, script timeouts) for real: `[cluster]
/// shutdown_action` of config-and-files §1.2.
///
/// - In a test rig, or with `shutdown_action = "exit"` (the daemon itself then exits with 70), it only logs
///   what it would do: it never touches the machine.
/// - Otherwise it calls `sync()` and runs `systemctl poweroff` or `systemctl reboot` when systemd is PID 1
///   (`/run/systemd/system` exists), else `poweroff` or `reboot`, found in
///   `/usr/sbin:/usr/bin:/sbin:/bin`, with a 60 s limit; the outcome is logged.
/// - `reboot: true` turns poweroff into reboot. An unknown action is treated as the default, poweroff.
package struct LivePowerControl: PowerControl {
    /// What `shutdown` does.
    package enum Plan: Sendable, Equatable {
        /// Only log this text.
        case logOnly(String)
        /// Run this command (argv, the program name first; not yet resolved against `PATH`).
        case run([String])
    }

    private static let searchPath = "/usr/sbin:/usr/bin:/sbin:/bin"

    private let isTestRig: Bool
    private let shutdownAction: String
    private let log: @Sendable (String) -> Void
    private let systemdRunning: @Sendable () -> Bool

    /// Creates the control.
    /// - Parameters:
    ///   - isTestRig: `ARM_ROOT` is set (config-and-files §1.2): never act, only log.
    ///   - shutdownAction: `poweroff`, `reboot` or `exit`.
    ///   - log: Receives one line per decision and outcome (from any thread).
    package init(isTestRig: Bool, shutdownAction: String, log: @escaping @Sendable (String) -> Void) {
        self.init(isTestRig: isTestRig, shutdownAction: shutdownAction, log: log) {
            access("/run/systemd/system", F_OK) == 0
        }
    }

    /// Creates the control with a given systemd check (tests).
    init(
        isTestRig: Bool,
        shutdownAction: String,
        log: @escaping @Sendable (String) -> Void,
        systemdRunning: @escaping @Sendable () -> Bool
    ) {
        self.isTestRig = isTestRig
        self.shutdownAction = shutdownAction
        self.log = log
        self.systemdRunning = systemdRunning
    }

    /// The decision, without acting: see the type's documentation.
    package static func plan(isTestRig: Bool, shutdownAction: String, reboot: Bool, systemdRunning: Bool) -> Plan {
        let verb = reboot || shutdownAction == "reboot" ? "reboot" : "poweroff"
        let command = systemdRunning ? ["systemctl", verb] : [verb]
        if isTestRig {
            return .logOnly(
                "test rig: not running \(command.joined(separator: " ")) (shutdown_action=\(shutdownAction))"
            )
        }
        if shutdownAction == "exit" {
            return .logOnly("shutdown_action=exit: not running \(command.joined(separator: " "))")
        }
        return .run(command)
    }

    /// Carries out the shutdown action (or logs what it would do).
    package func shutdown(reboot: Bool, reason: String) async {
        let plan = Self.plan(
            isTestRig: isTestRig,
            shutdownAction: shutdownAction,
            reboot: reboot,
            systemdRunning: systemdRunning()
        )
        switch plan {
        case .logOnly(let text):
            log("shutdown (\(reason)): \(text)")
        case .run(let command):
            guard let program = command.first, case .found(let path) = Exec.locate(program, searchPath: Self.searchPath)
            else {
                log("shutdown (\(reason)): \(command.first ?? "?") not found in \(Self.searchPath)")
                return
            }
            log("shutdown (\(reason)): running \(command.joined(separator: " "))")
            sync()
            let outcome = await LiveScriptRunner().run(
                ScriptInvocation(
                    path: path,
                    arguments: Array(command.dropFirst()),
                    workingDirectory: "/",
                    environment: ["PATH": Self.searchPath, "LANG": "C.UTF-8"],
                    timeout: .seconds(60)
                ),
                observer: ScriptObserver(line: { [log] _, line in log("shutdown: \(line)") })
            )
            log("shutdown (\(reason)): \(command.joined(separator: " ")) ended: \(outcome)")
        }
    }
}
