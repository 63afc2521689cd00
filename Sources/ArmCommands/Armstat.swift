import ArmClient
import ArmCore
import ArmProtocol

/// ARMSTAT: status as a table or JSON, bounded in time (commands.md 2.29).
enum Armstat {
    /// The views of commands.md 2.29.
    static let views = ["all", "cluster", "server", "group", "resource", "armload", "mirror", "share"]

    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let view = parsed.operands.first?.lowercased() ?? "all"
        let name = parsed.operands.count > 1 ? parsed.operands[1] : nil
        if name != nil && (view == "all" || view == "cluster") {
            return CommandOutcome(
                exitCode: ExitStatus.usage.rawValue,
                message: context.usage(.unexpectedOperand(name ?? ""))
            )
        }
        let timeout = parsed.integer("TIMEOUT") ?? 3
        let isJSON = parsed.flag("json")
        switch context.send(.status(view: view, name: name), deadlineMilliseconds: timeout * 1000) {
        case .success(let response):
            if response.status == .notFound, let name {
                return CommandOutcome(
                    exitCode: ExitStatus.notFound.rawValue,
                    message: CatalogMessage(.armstat01, [.string(kind(of: view)), .string(name)])
                )
            }
            guard response.status == .success else { return context.outcome(of: response) }
            let text = isJSON ? response.body.json + "\n" : StatusTable.render(response.body, view: view)
            return .success(stdout: text)
        case .failure(let error):
            var outcome = context.failure(error)
            outcome.log = .none  // read-only, not logged (commands.md 2.29)
            guard error.isUnreachable, let fallback = context.system.readStateFallback(context.paths.stateDatabase)
            else { return outcome }
            let document = fallbackDocument(fallback, context: context)
            outcome.stdout =
                isJSON
                ? document.json + "\n"
                : "# armmond unreachable; last state from \(fallback.lastUpdate ?? "unknown")\n"
                    + StatusTable.render(document)
            return outcome
        }
    }

    /// What `NAME` names in a view, for "no such group NAME" (commands.md 2.29).
    static func kind(of view: String) -> String {
        switch view {
        case "armload": "WID"
        case "resource": "group"
        case "mirror": "mirror set"
        default: view
        }
    }

    /// The document built from the database while armmond is down: the cluster shows `stopped`.
    static func fallbackDocument(_ fallback: StateFallback, context: CommandContext) -> WireValue {
        let local = fallback.serverName ?? context.localServerName
        return .object([
            ("armstat", .int(1)),
            ("source", .string("database")),
            ("time", .optional(fallback.lastUpdate)),
            ("local_server", .string(local)),
            (
                "cluster",
                .object([
                    ("name", .optional(fallback.clusterName)), ("state", .string("stopped")),
                    ("config_hash", .null), ("partition_method", .null),
                ])
            ),
            (
                "servers",
                .array([
                    .object([
                        ("name", .string(local)), ("local", .bool(true)), ("state", .string("unknown")),
                        ("heartbeat_age_s", .null), ("interconnects", .array([])),
                    ])
                ])
            ),
            (
                "groups",
                .array(
                    fallback.groups.map { group in
                        .object([
                            ("name", .string(group.name)), ("state", .string(group.state)),
                            ("failed", .bool(group.failed)), ("server", .optional(group.owner)),
                            ("failover_count", .null), ("max_failover", .null), ("policy", .null),
                        ])
                    }
                )
            ),
        ])
    }
}

