import ArmCore

/// The parts of cluster.toml(5) that are not in the key table (`ConfigSchema`): the example.
enum ConfigReference {
    /// A small two-server configuration for the EXAMPLES section.
    static let example = """
        [cluster]
        name = "prod"

        [cluster.partition]
        method = "majority"
        tie_breaker = ["192.168.10.1"]

        [[server]]
        name = "s1"
        id = 1
        interconnect = ["10.0.0.11/24", "192.168.10.11/24"]
        public = "192.168.10.11/24"

        [[server]]
        name = "s2"
        id = 2
        interconnect = ["10.0.0.12/24", "192.168.10.12/24"]
        public = "192.168.10.12/24"

        [[group]]
        name = "web"
        servers = ["s1", "s2"]

        [[group.resource]]
        name = "web-ip"
        type = "fip"
        address = "192.168.10.100/24"

        [armload]
        users = ["www-data"]
        """
}

extension ManRenderer {
    /// cluster.toml(5): the tables and keys of the configuration file (config-and-files §1).
    package static func configPage(date: String) -> String {
        var out = header(title: "cluster.toml", section: 5, date: date)
        out.append(".SH NAME")
        out.append("cluster.toml \\- ArmCluster configuration file")
        out.append(".SH SYNOPSIS")
        out.append(Roff.italic("/etc/armcluster/cluster.toml"))
        out.append(".SH DESCRIPTION")
        out += paragraphs([
            """
            The cluster configuration: TOML 1.0 in UTF-8, identical on every server. Only the tables below are \
            allowed. Durations and sizes are integers whose key suffix is the unit (_ms, _s, _min, _kib, _mib). \
            A path may start with ${ARM_ROOT}; paths under the product trees are relocated below $ARM_ROOT \
            automatically, and a script path without a leading / is relative to \
            /etc/armcluster/scripts/GROUP/.
            """,
            """
            Names are case-sensitive, but uniqueness is checked case-insensitively. armcfg check validates the \
            file and reports findings as FILE:LINE:COL: message; armcfg apply distributes a changed file to \
            every server.
            """,
            """
            Each key has a change class, which says when armcfg apply may change it: L live; N live while every \
            server is normal; G only while the group is stopped on every server; R at the next restart of the \
            daemon; C only with armmond stopped everywhere.
            """,
        ])
        for section in ConfigSchema.manualSections {
            out.append(".SS " + Roff.argument(section.header))
            out.append(Roff.escape(section.note))
            for key in section.keys {
                out.append(".TP")
                out.append(Roff.bold(key.name) + " (" + Roff.escape(key.type.label) + ")")
                var text = key.defaultValue == .required ? "Required." : "Default: " + key.defaultValue.text + "."
                if !key.valuesText.isEmpty { text += " Values: " + key.valuesText + "." }
                if !section.classInNote { text += " Change class " + key.change.rawValue + "." }
                out.append(Roff.escape(text))
            }
        }
        out.append(".SH EXAMPLES")
        out += literalBlock(
            ConfigReference.example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        )
        out.append(".SH FILES")
        out += definitions(
            [
                ("/etc/armcluster/cluster.toml", "The configuration in use."),
                ("/etc/armcluster/cluster.toml.new", "A pending configuration during armcfg apply."),
                ("/etc/armcluster/cluster.key", "The cluster key, mode 0600."),
                ("/var/lib/armcluster/config-history/", "The last 20 committed files."),
            ],
            italic: true
        )
        out.append(".SH SEE ALSO")
        let pages = [
            ("armcluster", 7), ("armcfg", CommandSpec.armcfg.manSection), ("armmond", CommandSpec.armmond.manSection),
            ("armmgrd", CommandSpec.armmgrd.manSection),
        ]
        .map { (name: $0.0, section: $0.1) }
        .sorted { ($0.section, $0.name) < ($1.section, $1.name) }
        out.append(pages.map(reference).joined(separator: ",\n"))
        return out.joined(separator: "\n") + "\n"
    }
}
