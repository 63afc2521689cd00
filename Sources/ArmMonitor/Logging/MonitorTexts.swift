import ArmCore

/// The monitor's English texts (config-and-files §4.2, §4.3, §4.7; commands.md 2.6–2.8, 2.32), used until
/// `MessageCatalog` has the ID (see `MonitorMessage.text(_:)`).
package enum MonitorTexts {
    // MARK: armsvr.log (config-and-files §4.3)

    /// MON-001 `<< ArmCluster %1 for Linux Ver %2 >>`; `%1` is the product part (the seed's edition).
    package static func banner(edition: String = "armmond", version: String) -> MonitorMessage {
        MonitorMessage(
            id: "MON-001",
            severity: .info,
            english: "<< ArmCluster %1 for Linux Ver %2 >>",
            arguments: [.string(edition), .string(version)]
        )
    }

    /// MON-002…004 `Server startup processing {started.|completed.|failed.}`.
    package static func startup(_ phase: Phase) -> MonitorMessage {
        switch phase {
        case .started: MonitorMessage(id: "MON-002", severity: .info, english: "Server startup processing started.")
        case .succeeded:
            MonitorMessage(id: "MON-003", severity: .info, english: "Server startup processing completed.")
        case .failed: MonitorMessage(id: "MON-004", severity: .error, english: "Server startup processing failed.")
        }
    }

    /// The three phases of an RSC/MON run of messages.
    package enum Phase: Sendable {
        case started
        case succeeded
        case failed
    }

    /// STC-001, the line saying the server state has been determined.
    package static let serverStateDetermined = MonitorMessage(
        id: "STC-001",
        severity: .info,
        english: "Server state has been determined."
    )

    /// STC-002 `Cluster name: %1`.
    package static func clusterName(_ name: String) -> MonitorMessage {
        MonitorMessage(id: "STC-002", severity: .info, english: "Cluster name: %1", arguments: [.string(name)])
    }

    /// STC-004 `* Server name: %1 (normal state)`: the local server of a single-server cluster.
    package static func localServerNormal(_ name: String) -> MonitorMessage {
        MonitorMessage(
            id: "STC-004",
            severity: .info,
            english: "* Server name: %1 (normal state)",
            arguments: [.string(name)]
        )
    }

    /// STC-039 `Accepted a start instruction for group %1 from the API.` (STC-040 is "from the agent").
    package static func acceptedStart(group: String) -> MonitorMessage {
        MonitorMessage(
            id: "STC-039",
            severity: .info,
            english: "Accepted a start instruction for group %1 from the API.",
            arguments: [.string(group)]
        )
    }

    /// STC-042, a stop instruction for a group accepted from the API.
    package static func acceptedStop(group: String) -> MonitorMessage {
        MonitorMessage(
            id: "STC-042",
            severity: .info,
            english: "Accepted a stop instruction for group %1 from the API.",
            arguments: [.string(group)]
        )
    }

    /// RSC-001/002, a group about to be started or stopped automatically.
    package static func automatic(group: String, start: Bool) -> MonitorMessage {
        MonitorMessage(
            id: start ? "RSC-001" : "RSC-002",
            severity: .info,
            english: start ? "Group %1 will be started automatically." : "Group %1 will be stopped automatically.",
            arguments: [.string(group)]
        )
    }

    /// RSC-003…008 and events 2006/2007 as the state machine asks for them.
    package static func group(_ line: GroupLogLine, group: String, server: String) -> (MonitorMessage, isEvent: Bool) {
        let name: [FormatArgument] = [.string(group)]
        switch line {
        case .startStarted:
            return (
                MonitorMessage(
                    id: "RSC-003",
                    severity: .info,
                    english: "Start processing of group %1 started.",
                    arguments: name
                ), false
            )
        case .startSucceeded:
            return (
                MonitorMessage(
                    id: "RSC-004",
                    severity: .info,
                    english: "Start processing of group %1 succeeded.",
                    arguments: name
                ), false
            )
        case .startFailed:
            return (
                MonitorMessage(
                    id: "RSC-005",
                    severity: .error,
                    english: "Start processing of group %1 failed.",
                    arguments: name
                ), false
            )
        case .stopStarted:
            return (
                MonitorMessage(
                    id: "RSC-006",
                    severity: .info,
                    english: "Stop processing of group %1 started.",
                    arguments: name
                ), false
            )
        case .stopSucceeded:
            return (
                MonitorMessage(
                    id: "RSC-007",
                    severity: .info,
                    english: "Stop processing of group %1 succeeded.",
                    arguments: name
                ), false
            )
        case .stopFailed:
            return (
                MonitorMessage(
                    id: "RSC-008",
                    severity: .error,
                    english: "Stop processing of group %1 failed.",
                    arguments: name
                ), false
            )
        case .eventGroupStarted:
            return (
                MonitorMessage(
                    id: "2007",
                    severity: .info,
                    english: "Started group %1 on server %2.",
                    arguments: name + [.string(server)]
                ), true
            )
        case .eventGroupStopped:
            return (
                MonitorMessage(
                    id: "2006",
                    severity: .info,
                    english: "Stopped group %1 on server %2.",
                    arguments: name + [.string(server)]
                ), true
            )
        }
    }

    /// RSC-009…011 activation of a resource.
    package static func activation(_ phase: Phase, resource: String, elapsedSeconds: Int = 0) -> MonitorMessage {
        switch phase {
        case .started:
            MonitorMessage(
                id: "RSC-009",
                severity: .info,
                english: "Activation processing of resource %1 started.",
                arguments: [.string(resource)]
            )
        case .succeeded:
            MonitorMessage(
                id: "RSC-010",
                severity: .info,
                english: "Activation processing of resource %1 succeeded. (elapsed time %2 seconds)",
                arguments: [.string(resource), .int(elapsedSeconds)]
            )
        case .failed:
            MonitorMessage(
                id: "RSC-011",
                severity: .error,
                english: "Activation processing of resource %1 failed.",
                arguments: [.string(resource)]
            )
        }
    }

    /// RSC-012…015 deactivation of a resource; a failure either shuts the server down or is ignored.
    package static func deactivation(
        _ phase: Phase,
        resource: String,
        elapsedSeconds: Int = 0,
        shutdown: Bool = true
    )
        -> MonitorMessage
    {
        switch phase {
        case .started:
            return MonitorMessage(
                id: "RSC-012",
                severity: .info,
                english: "Deactivation processing of resource %1 started.",
                arguments: [.string(resource)]
            )
        case .succeeded:
            return MonitorMessage(
                id: "RSC-013",
                severity: .info,
                english: "Deactivation processing of resource %1 succeeded. (elapsed time %2 seconds)",
                arguments: [.string(resource), .int(elapsedSeconds)]
            )
        case .failed:
            return shutdown
                ? MonitorMessage(
                    id: "RSC-014",
                    severity: .error,
                    english: "Deactivation processing of resource %1 failed. ArmCluster shuts down the system.",
                    arguments: [.string(resource)]
                )
                : MonitorMessage(
                    id: "RSC-015",
                    severity: .error,
                    english: "Deactivation processing of resource %1 failed. ArmCluster ignores this error.",
                    arguments: [.string(resource)]
                )
        }
    }

    // MARK: events.log (config-and-files §4.7; seed §7.8 with the §4.1 substitutions)

    /// Event 1100, armmond started normally.
    package static let eventStarted = MonitorMessage(id: "1100", severity: .info, english: "Started normally.")

    /// Event 1101, the previous stop was not armmond's own (`run_state` was still `running`).
    package static let eventUncleanStop = MonitorMessage(
        id: "1101",
        severity: .info,
        english: "The previous shutdown was performed from outside ArmCluster."
    )

    /// Event 2 `Failed to start the service. Install %1 again.` (unsupported state database schema).
    package static func eventUnsupportedSchema() -> MonitorMessage {
        MonitorMessage(
            id: "2",
            severity: .error,
            english: "Failed to start the service. Install %1 again.",
            arguments: ["ArmCluster"]
        )
    }

    /// Events 9000/9001: a start or stop script passed its timeout.
    package static func eventScriptTimeout(group: String, start: Bool) -> MonitorMessage {
        MonitorMessage(
            id: start ? "9000" : "9001",
            severity: .error,
            english: start
                ? "Execution of the start script of group %1 did not complete within the specified time. Shutting down the server."
                : "Execution of the stop script of group %1 did not complete within the specified time. Shutting down the server.",
            arguments: [.string(group)]
        )
    }

    /// Events 9002/9003: a stop or start script could not be executed.
    package static func eventScriptExecFailed(group: String, start: Bool, reason: String) -> MonitorMessage {
        start
            ? MonitorMessage(
                id: "9003",
                severity: .error,
                english: "Failed to execute the start script of group %1. %2",
                arguments: [.string(group), .string(reason)]
            )
            : MonitorMessage(
                id: "9002",
                severity: .error,
                english: "Failed to execute the stop script of group %1. Shutting down the server.",
                arguments: [.string(group)]
            )
    }

    // MARK: ARM.LOG (config-and-files §4.2; commands.md 1.7, 2.6–2.8, 2.32)

    /// MONITOR-01, written to ARM.LOG once the socket listens.
    package static let monitorStarted = MonitorMessage(id: "MONITOR-01", severity: .info, english: "Monitor started.")

    /// An ARM.LOG message for a command's catalog ID; nil when the catalog has no such ID.
    package static func command(_ id: String, _ arguments: [FormatArgument]) -> MonitorMessage? {
        guard let entry = MessageCatalog.entry(id) else { return nil }
        return MonitorMessage(id: entry.id, severity: entry.severity, english: entry.en, arguments: arguments)
    }
}
