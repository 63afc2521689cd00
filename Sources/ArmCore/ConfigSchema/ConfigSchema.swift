// The key table of cluster.toml (config-and-files §1.2–§1.12): each key once, with its type, default, range,
// change class and allowed values. ArmConfig validates and fills defaults from it, `armcfg show` writes its keys
// in this order, and cluster.toml(5) is rendered from it (ManRenderer.configPage).

/// Every table of cluster.toml and its keys.
package enum ConfigSchema {
    /// `[cluster]` (§1.2).
    package static let cluster = ConfigSection(
        "[cluster]",
        note: """
            The cluster as a whole. key_file holds the heartbeat HMAC key (armcfg keygen); with auto_return a \
            server that went down returns by itself.
            """,
        keys: [
            ConfigKey(
                "name",
                .string("string"),
                .required,
                values: "1-31 of A-Z a-z 0-9 _ -, not starting with -",
                change: .clusterStopped
            ),
            ConfigKey("key_file", .string("path"), .string("/etc/armcluster/cluster.key"), change: .clusterStopped),
            ConfigKey("auto_return", .boolean, .boolean(false), change: .normal),
            ConfigKey(
                "shutdown_action",
                .string("string"),
                .string("poweroff"),
                choices: ["poweroff", "reboot", "exit"],
                values: "poweroff, reboot, exit (test rigs)",
                change: .normal
            ),
            ConfigKey(
                "socket_mode",
                .string("string"),
                .string("0660"),
                choices: ["0660", "0666"],
                values: "\"0660\" (root and armadm), \"0666\" (anyone may read)",
                change: .restart
            ),
        ]
    )

    /// `[cluster.timing]` (§1.3).
    package static let timing = ConfigSection(
        "[cluster.timing]",
        note: """
            Heartbeats, waits and the local disk monitor. A peer is down after heartbeat_timeout_count intervals \
            without a valid heartbeat.
            """,
        keys: [
            ConfigKey(
                "profile",
                .string("string"),
                .string("standard"),
                choices: ["standard", "fast", "seed"],
                values: "standard (1 s x 3), fast (100 ms x 5), seed (3 s x 10)",
                change: .normal
            ),
            ConfigKey(
                "heartbeat_interval_ms",
                .integer,
                .derived("from profile: 1000, 100, 3000"),
                range: 100...10000,
                change: .normal
            ),
            ConfigKey(
                "heartbeat_timeout_count",
                .integer,
                .derived("from profile: 3, 5, 10"),
                range: 3...600,
                change: .normal
            ),
            ConfigKey(
                "enforce_seed_minimums",
                .boolean,
                .derived("true with profile seed, else false"),
                change: .normal
            ),
            ConfigKey(
                "startup_sync_wait_min",
                .integer,
                .integer(5),
                range: 5...99,
                zeroMeans: "test rigs",
                values: "5-99; 0 only without enforce_seed_minimums",
                change: .normal
            ),
            ConfigKey("disk_io_wait_s", .integer, .integer(80), range: 0...3600, change: .normal),
            ConfigKey("local_disk_monitor", .boolean, .boolean(true), change: .normal),
            ConfigKey("local_disk_timeout_min", .integer, .integer(5), range: 1...120, change: .normal),
            ConfigKey(
                "local_disk_action",
                .string("string"),
                .string("reset"),
                choices: ["reset", "panic"],
                change: .normal
            ),
        ] + disconnectRetry + [
            ConfigKey(
                "script_warn_min",
                .integer,
                .integer(3),
                range: 0...1440,
                values: "0 (off), 1-1440",
                change: .normal
            ),
            ConfigKey(
                "time_sync",
                .string("string"),
                .string("external"),
                choices: ["external", "cluster"],
                change: .normal
            ),
            ConfigKey("clock_warn_ms", .integer, .integer(1000), range: 100...60000, change: .live),
        ]
    )

    /// `disconnect_retry`, `…_interval_s`, `…_count`: in `[cluster.timing]` and in disk and mirror resources.
    package static let disconnectRetry = [
        ConfigKey(
            "disconnect_retry",
            .string("string"),
            .string("timeout"),
            choices: ["none", "infinite", "timeout"],
            change: .live
        ),
        ConfigKey("disconnect_retry_interval_s", .integer, .integer(3), range: 1...60, change: .live),
        ConfigKey("disconnect_retry_count", .integer, .integer(10), range: 1...1000, change: .live),
    ]

    /// `[cluster.network]` (§1.4).
    package static let network = ConfigSection(
        "[cluster.network]",
        note: "Ports and connection tuning.",
        keys: [
            ConfigKey(
                "heartbeat_port",
                .integer,
                .integer(20003),
                range: 1...65535,
                values: "1-65535; every port distinct (UDP)",
                change: .clusterStopped
            ),
            ConfigKey(
                "control_port",
                .integer,
                .integer(20004),
                range: 1...65535,
                values: "1-65535 (TCP)",
                change: .clusterStopped
            ),
            ConfigKey("heartbeat_dscp", .integer, .integer(46), range: 0...63, change: .restart),
            ConfigKey("mirror_dscp", .integer, .integer(8), range: 0...63, change: .restart),
            ConfigKey("idle_timeout_s", .integer, .integer(900), range: 60...86400, change: .restart),
            ConfigKey("keepalive_s", .integer, .integer(30), values: "5 to idle_timeout_s/3", change: .restart),
            ConfigKey(
                "offload_warn",
                .list("list of strings"),
                .strings(["lro"]),
                values: "ethtool feature names",
                change: .live
            ),
        ]
    )

    /// `[cluster.partition]` (§1.5).
    package static let partition = ConfigSection(
        "[cluster.partition]",
        note: "How a network partition is resolved, and self-fencing.",
        keys: [
            ConfigKey(
                "method",
                .string("string"),
                .required,
                choices: ["majority", "disk", "ping", "none"],
                change: .normal
            ),
            ConfigKey("tie_breaker", .list("list of IPs"), .strings([]), values: "0-8 addresses", change: .normal),
            ConfigKey("ping_timeout_ms", .integer, .integer(1000), range: 100...10000, change: .normal),
            ConfigKey("ping_count", .integer, .integer(3), range: 1...10, change: .normal),
            ConfigKey(
                "lock_device",
                .string("path"),
                .string(""),
                values: "block device or regular file",
                change: .normal
            ),
            ConfigKey(
                "lock_offset_kib",
                .integer,
                .integer(0),
                range: 0...1_073_741_824,
                values: "multiple of 4",
                change: .normal
            ),
            ConfigKey(
                "lock_size_kib",
                .integer,
                .integer(1024),
                range: 1024...1_073_741_824,
                values: "at least 1024",
                change: .normal
            ),
            ConfigKey(
                "lock_io_timeout_ms",
                .integer,
                .derived("from profile: 1000, 200, 10000"),
                range: 50...300000,
                change: .normal
            ),
            ConfigKey("disk_heartbeat", .boolean, .boolean(false), values: "needs lock_device", change: .normal),
            ConfigKey(
                "fence_deadline_ms",
                .integer,
                .derived("from profile: 500, 300, 1000"),
                range: 200...60000,
                change: .normal
            ),
            ConfigKey(
                "fence_action",
                .string("string"),
                .string("kill"),
                choices: ["kill", "reboot", "dry-run"],
                change: .normal
            ),
        ]
    )

    /// `[[server]]` (§1.6).
    package static let server = ConfigSection(
        "[[server]]",
        note: """
            One entry per server, 1-32. A cluster with one server is a single-server cluster: partition method \
            none, no interconnects needed.
            """,
        keys: [
            ConfigKey(
                "name",
                .string("string"),
                .required,
                values: "1-63 of A-Z a-z 0-9 _ -, a letter or digit first",
                change: .clusterStopped
            ),
            ConfigKey(
                "id",
                .integer,
                .required,
                range: 1...32,
                values: "1-32, unique; lower is higher priority",
                change: .clusterStopped
            ),
            ConfigKey(
                "interconnect",
                .list("list of CIDR"),
                .required,
                values: "2-4 (0-4 for a single server); [0] primary",
                change: .clusterStopped
            ),
            ConfigKey(
                "public",
                .string("CIDR"),
                .required,
                values: "must not be interconnect[0]",
                change: .clusterStopped
            ),
            ConfigKey(
                "mirror",
                .list("list of CIDR"),
                .strings([]),
                values: "0-2 mirror connect addresses",
                change: .clusterStopped
            ),
        ]
    )

    /// `[[group]]` (§1.7).
    package static let group = ConfigSection(
        "[[group]]",
        note: "At most 128 groups. Each has /etc/armcluster/scripts/GROUP/start.sh and stop.sh.",
        keys: [
            ConfigKey(
                "name",
                .string("string"),
                .required,
                values: "1-63 of A-Z a-z 0-9 -, not starting with -",
                change: .groupStopped
            ),
            ConfigKey(
                "servers",
                .list("list of server names"),
                .required,
                values: "1-32; the order is the failover policy",
                change: .groupStopped
            ),
            ConfigKey("auto_start", .boolean, .boolean(true), change: .groupStopped),
            ConfigKey(
                "failback",
                .string("string"),
                .string("manual"),
                choices: ["manual", "auto"],
                change: .groupStopped
            ),
            ConfigKey("exclusive", .boolean, .boolean(false), change: .groupStopped),
            ConfigKey("max_failovers", .integer, .derived("number of servers"), range: 0...100, change: .groupStopped),
            ConfigKey(
                "failover_window_s",
                .integer,
                .integer(3600),
                range: 0...604800,
                values: "0 (never reset), 1-604800",
                change: .groupStopped
            ),
            ConfigKey(
                "start_timeout_s",
                .integer,
                .integer(1800),
                range: 10...86400,
                zeroMeans: "none",
                change: .groupStopped
            ),
            ConfigKey(
                "stop_timeout_s",
                .integer,
                .integer(1800),
                range: 10...86400,
                zeroMeans: "none",
                change: .groupStopped
            ),
            ConfigKey("env", .table, .emptyTable, values: "not ARMS_* or CLP_*", change: .groupStopped),
        ]
    )

    /// `[[group.resource]]`: the keys of every type (§1.8).
    package static let resource = ConfigSection(
        "[[group.resource]]",
        note: """
            Resources of the group above, started in file order before start.sh and stopped in reverse after \
            stop.sh. All keys are class G. The keys of each type follow.
            """,
        keys: [
            ConfigKey(
                "name",
                .string("string"),
                .required,
                values: "unique in the cluster, not script",
                change: .groupStopped
            ),
            ConfigKey(
                "type",
                .string("string"),
                .required,
                choices: ["exec", "fip", "disk", "mirror", "share"],
                change: .groupStopped
            ),
            ConfigKey(
                "on_deactivate_failure",
                .string("string"),
                .string("shutdown"),
                choices: ["shutdown", "ignore"],
                change: .groupStopped
            ),
        ]
    )

    /// `type = "exec"` resources (§1.8).
    package static let exec = ConfigSection(
        "[[group.resource]] type = \"exec\"",
        note: "Scripts of their own: a path without a leading / is relative to the group's script directory.",
        classInNote: true,
        keys: [
            ConfigKey("start", .string("path"), .required, change: .groupStopped),
            ConfigKey("stop", .string("path"), .required, change: .groupStopped),
            ConfigKey(
                "start_timeout_s",
                .integer,
                .derived("the group's"),
                range: 10...86400,
                zeroMeans: "none",
                change: .groupStopped
            ),
            ConfigKey(
                "stop_timeout_s",
                .integer,
                .derived("the group's"),
                range: 10...86400,
                zeroMeans: "none",
                change: .groupStopped
            ),
            ConfigKey("env", .table, .emptyTable, change: .groupStopped),
        ]
    )

    /// `type = "fip"` resources (§1.8).
    package static let fip = ConfigSection(
        "[[group.resource]] type = \"fip\"",
        note: """
            A floating IP address: not a server address, a network or a broadcast address. interface "" means \
            the interface holding an address in the same network.
            """,
        classInNote: true,
        keys: [
            ConfigKey("address", .string("CIDR"), .required, change: .groupStopped),
            ConfigKey("interface", .string("string"), .string(""), change: .groupStopped),
            ConfigKey("garp_count", .integer, .integer(5), range: 1...30, change: .groupStopped),
            ConfigKey("garp_interval_ms", .integer, .integer(200), range: 10...5000, change: .groupStopped),
            ConfigKey("duplicate_check", .boolean, .boolean(true), change: .groupStopped),
        ]
    )

    /// The file-system keys of disk and mirror resources (§1.8).
    package static let fileSystem =
        [
            ConfigKey("mount", .string("path"), .required, change: .groupStopped),
            ConfigKey("fs_type", .string("string"), .required, change: .groupStopped),
            ConfigKey("mount_options", .string("string"), .string(""), change: .groupStopped),
            ConfigKey(
                "fsck",
                .string("string"),
                .string("preen"),
                choices: ["never", "preen", "full"],
                change: .groupStopped
            ),
            ConfigKey("fsck_timeout_s", .integer, .integer(1800), range: 10...86400, change: .groupStopped),
        ]
        + disconnectRetry.map {
            ConfigKey(
                $0.name,
                $0.type,
                .derived("the cluster's"),
                range: $0.range,
                choices: $0.choices,
                change: .groupStopped
            )
        }

    /// `type = "disk"` resources (§1.8).
    package static let disk = ConfigSection(
        "[[group.resource]] type = \"disk\"",
        note: """
            A switched shared disk, mounted at mount (absolute) with mount -t fs_type. fsck is never, preen \
            (fsck -p) or full (fsck -f -y); the disconnect_retry keys default to those of [cluster.timing].
            """,
        classInNote: true,
        keys: [ConfigKey("device", .string("path"), .required, change: .groupStopped)] + fileSystem
    )

    /// `type = "mirror"` resources (§1.8).
    package static let mirror = ConfigSection(
        "[[group.resource]] type = \"mirror\"",
        note: """
            A disk mirrored between the two peers: exactly one of device or file (with size_mib), and the file \
            system keys of a disk. resync_limit and replication_limit are "0" (none), "N%" of the link speed or \
            "N MiB/s".
            """,
        classInNote: true,
        keys: [
            ConfigKey(
                "device",
                .string("path"),
                .derived("none; exactly one of device and file"),
                change: .groupStopped
            ),
            ConfigKey("file", .string("path"), .derived("none; exactly one of device and file"), change: .groupStopped),
            ConfigKey(
                "size_mib",
                .integer,
                .derived("none; required with file"),
                range: 1...16_777_216,
                change: .groupStopped
            ),
        ] + fileSystem + [
            ConfigKey("peers", .list("list of server names"), .required, change: .groupStopped),
            ConfigKey("initial_source", .string("server name"), .required, change: .groupStopped),
            ConfigKey("port", .integer, .required, range: 1...65535, change: .groupStopped),
            ConfigKey(
                "sync_mode",
                .string("string"),
                .string("sync"),
                choices: ["sync", "async"],
                change: .groupStopped
            ),
            ConfigKey("resync_limit", .string("string"), .string("80%"), change: .groupStopped),
            ConfigKey("replication_limit", .string("string"), .string("0"), change: .groupStopped),
            ConfigKey(
                "link_mbps",
                .integer,
                .integer(0),
                range: 0...400000,
                values: "0 (the interface's speed), 1-400000",
                change: .groupStopped
            ),
            ConfigKey(
                "bitmap_block_kib",
                .integer,
                .integer(4),
                range: 4...1024,
                values: "power of two, 4-1024",
                change: .groupStopped
            ),
            ConfigKey("auto_rebuild", .boolean, .boolean(true), change: .groupStopped),
            ConfigKey("comm_timeout_s", .integer, .integer(30), range: 1...600, change: .groupStopped),
            ConfigKey("comm_retries", .integer, .integer(3), range: 0...100, change: .groupStopped),
            ConfigKey("send_buffer_mib", .integer, .integer(16), range: 1...1024, change: .groupStopped),
            ConfigKey("snapshot_readonly", .boolean, .boolean(true), change: .groupStopped),
        ]
    )

    /// `type = "share"` resources (§1.8).
    package static let share = ConfigSection(
        "[[group.resource]] type = \"share\"",
        note: "A shared directory; export_hook \"\" means the share is only recorded.",
        classInNote: true,
        keys: [
            ConfigKey("share_name", .string("string"), .required, change: .groupStopped),
            ConfigKey("path", .string("path"), .required, change: .groupStopped),
            ConfigKey("export_hook", .string("path"), .string(""), change: .groupStopped),
            ConfigKey("hook_options", .string("string"), .string(""), change: .groupStopped),
            ConfigKey("hook_timeout_s", .integer, .integer(60), range: 1...3600, change: .groupStopped),
        ]
    )

    /// The type-specific sections of `[[group.resource]]`, by `type`.
    package static let resourceTypes: [String: ConfigSection] = [
        "exec": exec, "fip": fip, "disk": disk, "mirror": mirror, "share": share,
    ]

    /// `[[monitor]]`: the common keys (§1.9).
    package static let monitor = ConfigSection(
        "[[monitor]]",
        note: """
            At most 256 monitors; all keys class L. The keys of each type follow.
            """,
        classInNote: true,
        keys: [
            ConfigKey("name", .string("string"), .required, values: "unique", change: .live),
            ConfigKey(
                "type",
                .string("string"),
                .required,
                choices: ["ip", "process", "script", "disk", "mirror"],
                change: .live
            ),
            ConfigKey("group", .string("group name"), .string(""), values: "\"\" means server-level", change: .live),
            ConfigKey(
                "when",
                .string("string"),
                .derived("active with a group, else always"),
                choices: ["active", "always"],
                change: .live
            ),
            ConfigKey("interval_s", .integer, .integer(10), range: 1...3600, change: .live),
            ConfigKey("timeout_s", .integer, .derived("20 (disk: 60)"), range: 1...3600, change: .live),
            ConfigKey("retries", .integer, .integer(1), range: 0...100, change: .live),
            ConfigKey("start_delay_s", .integer, .integer(0), range: 0...3600, change: .live),
            ConfigKey("restart_max", .integer, .integer(0), range: 0...100, change: .live),
            ConfigKey(
                "action",
                .string("string"),
                .derived("failover with a group, else none"),
                choices: ["none", "failover", "stop", "shutdown"],
                change: .live
            ),
        ]
    )

    /// The type-specific keys of `[[monitor]]`, by `type` (§1.9).
    package static let monitorTypes: [String: ConfigSection] = [
        "ip": ConfigSection(
            "[[monitor]] type = \"ip\"",
            note: "Fails when every target fails one ICMP echo within timeout_s.",
            classInNote: true,
            keys: [ConfigKey("targets", .list("list of IPs"), .required, values: "1-16 addresses", change: .live)]
        ),
        "process": ConfigSection(
            "[[monitor]] type = \"process\"",
            note: "Exactly one of wid (an ARMLOAD watch), pid_file or process_name (as /proc/PID/comm shows it).",
            classInNote: true,
            keys: [
                ConfigKey("wid", .string("string"), .derived("none; exactly one of the three keys"), change: .live),
                ConfigKey("pid_file", .string("path"), .derived("none; exactly one of the three keys"), change: .live),
                ConfigKey(
                    "process_name",
                    .string("string"),
                    .derived("none; exactly one of the three keys"),
                    change: .live
                ),
            ]
        ),
        "script": ConfigSection(
            "[[monitor]] type = \"script\"",
            note: """
                command is an argv; argv[0] is absolute or relative to the group's script directory. Exit 0 \
                means healthy.
                """,
            classInNote: true,
            keys: [ConfigKey("command", .list("argv"), .required, change: .live)]
        ),
        "disk": ConfigSection(
            "[[monitor]] type = \"disk\"",
            note: "Exactly one of device (read with O_DIRECT) or path (a file written and synced there).",
            classInNote: true,
            keys: [
                ConfigKey("device", .string("path"), .derived("none; exactly one of the two keys"), change: .live),
                ConfigKey("path", .string("path"), .derived("none; exactly one of the two keys"), change: .live),
            ]
        ),
        "mirror": ConfigSection(
            "[[monitor]] type = \"mirror\"",
            note: "Fails while the mirror resource named by resource is disconnected or cannot be activated.",
            classInNote: true,
            keys: [ConfigKey("resource", .string("string"), .required, change: .live)]
        ),
    ]

    /// `[armload]` (§1.10).
    package static let armload = ConfigSection(
        "[armload]",
        note: """
            Programs started by armload(1); class L.
            """,
        classInNote: true,
        keys: [
            ConfigKey("max_watches", .integer, .integer(256), range: 1...256, change: .live),
            ConfigKey(
                "users",
                .list("list of user names"),
                .strings([]),
                values: "accounts usable with armload /U",
                change: .live
            ),
            ConfigKey("stop_wait_s", .integer, .integer(30), range: 1...3600, change: .live),
            ConfigKey("service_start_wait_s", .integer, .integer(60), range: 1...3600, change: .live),
            ConfigKey("restart_delay_ms", .integer, .integer(0), range: 0...60000, change: .live),
            ConfigKey("restart_backoff_ms", .integer, .integer(100), range: 0...60000, change: .live),
            ConfigKey("restart_backoff_max_ms", .integer, .integer(30000), range: 0...600000, change: .live),
            ConfigKey("restart_healthy_ms", .integer, .integer(1000), range: 0...3_600_000, change: .live),
        ]
    )

    /// `[services.NAME]` (§1.10), in the order `armcfg show` writes them.
    package static let service = ConfigSection(
        "[services.NAME]",
        note: """
            What armload /S NAME starts; class L. start and stop are argvs with an absolute argv[0]; an empty stop \
            sends SIGTERM to the main PID, then SIGKILL. forking needs pid_file.
            """,
        classInNote: true,
        keys: [
            ConfigKey("type", .string("string"), .string("simple"), choices: ["simple", "forking"], change: .live),
            ConfigKey("start", .list("argv"), .required, change: .live),
            ConfigKey("stop", .list("argv"), .strings([]), change: .live),
            ConfigKey("pid_file", .string("path"), .string(""), change: .live),
            ConfigKey("user", .string("string"), .string("root"), change: .live),
            ConfigKey("env", .table, .emptyTable, change: .live),
            ConfigKey("start_wait_s", .integer, .derived("service_start_wait_s"), range: 1...3600, change: .live),
        ]
    )

    /// `[manager]` (§1.11).
    package static let manager = ConfigSection(
        "[manager]",
        note: "armmgrd(8).",
        keys: [
            ConfigKey("enabled_on", .list("list of server names"), .derived("[] (any server)"), change: .restart),
            ConfigKey(
                "listen",
                .list("list of host:port"),
                .strings(["127.0.0.1:20005"]),
                values: "IPv6 as [addr]:port",
                change: .restart
            ),
            ConfigKey("tls", .boolean, .boolean(true), values: "false only on loopback addresses", change: .restart),
            ConfigKey(
                "tls_cert",
                .string("path"),
                .string("/etc/armcluster/tls/manager.crt"),
                values: "PEM",
                change: .restart
            ),
            ConfigKey(
                "tls_key",
                .string("path"),
                .string("/etc/armcluster/tls/manager.key"),
                values: "PEM",
                change: .restart
            ),
            ConfigKey(
                "client_ca",
                .string("path"),
                .string(""),
                values: "mutating API calls need a client certificate signed by it",
                change: .restart
            ),
            ConfigKey("allowed_clients", .list("list of CIDR"), .strings(["127.0.0.1/32", "::1/128"]), change: .live),
            ConfigKey("agent_idle_timeout_s", .integer, .integer(900), range: 60...86400, change: .restart),
            ConfigKey("agent_keepalive_s", .integer, .integer(60), values: "5 to idle/3", change: .restart),
            ConfigKey("client_idle_timeout_s", .integer, .integer(300), range: 10...86400, change: .restart),
        ]
    )

    /// `[log]` (§1.12).
    package static let log = ConfigSection(
        "[log]",
        note: """
            Class N.
            """,
        classInNote: true,
        keys: [
            ConfigKey("level", .integer, .integer(3), range: 0...7, values: "0-7 (trace lines only)", change: .normal),
            ConfigKey("language", .string("string"), .string("en"), choices: ["en", "ja"], change: .normal),
            ConfigKey(
                "format",
                .string("string"),
                .string("text"),
                choices: ["text", "json", "both"],
                change: .normal
            ),
            ConfigKey("utc", .boolean, .boolean(false), change: .normal),
            ConfigKey(
                "syslog",
                .string("string"),
                .string("events"),
                choices: ["none", "events", "all"],
                change: .normal
            ),
            ConfigKey(
                "rotation",
                .string("string"),
                .string("internal"),
                choices: ["internal", "external"],
                change: .normal
            ),
            ConfigKey(
                "script_output_lines",
                .integer,
                .integer(1000),
                range: 0...100000,
                values: "0-100000 per script run",
                change: .normal
            ),
        ]
    )

    /// `[log.files.NAME]` (§1.12; the defaults depend on the file).
    package static let logFile = ConfigSection(
        "[log.files.NAME]",
        note: """
            Class N. The size and count of one log file: NAME is arm, armsvr, armscr, armtun, armmgr, events or armload; \
            armcfg show prints each file's defaults.
            """,
        classInNote: true,
        keys: [
            ConfigKey("size_mib", .integer, .derived("per file"), range: 1...4096, change: .normal),
            ConfigKey("count", .integer, .derived("per file"), range: 1...99, change: .normal),
        ]
    )

    /// The top-level tables, in the order `armcfg show` writes them.
    package static let topLevelTables = [
        "cluster", "server", "group", "monitor", "armload", "services", "manager", "log",
    ]

    /// The sections cluster.toml(5) lists, in its order.
    package static var manualSections: [ConfigSection] {
        [cluster, timing, network, partition, server, group, resource, exec, fip, disk, mirror, share, monitor]
            + ["ip", "process", "script", "disk", "mirror"].compactMap { monitorTypes[$0] }
            + [armload, service, manager, log, logFile]
    }

    /// Every section, type-specific ones included.
    package static var allSections: [ConfigSection] { manualSections }
}
