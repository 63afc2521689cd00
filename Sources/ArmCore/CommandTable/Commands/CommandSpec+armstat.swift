extension CommandSpec {
    /// ARMSTAT: status, human or JSON, in bounded time (new; commands.md 2.29).
    package static let armstat = CommandSpec(
        name: "armstat",
        summary: "status, human or JSON, bounded time",
        synopsis: ["[--json] [/TIMEOUT seconds] [all|cluster|server|group|resource|armload|mirror|share [NAME]]"],
        description: [
            """
            Prints the state of the cluster from the local armmond and never hangs. armmond answers from its \
            local snapshot without waiting for peers; peer data carries its age, and a peer silent beyond the \
            heartbeat timeout shows down or unknown. The whole run is bounded by /TIMEOUT.
            """,
            """
            If armmond is unreachable, armstat opens state.sqlite read-only (root only; others just get exit \
            3), prints "# armmond unreachable; last state from TIME", shows the cluster as stopped and exits 3.
            """,
            """
            An unknown NAME prints "armstat: no such group NAME" (server, WID, mirror set, share) on stderr and \
            exits 5; armstat armload without watches prints its header and "(no watches)".
            """,
            """
            The view defaults to all. NAME narrows server, group, armload (a WID), mirror and share; for \
            resource it names a group. Columns are separated by at least two spaces, * marks the local server, \
            a failed group shows its state as stopped/failed or started/failed, and INTERCONNECTS counts the \
            disk heartbeat too:
            """,
            """
              Cluster prod  state normal  config 3fa9c2e1b7d0  partition method majority
                SERVER   STATE                HB-AGE  INTERCONNECTS
              * node1    normal               -       2/2
                node2    down-then-restarted  0.8s    2/2
                GROUP    STATE    SERVER  FAILOVERS  POLICY
                web      started  node1   0/3        node1,node2
                WID      GROUP  KIND     PID/UNIT       START    MONITOR     RESTARTS
                WEB      web    service  nginx.service  running  monitoring  1/3
            """,
            """
            --json prints one document on one line: {"armstat":1, "source":"monitor" or "database", "time", \
            "local_server", "cluster", "servers", "groups", "resources", "armload", "mirrors", "shares"}. Views \
            not requested are absent and unknown values are null. Read-only; not logged.
            """,
        ],
        options: [
            .json,
            .value(
                "TIMEOUT",
                long: "timeout",
                placeholder: "seconds",
                range: 1...30,
                default: "3",
                help: "Bound on the whole run."
            ),
        ],
        operands: [
            .optional(
                "view",
                choices: ["all", "cluster", "server", "group", "resource", "armload", "mirror", "share"],
                help: "What to show (default: all)."
            ),
            .optional("NAME", help: "Narrow the view to one server, group, WID, mirror set or share."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.usage),
            .init(.monitorUnreachable, "armmond unreachable; the last stored state was printed if possible"),
            .init(.notFound, "NAME not found"),
            .init(.internal),
        ],
        examples: [
            "*/5 * * * *  root  armstat cluster >/dev/null || logger -t arm \"armstat exit $?\"     # crontab",
            "armstat --json group web",
        ],
        access: .readOnly,
        seed: "new"
    )
}
