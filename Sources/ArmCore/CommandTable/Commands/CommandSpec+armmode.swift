extension CommandSpec {
    /// ARMMODE: detach, return or force-return this server (seed §2.2.4, §3.5; commands.md 2.4).
    package static let armmode = CommandSpec(
        name: "armmode",
        summary: "detach, return or force-return this server",
        synopsis: ["[/C | /I | /F]"],
        description: [
            "Changes the mode of the server it runs on and waits until done. At most one option may be given.",
            """
            * /C detaches: this server becomes down-then-restarted and its groups move away (GROUPMOVE); a group \
            with no other normal server in its policy is stopped. Refused unless this server is normal and at \
            least two servers, itself included, are normal.
            """,
            "* /I detaches as /C does, refused only if this server is not normal; groups may end up stopped.",
            """
            * Without an option the server returns: refused unless it is down-then-restarted, another server is \
            normal, no mirror rebuild runs here and no mirror set is open by mdopen. Mirror sets are rebuilt \
            after the return, and RECOVER scripts run.
            """,
            """
            * /F returns by force: refused unless this server is down-then-restarted and no server is normal; \
            also refused on the minority side under the majority method, after a network partition in a mirror \
            cluster, or without the latest data of every mirror set (DETAIL lists them). This server's \
            configuration becomes the cluster's, and all groups stay stopped.
            """,
            """
            A refusal (ARMMODE-03, exit 4) carries its reason number: 001 this server not normal; 002 fewer \
            than two normal; 003 a normal server exists; 004 not down-then-restarted; 005 no normal server (use \
            /F); 006 rebuild running; 007 minority side; 008 partition in a mirror cluster; 009 a mirror set is \
            open; 010 not the latest mirror data. armmond then logs MONITOR-05 (detach) or MONITOR-06 (return).
            """,
        ],
        options: [
            .flag("C", long: "detach", help: "Detach this server; refused unless two servers are normal."),
            .flag("I", long: "isolate", help: "Detach this server even if it is the last normal one."),
            .flag("F", long: "force-return", help: "Return this server when no server is normal."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "this server's or the cluster's state forbids the change (reason number in the text)"),
            .init(.permissionDenied),
        ],
        examples: [
            """
            armmode /C || exit 1
            mdopen md1 && tar -C /srv/md1 -czf /backup/md1-$(date +%F).tgz .; rc=$?
            mdclose md1; armmode || exit 1; exit $rc
            """
        ],
        manSection: 8,
        access: .mutating,
        seed: "§2.2.4, §3.5"
    )
}
