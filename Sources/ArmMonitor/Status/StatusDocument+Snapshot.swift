import ArmCore
import ArmProtocol

extension StatusDocument {
    /// Why a document could not be built.
    package enum Failure: Error, Sendable, Equatable {
        /// The view is not one of armstat's.
        case unknownView(String)
        /// `NAME` names nothing in that view.
        case notFound(view: String, name: String)
    }

    /// The views, in the order their sections appear in `all`.
    package static let views = ["cluster", "server", "group", "resource", "armload", "mirror", "share"]

    /// Builds the document of one view from the monitor's snapshot (commands.md 2.29).
    /// - Parameters:
    ///   - view: `all`, `cluster`, `server`, `group`, `resource`, `armload`, `mirror` or `share`.
    ///   - name: Narrows `server`, `group`, `armload`, `mirror`, `share`; for `resource`, a group.
    ///   - settings: Cluster and server settings.
    ///   - groups: The groups' snapshot.
    ///   - armload: The WIDs' snapshot, in registration order.
    ///   - time: The document time (config-and-files §4.1 timestamp).
    /// - Returns: The document; armmond sends its `wireValue`.
    /// - Throws: `Failure` for an unknown view or name.
    package static func build(
        view: String,
        name: String?,
        settings: MonitorSettings,
        groups: [GroupManager.GroupStatus],
        armload: [ArmloadSupervisor.WatchStatus] = [],
        time: String
    ) throws(Failure) -> StatusDocument {
        let view = view.lowercased()
        guard view == "all" || views.contains(view) else { throw .unknownView(view) }
        let narrowing = view == "all" ? nil : name.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        func wanted(_ section: String) -> Bool { view == "all" || view == section }
        func narrowed<Entry>(_ entries: [Entry], by key: (Entry) -> String) throws(Failure) -> [Entry] {
            guard let narrowing else { return entries }
            let selected = entries.filter { key($0).lowercased() == narrowing }
            guard !selected.isEmpty else { throw .notFound(view: view, name: name ?? "") }
            return selected
        }

        var document = StatusDocument(source: .monitor, time: time, localServer: settings.serverName)
        if wanted("cluster") {
            document.cluster = Cluster(
                name: settings.clusterName,
                // commands.md 1.8: every server normal ⇒ normal; the only server here is normal.
                state: .normal,
                configHash: settings.configHash,
                partitionMethod: settings.partitionMethod
            )
        }
        if wanted("server") {
            document.servers = try narrowed(settings.servers) { $0 }.map { server in
                let isLocal = server == settings.serverName
                // commands.md 1.8: the only server of a single-server cluster is normal; peers need membership.
                return Server(name: server, isLocal: isLocal, state: isLocal ? .normal : .unknown)
            }
        }
        if wanted("group") {
            document.groups = try narrowed(groups) { $0.definition.name }.map(group)
        }
        if wanted("resource") {
            document.resources = try narrowed(groups) { $0.definition.name }.flatMap { status in
                status.resources.map { resource in
                    Resource(
                        group: status.definition.name,
                        name: resource.name,
                        type: resource.type,
                        state: resource.state
                    )
                }
            }
        }
        if wanted("armload") {
            document.armload = try narrowed(armload) { $0.wid }
        }
        // Nothing is mirrored or shared yet: any NAME is unknown.
        if wanted("mirror") {
            if let narrowing { throw .notFound(view: view, name: name ?? narrowing) }
            document.mirrors = []
        }
        if wanted("share") {
            if let narrowing { throw .notFound(view: view, name: name ?? narrowing) }
            document.shares = []
        }
        return document
    }

    private static func group(_ status: GroupManager.GroupStatus) -> Group {
        Group(
            name: status.definition.name,
            state: status.state,
            failed: status.failed,
            server: status.server,
            failoverCount: status.failoverCount,
            // Interpretation: `max_failovers` defaults to the number of servers (config-and-files §1.7);
            // GroupDefinition does not carry the key yet.
            maxFailover: status.definition.servers.count,
            policy: status.definition.servers
        )
    }
}
