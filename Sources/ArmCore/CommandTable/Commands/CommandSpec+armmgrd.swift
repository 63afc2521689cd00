extension CommandSpec {
    /// armmgrd: the manager service daemon (seed "CLUSTERPRO Manager" service; commands.md 2.33).
    package static let armmgrd = CommandSpec(
        name: "armmgrd",
        summary: "manager service daemon",
        synopsis: ["[/F] [/C file] [/ROOT dir] [/LISTEN address:port] [/TRACE level]"],
        description: [
            """
            The cluster-wide view: a web status page and a JSON API; not needed for cluster operation. Started \
            as root, it creates its directories, opens its listening sockets and drops to user armmgr; it stays \
            root and logs MGR-205 when that account does not exist or ARM_ROOT is a test rig's.
            """,
            """
            It keeps the clusters registered with it (at least its own, at most 127) in \
            /var/lib/armcluster/manager/armmgrd.db, and for each a connection to one reachable server, reported \
            by armsrvct /p. It serves armsrvct on /run/armcluster/manager/armmgrd.sock and logs to \
            /var/log/armcluster/manager/armmgr.log. Unit armmgrd.service.
            """,
            """
            HTTP: GET / is the status page, GET /metrics the Prometheus metrics (families arm_...), GET \
            /api/v1/status the armstat --json document, GET /api/v1/groups and /api/v1/events; POST \
            /api/v1/groups/NAME/start, stop or move and POST /api/v1/servers/NAME/isolate or return. A mutating \
            call needs a client certificate verified against [manager] client_ca; otherwise it is refused with \
            403 and a JSON body {"error":"..."}, and MGR-204 is logged. Plain HTTP is served only where \
            [manager] tls = false.
            """,
        ],
        options: [
            .flag("F", long: "foreground", help: "Stay in the foreground and copy log lines to stderr."),
            .value(
                "C",
                long: "config",
                placeholder: "file",
                completion: .files,
                default: "/etc/armcluster/cluster.toml",
                help: "Configuration file."
            ),
            .value(
                "ROOT",
                long: "root",
                placeholder: "dir",
                completion: .directories,
                help: "Use instead of ARM_ROOT."
            ),
            .value(
                "LISTEN",
                long: "listen",
                placeholder: "address:port",
                default: "[manager] listen (127.0.0.1:20005)",
                help: "Address to serve HTTP on."
            ),
            .value(
                "TRACE",
                long: "trace",
                placeholder: "level",
                range: 0...7,
                default: "[log] level",
                help: "Trace level of armmgr.log, 7 most detailed."
            ),
        ],
        exitStatuses: [
            .init(.success, "stopped"),
            .init(.failed, "start failed"),
            .init(.usage),
            .init(.permissionDenied, "not root"),
            .init(.busy, "already running"),
            .init(.internal),
            .init(.config, "bad configuration"),
        ],
        examples: ["armmgrd /F /LISTEN 127.0.0.1:20005 /TRACE 4"],
        manSection: 8,
        access: .none,
        seed: "§7.6, §8"
    )
}
