import ArmCore

// The one encoding of the status document: the body of armmond's `status` answer and, through
// `WireValue.json`, armstat's `--json` output (commands.md 2.29). Keys in the spec's order.
extension StatusDocument {
    /// The document as a wire value; `.json` of it is the `--json` line.
    package var wireValue: WireValue {
        var fields: [(String, WireValue)] = [
            ("armstat", .int(1)),
            ("source", .string(source.rawValue)),
            ("time", .optional(time)),
            ("local_server", .string(localServer)),
        ]
        if let cluster {
            fields.append(
                (
                    "cluster",
                    .object([
                        ("name", .optional(cluster.name)),
                        ("state", .string(cluster.state.rawValue)),
                        ("config_hash", .optional(cluster.configHash)),
                        ("partition_method", .optional(cluster.partitionMethod)),
                    ])
                )
            )
        }
        if let servers { fields.append(("servers", .array(servers.map(\.wireValue)))) }
        if let groups { fields.append(("groups", .array(groups.map(\.wireValue)))) }
        if let resources { fields.append(("resources", .array(resources.map(\.wireValue)))) }
        if let armload { fields.append(("armload", .array(armload.map(\.wireValue)))) }
        if let mirrors { fields.append(("mirrors", .array(mirrors.map(\.wireValue)))) }
        if let shares { fields.append(("shares", .array(shares.map(\.wireValue)))) }
        return .object(fields)
    }

    /// Reads a document from a `status` answer.
    /// - Throws: `ProtocolError.unexpectedContent` when a required field is missing or of the wrong type.
    package init(wireValue wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "armstat")
        guard try reader.int("armstat") == 1 else { throw .unexpectedContent("armstat: unknown document version") }
        let sourceText = try reader.string("source")
        guard let source = Source(rawValue: sourceText) else {
            throw .unexpectedContent("armstat: unknown source \(sourceText)")
        }
        self.init(
            source: source,
            time: try reader.optionalString("time"),
            localServer: try reader.string("local_server")
        )
        if let value = wire["cluster"] {
            let cluster = FieldReader(value, "cluster")
            self.cluster = Cluster(
                name: try cluster.optionalString("name"),
                state: try cluster.state("state", ClusterState.self),
                configHash: try cluster.optionalString("config_hash"),
                partitionMethod: try cluster.optionalString("partition_method")
            )
        }
        servers = try Self.list(wire, "servers", Server.init(wire:))
        groups = try Self.list(wire, "groups", Group.init(wire:))
        resources = try Self.list(wire, "resources", Resource.init(wire:))
        armload = try Self.list(wire, "armload", Watch.init(wire:))
        mirrors = try Self.list(wire, "mirrors", Mirror.init(wire:))
        shares = try Self.list(wire, "shares", Share.init(wire:))
    }

    /// The entries of an array section, or nil when the section is absent.
    private static func list<Entry>(
        _ wire: WireValue,
        _ key: String,
        _ entry: (WireValue) throws(ProtocolError) -> Entry
    ) throws(ProtocolError) -> [Entry]? {
        guard let value = wire[key] else { return nil }
        guard let elements = value.arrayValue else { throw .unexpectedContent("armstat: \(key) is not an array") }
        var entries: [Entry] = []
        for element in elements { entries.append(try entry(element)) }
        return entries
    }
}

extension StatusDocument.Server {
    var wireValue: WireValue {
        .object([
            ("name", .string(name)),
            ("local", .bool(isLocal)),
            ("state", .string(state.rawValue)),
            ("heartbeat_age_s", .optional(heartbeatAgeSeconds)),
            (
                "interconnects",
                .array(interconnects.map { .object([("address", .string($0.address)), ("up", .bool($0.isUp))]) })
            ),
        ])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "servers")
        var links: [StatusDocument.Interconnect] = []
        for link in try reader.array("interconnects") {
            let fields = FieldReader(link, "interconnects")
            links.append(.init(address: try fields.string("address"), isUp: try fields.bool("up")))
        }
        self.init(
            name: try reader.string("name"),
            isLocal: try reader.bool("local"),
            state: try reader.state("state", ServerState.self),
            heartbeatAgeSeconds: try reader.optionalInt("heartbeat_age_s"),
            interconnects: links
        )
    }
}

extension StatusDocument.Group {
    var wireValue: WireValue {
        .object([
            ("name", .string(name)),
            ("state", .string(state.rawValue)),
            ("failed", .bool(failed)),
            ("server", .optional(server)),
            ("failover_count", .optional(failoverCount)),
            ("max_failover", .optional(maxFailover)),
            ("policy", policy.map { .array($0.map { .string($0) }) } ?? .null),
        ])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "groups")
        var policy: [String]?
        if let value = wire["policy"], value != .null {
            guard let names = value.arrayValue?.compactMap(\.stringValue) else {
                throw .unexpectedContent("groups: policy is not an array")
            }
            policy = names
        }
        self.init(
            name: try reader.string("name"),
            state: try reader.state("state", GroupState.self),
            failed: try reader.bool("failed"),
            server: try reader.optionalString("server"),
            failoverCount: try reader.optionalInt("failover_count"),
            maxFailover: try reader.optionalInt("max_failover"),
            policy: policy
        )
    }
}

