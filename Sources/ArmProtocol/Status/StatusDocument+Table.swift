import ArmCore

extension StatusDocument {
    /// The people's table of commands.md 2.29: columns separated by at least two spaces, `*` marking the
    /// local server, a failed group's state shown as `STATE/failed`; empty resource and watch lists are left
    /// out, except that the `armload` view shows its header and `(no watches)`.
    package var table: String { table(view: "all") }

    /// The table of one view (commands.md 2.29).
    package func table(view: String) -> String {
        var out = ""
        if let cluster {
            var header = "Cluster \(cluster.name ?? "-")  state \(cluster.state.rawValue)"
            if let hash = cluster.configHash { header += "  config \(String(hash.prefix(12)))" }
            if let method = cluster.partitionMethod { header += "  partition method \(method)" }
            out += header + "\n"
        }
        if let servers {
            var rows = [["SERVER", "STATE", "HB-AGE", "INTERCONNECTS"]]
            var marks = [" "]
            for server in servers {
                let up = server.interconnects.filter(\.isUp).count
                let age = server.heartbeatAgeSeconds.map { "\($0)s" } ?? "-"
                rows.append([server.name, server.state.rawValue, age, "\(up)/\(server.interconnects.count)"])
                marks.append(server.isLocal || server.name == localServer ? "*" : " ")
            }
            out += Self.table(rows, marks: marks)
        }
        if let groups {
            var rows = [["GROUP", "STATE", "SERVER", "FAILOVERS", "POLICY"]]
            for group in groups {
                let count = group.failoverCount.map(String.init) ?? "-"
                let limit = group.maxFailover.map(String.init) ?? "-"
                let policy = (group.policy ?? []).joined(separator: ",")
                rows.append([
                    group.name, group.state.rawValue + (group.failed ? "/failed" : ""), group.server ?? "-",
                    "\(count)/\(limit)", policy.isEmpty ? "-" : policy,
                ])
            }
            out += Self.table(rows)
        }
        if let resources, !resources.isEmpty {
            out += Self.table(
                [["RESOURCE", "GROUP", "TYPE", "STATE"]] + resources.map { [$0.name, $0.group, $0.type, $0.state] }
            )
        }
        if let armload, !armload.isEmpty {
            var rows = [["WID", "GROUP", "KIND", "PID/UNIT", "START", "MONITOR", "RESTARTS"]]
            for watch in armload {
                let pid = watch.pid.map(String.init) ?? watch.unit ?? "-"
                rows.append([
                    watch.wid, watch.group, watch.kind, pid, watch.startState, watch.monitorState,
                    "\(watch.restarts)/\(watch.retry.map(String.init) ?? "-")",
                ])
            }
            out += Self.table(rows)
        } else if let armload, armload.isEmpty, view == "armload" {
            out += Self.table([["WID", "GROUP", "KIND", "PID/UNIT", "START", "MONITOR", "RESTARTS"]])
            out += "  (no watches)\n"
        }
        return out
    }

    /// Left-aligned columns separated by two spaces, each row prefixed by its mark (default blank) and a space.
    private static func table(_ rows: [[String]], marks: [String] = []) -> String {
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
