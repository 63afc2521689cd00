extension CommandSpec {
    /// ARMRSP: script-level resource and public-LAN monitor (seed §2.2.16; commands.md 2.19).
    package static let armrsp = CommandSpec(
        name: "armrsp",
        summary: "script-level resource and public-LAN monitor",
        synopsis: ["[/INT seconds] [/RES resource[,resource...]] [/IP address[,address...]]..."],
        description: [
            """
            A foreground monitor for the group named in ARMS_GROUP. Start it unwatched with armload and stop it \
            with armkill.
            """,
            """
            Every /INT seconds it asks armmond for the status of the listed resources (/RES; default: all of the \
            group) and pings every address of each /IP condition (ICMP echo, 2 second timeout). /IP may be \
            given several times; the n-th /IP is condition n, and a condition fails when none of its addresses \
            answers.
            """,
            """
            An error is 3 failed rounds in a row, or a resource that is not active. On an error armrsp raises \
            event 14013/14014 and requests a failover of the group (ARMRSP-05), then exits 0; if the group's \
            maximum failover count is exceeded it logs ARMRSP-07 and keeps monitoring. Resources that are \
            activating or deactivating are logged once and skipped.
            """,
            """
            If built-in resource monitoring is configured for the group, armrsp logs ARMRSP-06 and exits 0. \
            SIGTERM ends it with exit 0.
            """,
        ],
        options: [
            .value(
                "INT",
                long: "interval",
                placeholder: "seconds",
                range: 1...3600,
                default: "10",
                help: "Seconds between two checks."
            ),
            .value(
                "RES",
                long: "resources",
                placeholder: "resource[,resource...]",
                default: "all resources of the group",
                help: "Resources to check."
            ),
            .value(
                "IP",
                long: "ip",
                placeholder: "address[,address...]",
                repeatable: true,
                help: "One public-LAN condition: it fails when none of these addresses answers."
            ),
        ],
        exitStatuses: [
            .init(.success, "a failover was requested, monitoring is built in, or SIGTERM"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "no group name in the environment"),
            .init(.permissionDenied),
            .init(.internal),
        ],
        examples: ["armload WEBRSP armrsp /INT 5 /IP 192.168.10.1,192.168.10.2 /IP 10.0.0.254"],
        access: .mixed,
        seed: "§2.2.16"
    )
}