extension StatusDocument.Resource {
    var wireValue: WireValue {
        .object([
            ("group", .string(group)), ("name", .string(name)), ("type", .string(type)), ("state", .string(state)),
        ])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "resources")
        self.init(
            group: try reader.string("group"),
            name: try reader.string("name"),
            type: try reader.string("type"),
            state: try reader.string("state")
        )
    }
}

extension StatusDocument.Watch {
    var wireValue: WireValue {
        .object([
            ("wid", .string(wid)),
            ("group", .string(group)),
            ("kind", .string(kind)),
            ("pid", .optional(pid)),
            ("unit", .optional(unit)),
            ("start_state", .string(startState)),
            ("monitor_state", .string(monitorState)),
            ("restarts", .int(Int64(restarts))),
            ("retry", .optional(retry)),
            ("started", .optional(started)),
            ("last_exit", .optional(lastExit)),
        ])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "armload")
        self.init(
            wid: try reader.string("wid"),
            group: try reader.string("group"),
            kind: try reader.string("kind"),
            pid: try reader.optionalInt("pid"),
            unit: try reader.optionalString("unit"),
            startState: try reader.string("start_state"),
            monitorState: try reader.string("monitor_state"),
            restarts: try reader.int("restarts"),
            retry: try reader.optionalInt("retry"),
            started: try reader.optionalString("started"),
            lastExit: try reader.optionalString("last_exit")
        )
    }
}

extension StatusDocument.Mirror {
    var wireValue: WireValue {
        .object([
            ("name", .string(name)),
            ("state", .string(state)),
            ("sync_percent", .optional(syncPercent)),
            ("dirty_blocks", .optional(dirtyBlocks)),
            ("open", isOpen.map { .bool($0) } ?? .null),
        ])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "mirrors")
        self.init(
            name: try reader.string("name"),
            state: try reader.string("state"),
            syncPercent: try reader.optionalInt("sync_percent"),
            dirtyBlocks: try reader.optionalInt("dirty_blocks"),
            isOpen: try reader.optionalBool("open")
        )
    }
}

extension StatusDocument.Share {
    var wireValue: WireValue {
        .object([("name", .string(name)), ("path", .string(path)), ("group", .optional(group))])
    }

    init(wire: WireValue) throws(ProtocolError) {
        let reader = FieldReader(wire, "shares")
        self.init(
            name: try reader.string("name"),
            path: try reader.string("path"),
            group: try reader.optionalString("group")
        )
    }
}

/// Typed reads of one object's fields, naming the section in the error.
private struct FieldReader {
    let value: WireValue
    let section: String

    init(_ value: WireValue, _ section: String) {
        self.value = value
        self.section = section
    }

    func missing(_ key: String) -> ProtocolError { .unexpectedContent("\(section): \(key) missing or mistyped") }

    func string(_ key: String) throws(ProtocolError) -> String {
        guard let text = value[key]?.stringValue else { throw missing(key) }
        return text
    }

    func optionalString(_ key: String) throws(ProtocolError) -> String? {
        guard let field = value[key], field != .null else { return nil }
        guard let text = field.stringValue else { throw missing(key) }
        return text
    }

    func int(_ key: String) throws(ProtocolError) -> Int {
        guard let number = value[key]?.intValue.flatMap({ Int(exactly: $0) }) else { throw missing(key) }
        return number
    }

    func optionalInt(_ key: String) throws(ProtocolError) -> Int? {
        guard let field = value[key], field != .null else { return nil }
        guard let number = field.intValue.flatMap({ Int(exactly: $0) }) else { throw missing(key) }
        return number
    }

    func bool(_ key: String) throws(ProtocolError) -> Bool {
        guard let flag = value[key]?.boolValue else { throw missing(key) }
        return flag
    }

    func optionalBool(_ key: String) throws(ProtocolError) -> Bool? {
        guard let field = value[key], field != .null else { return nil }
        guard let flag = field.boolValue else { throw missing(key) }
        return flag
    }

    func array(_ key: String) throws(ProtocolError) -> [WireValue] {
        guard let elements = value[key]?.arrayValue else { throw missing(key) }
        return elements
    }

    func state<State: RawRepresentable<String>>(_ key: String, _: State.Type) throws(ProtocolError) -> State {
        let text = try string(key)
        guard let state = State(rawValue: text) else { throw .unexpectedContent("\(section): unknown \(key) \(text)") }
        return state
    }
}
