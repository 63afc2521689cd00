extension CommandSpec {
    /// ARMSTDN: orderly shutdown of this server (seed §2.2.13; commands.md 2.14).
    package static let armstdn = CommandSpec(
        name: "armstdn",
        summary: "orderly shutdown of this server",
        synopsis: ["[/R | /STOP]"],
        description: [
            """
            Shuts this server down in order: its groups stop (factor SERVERSHUTDOWN) and fail over to the other \
            servers. Then [cluster] shutdown_action of cluster.toml runs (poweroff by default); /R reboots \
            instead, and /STOP only stops armmond. These are the original's variants shutdown, restart and stop.
            """,
            "Refused when the cluster is stopped. armstdn returns once the shutdown is accepted.",
        ],
        options: [
            .flag("R", long: "reboot", help: "Reboot instead of the configured shutdown action."),
            .flag("STOP", long: "stop", help: "Only stop armmond; the machine keeps running."),
        ],
        exitStatuses: [
            .init(.success, "the shutdown was accepted"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the cluster is stopped"),
            .init(.permissionDenied),
        ],
        examples: ["armstdn /R     # maintenance reboot; the groups move to the other servers first"],
        manSection: 8,
        access: .mutating,
        seed: "§2.2.13"
    )
}