/// Renders the status document as the people's table of commands.md 2.29.
enum StatusTable {
    /// - Parameters:
    ///   - document: The armstat document.
    ///   - view: The view asked for; `armload` shows its header and `(no watches)` when empty.
    /// - Returns: The table text.
    static func render(_ document: WireValue, view: String = "all") -> String {
        var out = ""
        let local = document["local_server"]?.stringValue
        if let cluster = document["cluster"] {
            var header = "Cluster \(cluster["name"]?.stringValue ?? "-")  state \(cluster["state"]?.stringValue ?? "-")"
            if let hash = cluster["config_hash"]?.stringValue { header += "  config \(String(hash.prefix(12)))" }
            if let method = cluster["partition_method"]?.stringValue { header += "  partition method \(method)" }
            out += header + "\n"
        }
        if let servers = document["servers"]?.arrayValue {
            var rows = [["SERVER", "STATE", "HB-AGE", "INTERCONNECTS"]]
            var marks = [" "]
            for server in servers {
                let name = server["name"]?.stringValue ?? "-"
                let links = server["interconnects"]?.arrayValue ?? []
                let up = links.filter { $0["up"]?.boolValue == true }.count
                let age = server["heartbeat_age_s"].flatMap(\.intValue).map { "\($0)s" } ?? "-"
                rows.append([name, server["state"]?.stringValue ?? "-", age, "\(up)/\(links.count)"])
                marks.append(server["local"]?.boolValue == true || name == local ? "*" : " ")
            }
            out += table(rows, marks: marks)
        }
        if let groups = document["groups"]?.arrayValue {
            var rows = [["GROUP", "STATE", "SERVER", "FAILOVERS", "POLICY"]]
            for group in groups {
                var state = group["state"]?.stringValue ?? "-"
                if group["failed"]?.boolValue == true { state += "/failed" }
                let count = group["failover_count"]?.intValue.map(String.init) ?? "-"
                let limit = group["max_failover"]?.intValue.map(String.init) ?? "-"
                let policy = (group["policy"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
                rows.append([
                    group["name"]?.stringValue ?? "-", state, group["server"]?.stringValue ?? "-",
                    "\(count)/\(limit)", policy.isEmpty ? "-" : policy,
                ])
            }
            out += table(rows, marks: Array(repeating: " ", count: rows.count))
        }
        if let resources = document["resources"]?.arrayValue, !resources.isEmpty {
            var rows = [["RESOURCE", "GROUP", "TYPE", "STATE"]]
            for resource in resources {
                rows.append(
                    ["name", "group", "type", "state"].map { resource[$0]?.stringValue ?? "-" }
                )
            }
            out += table(rows, marks: Array(repeating: " ", count: rows.count))
        }
        if let watches = document["armload"]?.arrayValue, watches.isEmpty, view == "armload" {
            out += table([["WID", "GROUP", "KIND", "PID/UNIT", "START", "MONITOR", "RESTARTS"]], marks: [" "])
            out += "  (no watches)\n"
        }
        if let watches = document["armload"]?.arrayValue, !watches.isEmpty {
            var rows = [["WID", "GROUP", "KIND", "PID/UNIT", "START", "MONITOR", "RESTARTS"]]
            for watch in watches {
                let pid = watch["pid"]?.intValue.map(String.init) ?? watch["unit"]?.stringValue ?? "-"
                let restarts = watch["restarts"]?.intValue.map(String.init) ?? "0"
                let retry = watch["retry"]?.intValue.map(String.init) ?? "-"
                rows.append([
                    watch["wid"]?.stringValue ?? "-", watch["group"]?.stringValue ?? "-",
                    watch["kind"]?.stringValue ?? "-", pid, watch["start_state"]?.stringValue ?? "-",
                    watch["monitor_state"]?.stringValue ?? "-", "\(restarts)/\(retry)",
                ])
            }
            out += table(rows, marks: Array(repeating: " ", count: rows.count))
        }
        return out
    }

    /// Left-aligned columns separated by two spaces, each row prefixed by its mark and a space.
    static func table(_ rows: [[String]], marks: [String]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var out = ""
        for (rowIndex, row) in rows.enumerated() {
            var line = (rowIndex < marks.count ? marks[rowIndex] : " ") + " "
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            out += line + "\n"
        }
        return out
    }
}
