/// The local server name a command writes into ARM.LOG while armmond is down (commands.md 1.3, 1.7): the
/// `[[server]]` entry armmond would pick, found without the TOML parser so armtool stays small and fast.
///
/// Interpretation (issue 8): the same order as armmond's identity (config-and-files §1.1; docs/decisions.md
/// D7) minus the interface lookup: `ARM_SERVER`, else the entry named as the host, else the only entry of a
/// single-server file, else the host name.
package enum ConfiguredServerName {
    /// The name to log.
    /// - Parameters:
    ///   - environment: The process environment (`ARM_SERVER`).
    ///   - hostname: The host name up to its first dot.
    ///   - configText: cluster.toml's text, or nil when it cannot be read.
    /// - Returns: The server name for the ARM.LOG SERVER column.
    package static func resolve(environment: [String: String], hostname: String, configText: String?) -> String {
        if let name = environment["ARM_SERVER"], !name.isEmpty { return name }
        let names = configText.map(serverNames(in:)) ?? []
        if names.contains(hostname) { return hostname }
        if names.count == 1, let only = names.first { return only }
        return hostname
    }

    /// The `name` of every `[[server]]` table, in order.
    ///
    /// A line scan, enough for the key this needs: `name = "x"` or `name = 'x'` (with an optional trailing
    /// comment) inside a `[[server]]` table; anything else is skipped, so a file the validator would
    /// refuse yields what it can and never traps.
    package static func serverNames(in text: String) -> [String] {
        var names: [String] = []
        var inServer = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let header = line.filter { $0 != " " && $0 != "\t" }
                inServer = header.hasPrefix("[[server]]")
                continue
            }
            guard inServer, line.hasPrefix("name") else { continue }
            let rest = line.dropFirst(4).drop { $0 == " " || $0 == "\t" }
            guard rest.first == "=" else { continue }
            let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            let body = value.dropFirst()
            guard let end = body.firstIndex(of: quote) else { continue }
            let name = String(body[..<end])
            if !name.isEmpty && !name.contains("\\") { names.append(name) }
        }
        return names
    }
}
