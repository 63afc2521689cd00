extension CommandSpec {
    /// ARMSSTDN: cluster shutdown (seed §2.2.13, §3.5; commands.md 2.15).
    package static let armsstdn = CommandSpec(
        name: "armsstdn",
        summary: "cluster shutdown",
        synopsis: ["[/R | /STOP]"],
        description: [
            """
            Shuts the whole cluster down from any server. Every server stops its groups (factor \
            CLUSTERSHUTDOWN, no failover). Then each server carries out its shutdown_action, or reboots with \
            /R, or only stops armmond with /STOP.
            """,
            """
            Preconditions: this server is a cluster member, armmond runs here, and the cluster is normal or \
            substitute.
            """,
        ],
        options: [
            .flag("R", long: "reboot", help: "Reboot every server instead of the configured shutdown action."),
            .flag("STOP", long: "stop", help: "Only stop armmond on every server."),
        ],
        exitStatuses: [
            .init(.success, "the cluster shutdown was accepted"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable, "armmond is not started (ARMSSTDN-04)"),
            .init(.refused, "the server is not operating as a cluster (ARMSSTDN-02), or the cluster state forbids it"),
            .init(.permissionDenied),
        ],
        examples: ["armsstdn || armstdn     # UPS power-fail hook"],
        manSection: 8,
        access: .mutating,
        seed: "§2.2.13, §3.5"
    )
}
