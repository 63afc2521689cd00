import ArmCore
import ArmProtocol

/// The armstat document (commands.md 2.29) built from the monitor's snapshot: keys in the spec's order,
/// views not requested absent, unknown values `null`.
package enum StatusDocument {
    /// Why a document could not be built.
    package enum Failure: Error, Sendable, Equatable {
        /// The view is not one of armstat's.
        case unknownView(String)
        /// `NAME` names nothing in that view.
        case notFound(view: String, name: String)
    }

    /// The views, in the order their sections appear in `all`.
    package static let views = ["cluster", "server", "group", "resource", "armload", "mirror", "share"]

    /// Builds the document.
    /// - Parameters:
    ///   - view: `all`, `cluster`, `server`, `group`, `resource`, `armload`, `mirror` or `share`.
    ///   - name: Narrows `server`, `group`, `armload`, `mirror`, `share`; for `resource`, a group.
    ///   - settings: Cluster and server settings.
    ///   - groups: The groups' snapshot.
    ///   - armload: The WIDs' snapshot, in registration order.
    ///   - time: The document time (config-and-files §4.1 timestamp).
    /// - Returns: The document as a wire value (`--json` renders it).
    /// - Throws: `Failure` for an unknown view or name.
    package static func build(
        view: String,
        name: String?,
        settings: MonitorSettings,
        groups: [GroupManager.GroupStatus],
        armload: [ArmloadSupervisor.WatchStatus] = [],
        time: String
    ) throws(Failure) -> WireValue {
        let view = view.lowercased()
        guard view == "all" || views.contains(view) else { throw .unknownView(view) }
        let narrowing = view == "all" ? nil : name.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        func wanted(_ section: String) -> Bool { view == "all" || view == section }

        var fields: [(String, WireValue)] = [
            ("armstat", .int(1)),
            ("source", .string("monitor")),
            ("time", .string(time)),
            ("local_server", .string(settings.serverName)),
        ]
        if wanted("cluster") {
            fields.append(
                (
                    "cluster",
                    .object([
                        ("name", .string(settings.clusterName)),
                        // commands.md 1.8: every server normal ⇒ normal; the only server here is normal.
                        ("state", .string(ClusterState.normal.rawValue)),
                        ("config_hash", .optional(settings.configHash)),
                        ("partition_method", .string(settings.partitionMethod)),
                    ])
                )
            )
        }
        if wanted("server") {
            var servers = settings.servers
            if let narrowing {
                servers = servers.filter { $0.lowercased() == narrowing }
                guard !servers.isEmpty else { throw .notFound(view: view, name: name ?? "") }
            }
            fields.append(("servers", .array(servers.map { server(named: $0, settings: settings) })))
        }
        if wanted("group") {
            var selected = groups
            if let narrowing {
                selected = selected.filter { $0.definition.name.lowercased() == narrowing }
                guard !selected.isEmpty else { throw .notFound(view: view, name: name ?? "") }
            }
            fields.append(("groups", .array(selected.map(group))))
        }
        if wanted("resource") {
            var selected = groups
            if let narrowing {
                selected = selected.filter { $0.definition.name.lowercased() == narrowing }
                guard !selected.isEmpty else { throw .notFound(view: view, name: name ?? "") }
            }
            let resources = selected.flatMap { status in
                status.resources.map { resource in
                    WireValue.object([
                        ("group", .string(status.definition.name)),
                        ("name", .string(resource.name)),
                        ("type", .string(resource.type)),
                        ("state", .string(resource.state)),
                    ])
                }
            }
            fields.append(("resources", .array(resources)))
        }
        if wanted("armload") {
            var selected = armload
            if let narrowing {
                selected = selected.filter { $0.wid.lowercased() == narrowing }
                guard !selected.isEmpty else { throw .notFound(view: view, name: name ?? "") }
            }
            fields.append(("armload", .array(selected.map(watch))))
        }
        // Nothing is mirrored or shared yet: any NAME is unknown.
        for (section, key) in [("mirror", "mirrors"), ("share", "shares")] where wanted(section) {
            if let narrowing { throw .notFound(view: view, name: name ?? narrowing) }
            fields.append((key, .array([])))
        }
        return .object(fields)
    }

    private static func server(named name: String, settings: MonitorSettings) -> WireValue {
        let isLocal = name == settings.serverName
        return .object([
            ("name", .string(name)),
            ("local", .bool(isLocal)),
            // commands.md 1.8: the only server of a single-server cluster is normal; peers need membership.
            ("state", .string(isLocal ? ServerState.normal.rawValue : ServerState.unknown.rawValue)),
            ("heartbeat_age_s", .null),
            ("interconnects", .array([])),
        ])
    }

    private static func watch(_ status: ArmloadSupervisor.WatchStatus) -> WireValue {
        .object([
            ("wid", .string(status.wid)),
            ("group", .string(status.group)),
            ("kind", .string(status.kind)),
            ("pid", .optional(status.pid.map(Int.init))),
            ("unit", .optional(status.unit)),
            ("start_state", .string(status.startState)),
            ("monitor_state", .string(status.monitorState)),
            ("restarts", .int(Int64(status.restarts))),
            ("retry", .optional(status.retry)),
            ("started", .optional(status.started)),
            ("last_exit", .optional(status.lastExit)),
        ])
    }

    private static func group(_ status: GroupManager.GroupStatus) -> WireValue {
        .object([
            ("name", .string(status.definition.name)),
            ("state", .string(status.state.rawValue)),
            ("failed", .bool(status.failed)),
            ("server", .optional(status.server)),
            ("failover_count", .int(Int64(status.failoverCount))),
            // Interpretation: `max_failovers` defaults to the number of servers (config-and-files §1.7);
            // GroupDefinition does not carry the key yet.
            ("max_failover", .int(Int64(status.definition.servers.count))),
            ("policy", .array(status.definition.servers.map { .string($0) })),
        ])
    }
}
