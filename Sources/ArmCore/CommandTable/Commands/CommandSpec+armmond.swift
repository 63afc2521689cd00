extension CommandSpec {
    /// armmond: the node monitor daemon (seed "CLUSTERPRO Server" service; commands.md 2.32).
    package static let armmond = CommandSpec(
        name: "armmond",
        messagePrefix: "MONITOR",
        summary: "node monitor daemon",
        synopsis: ["[/F] [/C file] [/ROOT dir] [/SERVER name] [/NODELAY] [/CHECK]", "/STOP [seconds]"],
        description: [
            """
            The node monitor: one per server, run as root. It keeps the cluster membership by heartbeats, runs \
            the groups' resources and scripts, supervises the programs started by armload and answers the \
            commands on /run/armcluster/armmond.sock.
            """,
            """
            Without /F it double-forks into the background. With NOTIFY_SOCKET (unit armmond.service, \
            Type=notify) it stays in the foreground and sends READY=1 once the socket listens.
            """,
            """
            Start order: take the armmond.lock lock (a second instance prints "armmond: already running (pid N)" \
            and exits 8), write armmond.pid, wait the start delay (armdelay), listen on the socket, log \
            MONITOR-01 (MONITOR-02 if it starts down-then-restarted) and join the cluster. Until it has joined, \
            armstat shows it single and group operations are refused. The only server of a single-server \
            cluster is normal as soon as the socket listens; there, a start after an unclean stop re-attaches \
            to the groups and armload programs still running.
            """,
            """
            SIGTERM or SIGINT stops this server in order (its groups fail over, factor SERVERSHUTDOWN) and exits \
            0. SIGHUP reopens the logs. If armmond ends abnormally in a cluster of two or more servers, its \
            keeper process carries out fence_action.
            """,
            """
            /STOP sends SIGTERM to the armmond of this ARM_ROOT (the pid in armmond.pid, checked against the \
            armmond.lock lock), waits up to seconds (default 60) for it to exit, and exits 0 when it stopped, 3 \
            when none was running and 6 when it still runs.
            """,
            """
            This server is the [[server]] entry named by /SERVER, else ARM_SERVER, else the entry named as the \
            host name up to its first dot, else the single entry with an interconnect address on a local \
            interface.
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
                "SERVER",
                long: "server",
                placeholder: "name",
                completion: .servers,
                help: "Which [[server]] entry this node is."
            ),
            .flag("NODELAY", long: "no-delay", help: "Ignore the start delay."),
            .flag(
                "CHECK",
                long: "check",
                help: "Check the configuration and environment like armcfg check, then exit."
            ),
            .flag("STOP", long: "stop", help: "Stop the armmond of this ARM_ROOT and wait for it to exit."),
        ],
        operands: [.optional("seconds", help: "With /STOP: longest wait, 0-3600 (default 60).")],
        exitStatuses: [
            .init(.success, "stopped"),
            .init(.failed, "start failed"),
            .init(.usage),
            .init(.monitorUnreachable, "/STOP: none was running"),
            .init(.timeout, "/STOP: still running after the wait"),
            .init(.permissionDenied, "not root"),
            .init(.busy, "already running"),
            .init(.internal),
            .init(.config, "bad configuration (systemd RestartPreventExitStatus=10)"),
            .init(.shutdownExit, "shutdown_action = exit (test rigs)"),
        ],
        examples: [
            "ARM_ROOT=/srv/n2 ip netns exec n2 armmond /F /SERVER node2     # test node in a network namespace",
            "armmond /STOP 30 || echo \"armmond did not stop: $?\"",
        ],
        manSection: 8,
        access: .none,
        seed: "§2.2.20, §3–§7"
    )
}
