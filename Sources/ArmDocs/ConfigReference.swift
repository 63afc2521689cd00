import ArmCore

/// The keys of cluster.toml as config-and-files §1 lists them, for cluster.toml(5).
///
/// Documentation only: the validator has its own schema.
enum ConfigReference {
    /// One key.
    struct Key {
        let name: String
        let type: String
        let defaultValue: String
        let values: String
        /// Change class (L, N, G, R, C), empty where the table gives it once for all keys.
        let change: String

        init(_ name: String, _ type: String, _ defaultValue: String, _ values: String = "", _ change: String = "") {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
            self.values = values
            self.change = change
        }
    }

    /// One table of the file.
    struct Table {
        let header: String
        let note: String
        let keys: [Key]
    }

    static let tables: [Table] = [
        Table(
            header: "[cluster]",
            note:
                """
                The cluster as a whole. key_file holds the heartbeat HMAC key (armcfg keygen); with auto_return a \
                server that went down returns by itself.
                """,
            keys: [
                Key("name", "string", "required", "1-31 of A-Z a-z 0-9 _ -, not starting with -", "C"),
                Key("key_file", "path", "\"/etc/armcluster/cluster.key\"", "", "C"),
                Key("auto_return", "bool", "false", "", "N"),
                Key("shutdown_action", "string", "\"poweroff\"", "poweroff, reboot, exit (test rigs)", "N"),
                Key("socket_mode", "string", "\"0660\"", "\"0660\" (root and armadm), \"0666\" (anyone may read)", "R"),
            ]
        ),
        Table(
            header: "[cluster.timing]",
            note:
                """
                Heartbeats, waits and the local disk monitor. A peer is down after heartbeat_timeout_count intervals \
                without a valid heartbeat.
                """,
            keys: [
                Key("profile", "string", "\"standard\"", "standard (1 s x 3), fast (100 ms x 5), seed (3 s x 10)", "N"),
                Key("heartbeat_interval_ms", "int", "from profile: 1000, 100, 3000", "100-10000", "N"),
                Key("heartbeat_timeout_count", "int", "from profile: 3, 5, 10", "3-600", "N"),
                Key("enforce_seed_minimums", "bool", "true with profile seed, else false", "", "N"),
                Key("startup_sync_wait_min", "int", "5", "5-99; 0 only without enforce_seed_minimums", "N"),
                Key("disk_io_wait_s", "int", "80", "0-3600", "N"),
                Key("local_disk_monitor", "bool", "true", "", "N"),
                Key("local_disk_timeout_min", "int", "5", "1-120", "N"),
                Key("local_disk_action", "string", "\"reset\"", "reset, panic", "N"),
                Key("disconnect_retry", "string", "\"timeout\"", "none, infinite, timeout", "L"),
                Key("disconnect_retry_interval_s", "int", "3", "1-60", "L"),
                Key("disconnect_retry_count", "int", "10", "1-1000", "L"),
                Key("script_warn_min", "int", "3", "0 (off), 1-1440", "N"),
                Key("time_sync", "string", "\"external\"", "external, cluster", "N"),
                Key("clock_warn_ms", "int", "1000", "100-60000", "L"),
            ]
        ),
        Table(
            header: "[cluster.network]",
            note: "Ports and connection tuning.",
            keys: [
                Key("heartbeat_port", "int", "20003", "1-65535; every port distinct (UDP)", "C"),
                Key("control_port", "int", "20004", "1-65535 (TCP)", "C"),
                Key("heartbeat_dscp", "int", "46", "0-63", "R"),
                Key("mirror_dscp", "int", "8", "0-63", "R"),
                Key("idle_timeout_s", "int", "900", "60-86400", "R"),
                Key("keepalive_s", "int", "30", "5 to idle_timeout_s/3", "R"),
                Key("offload_warn", "list of strings", "[\"lro\"]", "ethtool feature names", "L"),
            ]
        ),
        Table(
            header: "[cluster.partition]",
            note: "How a network partition is resolved, and self-fencing.",
            keys: [
                Key("method", "string", "required", "majority, disk, ping, none", "N"),
                Key("tie_breaker", "list of IPs", "[]", "0-8 addresses", "N"),
                Key("ping_timeout_ms", "int", "1000", "100-10000", "N"),
                Key("ping_count", "int", "3", "1-10", "N"),
                Key("lock_device", "path", "\"\"", "block device or regular file", "N"),
                Key("lock_offset_kib", "int", "0", "multiple of 4", "N"),
                Key("lock_size_kib", "int", "1024", "at least 1024", "N"),
                Key("lock_io_timeout_ms", "int", "from profile: 1000, 200, 10000", "50-300000", "N"),
                Key("disk_heartbeat", "bool", "false", "needs lock_device", "N"),
                Key("fence_deadline_ms", "int", "from profile: 500, 300, 1000", "200-60000", "N"),
                Key("fence_action", "string", "\"kill\"", "kill, reboot, dry-run", "N"),
            ]
        ),
        Table(
            header: "[[server]]",
            note:
                """
                One entry per server, 1-32. A cluster with one server is a single-server cluster: partition method \
                none, no interconnects needed.
                """,
            keys: [
                Key("name", "string", "required", "1-63 of A-Z a-z 0-9 _ -, a letter or digit first", "C"),
                Key("id", "int", "required", "1-32, unique; lower is higher priority", "C"),
                Key("interconnect", "list of CIDR", "required", "2-4 (0-4 for a single server); [0] primary", "C"),
                Key("public", "CIDR", "required", "must not be interconnect[0]", "C"),
                Key("mirror", "list of CIDR", "[]", "0-2 mirror connect addresses", "C"),
            ]
        ),
        Table(
            header: "[[group]]",
            note: "At most 128 groups. Each has /etc/armcluster/scripts/GROUP/start.sh and stop.sh.",
            keys: [
                Key("name", "string", "required", "1-63 of A-Z a-z 0-9 -, not starting with -", "G"),
                Key("servers", "list of server names", "required", "1-32; the order is the failover policy", "G"),
                Key("auto_start", "bool", "true", "", "G"),
                Key("failback", "string", "\"manual\"", "manual, auto", "G"),
                Key("exclusive", "bool", "false", "", "G"),
                Key("max_failovers", "int", "number of servers", "0-100", "G"),
                Key("failover_window_s", "int", "3600", "0 (never reset), 1-604800", "G"),
                Key("start_timeout_s, stop_timeout_s", "int", "1800", "0 (none), 10-86400", "G"),
                Key("env", "table of strings", "{}", "not ARMS_* or CLP_*", "G"),
            ]
        ),
        Table(
            header: "[[group.resource]]",
            note:
                """
                Resources of the group above, started in file order before start.sh and stopped in reverse after \
                stop.sh. All keys are class G. Type-specific keys: exec: start, stop, start_timeout_s, \
                stop_timeout_s, env; fip: address, interface, garp_count (5), garp_interval_ms (200), \
                duplicate_check (true); disk: device, mount, fs_type, mount_options, fsck (preen), fsck_timeout_s \
                (1800), disconnect_retry*; mirror: device or file, size_mib, peers, initial_source, port, sync_mode \
                (sync), resync_limit (80%), replication_limit, link_mbps, bitmap_block_kib (4), auto_rebuild (true), \
                comm_timeout_s (30), comm_retries (3), send_buffer_mib (16), snapshot_readonly (true), and the disk \
                keys; share: share_name, path, export_hook, hook_options, hook_timeout_s (60).
                """,
            keys: [
                Key("name", "string", "required", "unique in the cluster, not script", "G"),
                Key("type", "string", "required", "exec, fip, disk, mirror, share", "G"),
                Key("on_deactivate_failure", "string", "\"shutdown\"", "shutdown, ignore", "G"),
            ]
        ),
        Table(
            header: "[[monitor]]",
            note:
                """
                At most 256 monitors; all keys class L. Type-specific keys: ip: targets; process: wid, pid_file or \
                process_name; script: command; disk: device or path; mirror: resource.
                """,
            keys: [
                Key("name", "string", "required", "unique"),
                Key("type", "string", "required", "ip, process, script, disk, mirror"),
                Key("group", "group name", "\"\"", "\"\" means server-level"),
                Key("when", "string", "active with a group, else always", "active, always"),
                Key("interval_s", "int", "10", "1-3600"),
                Key("timeout_s", "int", "20 (disk: 60)", "1-3600"),
                Key("retries", "int", "1", "0-100"),
                Key("start_delay_s", "int", "0", "0-3600"),
                Key("restart_max", "int", "0", "0-100"),
                Key("action", "string", "failover with a group, else none", "none, failover, stop, shutdown"),
            ]
        ),
        Table(
            header: "[armload]",
            note:
                """
                Programs started by armload(1); class L. [services.NAME] defines armload /S NAME with start, stop, \
                type (simple or forking), pid_file, user, env and start_wait_s.
                """,
            keys: [
                Key("max_watches", "int", "256", "1-256"),
                Key("users", "list of user names", "[]", "accounts usable with armload /U"),
                Key("stop_wait_s", "int", "30", "1-3600"),
                Key("service_start_wait_s", "int", "60", "1-3600"),
                Key("restart_delay_ms", "int", "0", "0-60000"),
                Key("restart_backoff_ms", "int", "100", "0-60000"),
                Key("restart_backoff_max_ms", "int", "30000", "0-600000"),
                Key("restart_healthy_ms", "int", "1000", "0-3600000"),
            ]
        ),
        Table(
            header: "[manager]",
            note: "armmgrd(8).",
            keys: [
                Key("enabled_on", "list of server names", "[] (any server)", "", "R"),
                Key("listen", "list of host:port", "[\"127.0.0.1:20005\"]", "IPv6 as [addr]:port", "R"),
                Key("tls", "bool", "true", "false only on loopback addresses", "R"),
                Key(
                    "tls_cert, tls_key",
                    "path",
                    "\"/etc/armcluster/tls/manager.crt\", \".../manager.key\"",
                    "PEM",
                    "R"
                ),
                Key("client_ca", "path", "\"\"", "mutating API calls need a client certificate signed by it", "R"),
                Key("allowed_clients", "list of CIDR", "[\"127.0.0.1/32\", \"::1/128\"]", "", "L"),
                Key("agent_idle_timeout_s", "int", "900", "60-86400", "R"),
                Key("agent_keepalive_s", "int", "60", "5 to idle/3", "R"),
                Key("client_idle_timeout_s", "int", "300", "10-86400", "R"),
            ]
        ),
        Table(
            header: "[log]",
            note:
                """
                Class N. [log.files.NAME] sets size_mib (1-4096) and count (1-99) for arm, armsvr, armscr, armtun, \
                armmgr, events and armload.
                """,
            keys: [
                Key("level", "int", "3", "0-7 (trace lines only)"),
                Key("language", "string", "\"en\"", "en, ja"),
                Key("format", "string", "\"text\"", "text, json, both"),
                Key("utc", "bool", "false", ""),
                Key("syslog", "string", "\"events\"", "none, events, all"),
                Key("rotation", "string", "\"internal\"", "internal, external"),
                Key("script_output_lines", "int", "1000", "0-100000 per script run"),
            ]
        ),
    ]

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
        for table in ConfigReference.tables {
            out.append(".SS " + Roff.argument(table.header))
            out.append(Roff.escape(table.note))
            for key in table.keys {
                out.append(".TP")
                out.append(Roff.bold(key.name) + " (" + Roff.escape(key.type) + ")")
                var text = key.defaultValue == "required" ? "Required." : "Default: " + key.defaultValue + "."
                if !key.values.isEmpty { text += " Values: " + key.values + "." }
                if !key.change.isEmpty { text += " Change class " + key.change + "." }
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
