import ArmCore
import ArmProtocol

/// Who sent a request, as the kernel says (`SO_PEERCRED`).
package struct PeerCredentials: Sendable, Equatable {
    /// The peer's process ID (the PID column of its ARM.LOG lines).
    package var pid: Int32
    /// Its user ID.
    package var uid: UInt32
    /// Its primary group ID.
    package var gid: UInt32

    /// Creates credentials.
    package init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}

/// What the control server hands decoded requests to (the server itself only frames and authorises).
package protocol ControlRequestHandling: Sendable {
    /// Answers a permitted request.
    func handle(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse
    /// Answers (and logs) a mutating request from a caller who is neither root nor `armadm` (commands.md 1.4).
    func deny(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse
}

/// Maps control requests to the group manager and writes each outcome's ARM.LOG line with the caller's
/// PID (commands.md 1.7, 2.6–2.8, 2.29; config-and-files §4.2).
package struct RequestHandler: ControlRequestHandling {
    /// The groups.
    package let manager: GroupManager
    /// Log writer.
    package let log: MonitorLog
    /// Settings (server names, cluster name).
    package let settings: MonitorSettings
    /// The `armcfg show` body: the effective configuration, or the pending changes; nil when there is none.
    package let configurationText: @Sendable (_ pending: Bool) -> String?
    /// The ARMLOAD supervisor; nil answers the armload requests with "not implemented" (exit 9).
    package let supervisor: ArmloadSupervisor?

    /// Creates a handler.
    package init(
        manager: GroupManager,
        log: MonitorLog,
        settings: MonitorSettings,
        configurationText: @escaping @Sendable (_ pending: Bool) -> String? = { _ in nil },
        supervisor: ArmloadSupervisor? = nil
    ) {
        self.manager = manager
        self.log = log
        self.settings = settings
        self.configurationText = configurationText
        self.supervisor = supervisor
    }

    /// The denial of commands.md 1.4: internal step 003, code `0xd`, exit 7.
    // The generic PREFIX-91 row names the command itself and takes (step, code).
    package func deny(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse {
        // The command name arrives on the wire, so its row is looked up by ID.
        let id = "\(envelope.command)-91"
        let arguments: [FormatArgument] = [3, 13]
        if let entry = MessageCatalog.entry(id) {
            log.arm(CatalogMessage(entry, arguments), source: envelope.command, pid: peer.pid)
        }
        return ControlResponse(
            status: .permissionDenied,
            messageID: id,
            arguments: arguments,
            detail: "permission denied"
        )
    }

    /// Answers a permitted request.
    package func handle(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse {
        switch envelope.request {
        case .status(let view, let name):
            return await status(view: view, name: name)
        case .startGroup(let group, let server):
            return await startGroup(group, server: server, envelope: envelope, peer: peer)
        case .stopGroup(let group):
            return await stopGroup(group, envelope: envelope, peer: peer)
        case .waitGroup(let group, let stopped, let timeoutSeconds):
            return await waitGroup(
                group,
                stopped: stopped,
                timeoutSeconds: timeoutSeconds,
                envelope: envelope,
                peer: peer
            )
        case .appendLog(let record):
            // Unknown IDs are ignored: the monitor writes only catalogued records.
            if let entry = MessageCatalog.entry(record.id) {
                log.arm(CatalogMessage(entry, record.arguments), source: envelope.command, pid: peer.pid)
            }
            return ControlResponse(status: .success)
        case .showConfig(let pending):
            guard let text = configurationText(pending) else {
                return ControlResponse(
                    status: .notFound,
                    detail: pending ? "no pending configuration" : "no configuration"
                )
            }
            return ControlResponse(status: .success, body: .string(text))
        case .listNames(let kind):
            return await names(kind)
        case .armloadStart, .armloadKill, .armloadControl, .armloadEnded:
            return await armload(envelope, peer: peer)
        }
    }

    /// armload, armkill, armloadc and the end of an `armload /W` program (commands.md 2.1–2.3).
    ///
    /// The outcome's ARM.LOG line has SOURCE = the command and its PID, except the seed's "command
    /// monitoring process" rows (ARMLOAD-09, -23, …), whose entries give armmond's PID (config-and-files §4.2).
    private func armload(_ envelope: RequestEnvelope, peer: PeerCredentials) async -> ControlResponse {
        guard let supervisor else { return ControlResponse(status: .internal, entry: .armtool01) }
        let response: ControlResponse
        switch envelope.request {
        case .armloadStart(let request): response = await supervisor.start(request)
        case .armloadKill(let wid, let waitSeconds):
            response = await supervisor.kill(wid: wid, waitSeconds: waitSeconds)
        case .armloadControl(let wid, let action, let seconds):
            response = await supervisor.control(wid: wid, action: action, seconds: seconds)
        case .armloadEnded(let wid, let status, let signal):
            response = await supervisor.ended(wid: wid, status: status, signal: signal)
        case .status, .startGroup, .stopGroup, .waitGroup, .appendLog, .showConfig, .listNames:
            return ControlResponse(status: .internal, entry: .armtool01)
        }
        logOutcome(response, envelope: envelope, peer: peer)
        return response
    }

    private func status(view: String, name: String?) async -> ControlResponse {
        let groups = await manager.status()
        let watches = await supervisor?.status() ?? []
        do {
            let document = try StatusDocument.build(
                view: view,
                name: name,
                settings: settings,
                groups: groups,
                armload: watches,
                time: log.timestamp()
            )
            return ControlResponse(status: .success, body: document.wireValue)
        } catch {
            switch error {
            case .unknownView(let view): return ControlResponse(status: .usage, detail: "unknown view \(view)")
            case .notFound(let view, let name):
                return ControlResponse(status: .notFound, detail: "no such \(view): \(name)")
            }
        }
    }

    private func startGroup(
        _ group: String,
        server: String?,
        envelope: RequestEnvelope,
        peer: PeerCredentials
    ) async -> ControlResponse {
        let outcome = await manager.startGroup(group, on: server)
        let serverName = server ?? settings.serverName
        let display: (String) -> [FormatArgument] = { [.string(manager.groupName(group) ?? group), .string($0)] }
        let response: ControlResponse
        switch outcome {
        case .accepted(let target):
            log.server(CatalogMessage(.stc039, [.string(manager.groupName(group) ?? group)]))
            response = ControlResponse(status: .success, entry: .armgstrt01, arguments: display(target))
        case .groupNotFound:
            response = ControlResponse(
                status: .notFound,
                entry: .armgstrt02,
                arguments: display(serverName),
                detail: "no such group"
            )
        case .serverNotFound:
            response = ControlResponse(
                status: .notFound,
                entry: .armgstrt02,
                arguments: display(serverName),
                detail: "no such server"
            )
        case .refused(let refusal):
            response = ControlResponse(
                status: .refused,
                entry: .armgstrt04,
                arguments: display(serverName),
                detail: detail(refusal)
            )
        }
        logOutcome(response, envelope: envelope, peer: peer)
        return response
    }

    private func stopGroup(_ group: String, envelope: RequestEnvelope, peer: PeerCredentials) async -> ControlResponse {
        let outcome = await manager.stopGroup(group)
        let name: [FormatArgument] = [.string(manager.groupName(group) ?? group)]
        let response: ControlResponse
        switch outcome {
        case .accepted:
            log.server(CatalogMessage(.stc042, [.string(manager.groupName(group) ?? group)]))
            response = ControlResponse(status: .success, entry: .armgstop01, arguments: name)
        case .groupNotFound, .serverNotFound:
            response = ControlResponse(
                status: .notFound,
                entry: .armgstop02,
                arguments: name,
                detail: "no such group"
            )
        case .refused(let refusal):
            response = ControlResponse(
                status: .refused,
                entry: .armgstop03,
                arguments: name,
                detail: detail(refusal)
            )
        }
        logOutcome(response, envelope: envelope, peer: peer)
        return response
    }

    private func waitGroup(
        _ group: String,
        stopped: Bool,
        timeoutSeconds: Int,
        envelope: RequestEnvelope,
        peer: PeerCredentials
    ) async -> ControlResponse {
        let timeout: Duration? = timeoutSeconds > 0 ? .seconds(timeoutSeconds) : nil
        let response: ControlResponse
        switch await manager.waitFor(group: group, stopped: stopped, timeout: timeout) {
        case .satisfied:
            response = ControlResponse(status: .success, entry: .armgwait01)
        case .timedOut(let seconds):
            response = ControlResponse(
                status: .timeout,
                entry: .armgwait03,
                arguments: [.int(seconds)],
                detail: manager.groupName(group) == nil ? "no such group" : nil
            )
        case .cancelled:
            // armmond is stopping: internal step 002 as the command would see a closed connection.
            response = ControlResponse(
                status: .monitorUnreachable,
                entry: .armgwait04,
                arguments: [2, 0x68],
                detail: "monitor stopping"
            )
        }
        logOutcome(response, envelope: envelope, peer: peer)
        return response
    }

    private func names(_ kind: String) async -> ControlResponse {
        let values: [String]
        switch kind {
        case "groups": values = await manager.status().map(\.definition.name)
        case "servers": values = settings.servers
        case "wids": values = await supervisor?.wids() ?? []
        default: values = []
        }
        return ControlResponse(status: .success, body: .array(values.map { .string($0) }))
    }

    private func detail(_ refusal: GroupManager.Refusal) -> String {
        switch refusal {
        case .groupState(.alreadyStartingOrStarted): "group is starting or started"
        case .groupState(.alreadyStoppingOrStopped): "group is stopping or stopped"
        case .serverNotInPolicy: "server is not in the group's failover policy"
        case .remoteServer: "server is not the local server"
        case .shuttingDown: "armmond is stopping"
        }
    }

    private func logOutcome(_ response: ControlResponse, envelope: RequestEnvelope, peer: PeerCredentials) {
        guard let id = response.messageID, let entry = MessageCatalog.entry(id) else { return }
        log.arm(CatalogMessage(entry, response.arguments), source: envelope.command, pid: peer.pid)
    }
}
