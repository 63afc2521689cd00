import ArmCore

extension ConfigLoader {
    /// The `name` of every `[[server]]` table of cluster.toml's text, in order, read with the one parser.
    ///
    /// Only the syntax has to hold: a file the validator would refuse still names its servers (what a
    /// command logging while armmond is down needs); a syntax error keeps what was read before it.
    package static func serverNames(in text: String) -> [String] {
        guard case .array(let servers)? = TOMLParser.parse(text).root["server"]?.value else { return [] }
        return servers.compactMap { server in
            guard case .table(let table) = server.value, case .string(let name)? = table["name"]?.value else {
                return nil
            }
            return name
        }
    }
}
