extension CommandSpec {
    /// ARMDOWN: take this server down at once (seed §2.2.12; commands.md 2.13).
    package static let armdown = CommandSpec(
        name: "armdown",
        summary: "take this server down at once",
        synopsis: ["[/R]"],
        description: [
            """
            The data-protection exit of stop scripts when an application on the shared disk cannot be stopped. \
            armmond logs ARMDOWN-03, stops sending heartbeats, runs no more scripts (its own stop procedure is \
            skipped), calls sync() and carries out [cluster] shutdown_action of cluster.toml (poweroff, reboot, \
            or exit for test rigs). /R turns poweroff into reboot.
            """,
            """
            The peers see a server down after the heartbeat timeout and fail over as usual. Refused when this \
            server is already down or shutting down.
            """,
        ],
        options: [.flag("R", long: "reboot", help: "Reboot instead of powering off.")],
        exitStatuses: [
            .init(.success, "accepted; the machine then stops"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "this server is already down or shutting down"),
            .init(.permissionDenied),
        ],
        examples: ["/opt/db/bin/dbctl stop || armdown     # in stop.sh: the database holds the shared disk"],
        manSection: 8,
        access: .mutating,
        seed: "§2.2.12"
    )
}
