/// Which `[[server]]` entry this host is (config-and-files §1.1): the one rule armmond, `armcfg check` and
/// the ARM.LOG lines a command writes itself follow.
///
/// Interpretation (docs/decisions.md D7, D27): a requested name (`/SERVER`, `ARM_SERVER`) must be an entry;
/// otherwise the entry named as the host; otherwise the only entry of a single-server cluster. The interface
/// address lookup of §1.1 comes with the cluster issue.
package enum ServerIdentity {
    /// The outcome of the rule.
    package enum Pick: Sendable, Equatable {
        /// This host is the entry of that name.
        case server(String)
        /// The requested name is not an entry.
        case unknownRequest(String)
        /// No entry matches this host.
        case noMatch
    }

    /// Applies the rule.
    /// - Parameters:
    ///   - requested: `/SERVER` or `ARM_SERVER`; nil or empty when not given.
    ///   - hostname: The host name up to its first dot.
    ///   - servers: The `[[server]]` names in file order.
    /// - Returns: The entry, or why none.
    package static func pick(requested: String?, hostname: String, servers: [String]) -> Pick {
        if let requested, !requested.isEmpty {
            return servers.contains(requested) ? .server(requested) : .unknownRequest(requested)
        }
        if servers.contains(hostname) { return .server(hostname) }
        if servers.count == 1, let only = servers.first { return .server(only) }
        return .noMatch
    }
}
