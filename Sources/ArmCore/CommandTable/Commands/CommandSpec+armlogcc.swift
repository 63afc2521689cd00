extension CommandSpec {
    /// ARMLOGCC: collect logs from all servers (seed §7.9; commands.md 2.28).
    package static let armlogcc = CommandSpec(
        name: "armlogcc",
        summary: "collect logs from all servers",
        synopsis: ["[/S server[,server...]] [/O dir] [/CORES] [/NOSCRIPTS] [/MAXLOG mib] [/CAPTURE seconds]"],
        description: [
            """
            Builds the diagnostics bundle through the local armmond, which collects from every server (or the \
            /S list) over the control channel. The archive armlogcc_CLUSTER_SERVER_YYYYMMDDThhmmssZ.tar.gz is \
            written to /var/log/armcluster/collect/, or to /O, and its path is printed on stdout (--json: the \
            manifest summary). Progress goes to stderr, one line per server.
            """,
            """
            An unreachable server is recorded and collection continues. Ctrl-C or SIGTERM aborts and deletes \
            the partial bundle; the servers' logs are untouched. Only one collection runs in a cluster at a \
            time. A system command that is missing, fails or times out is only recorded in the manifest.
            """,
        ],
        options: [
            .value(
                "S",
                long: "servers",
                placeholder: "server[,server...]",
                completion: .servers,
                default: "all servers",
                help: "Collect from these servers only."
            ),
            .value(
                "O",
                long: "output",
                placeholder: "dir",
                completion: .directories,
                default: "/var/log/armcluster/collect",
                help: "Directory for the archive."
            ),
            .flag("CORES", long: "cores", help: "Include core files of armmond, armmgrd and armtool."),
            .flag("NOSCRIPTS", long: "no-scripts", help: "Leave out the scripts/ and hooks/ directories."),
            .value(
                "MAXLOG",
                long: "max-log-mib",
                placeholder: "mib",
                range: 1...4096,
                default: "256",
                help: "Most MiB of logs to take from each server."
            ),
            .value(
                "CAPTURE",
                long: "capture",
                placeholder: "seconds",
                range: 1...60,
                help: "Add a tcpdump of the heartbeat and control ports of this many seconds."
            ),
            .json,
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "a server was unreachable, or one of its product files unreadable (see the manifest)"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.permissionDenied),
            .init(.busy, "another collection is running"),
        ],
        otherExitCodes: [.init("130", "aborted by Ctrl-C or SIGTERM; the partial bundle was deleted")],
        examples: ["30 3 * * 0  root  armlogcc /O /var/backups/armlogs >/dev/null     # crontab"],
        manSection: 8,
        access: .mutating,
        seed: "§7.9"
    )
}
