extension CommandSpec {
    /// ARMFOVER: fail a group over (seed §2.2.5; commands.md 2.5).
    package static let armfover = CommandSpec(
        name: "armfover",
        summary: "fail a group over",
        synopsis: ["[/T server] [group-name]"],
        description: [
            """
            Requests a failover of the group and returns once it is accepted; wait for the result with \
            armgwait. The group defaults to ARMS_GROUP. The stop script runs on the current server (FAILOVER, \
            GROUPFAILOVER), the start script on the destination (FAILOVER).
            """,
            """
            The destination is /T, else the highest-priority server of the failover policy, other than the \
            current one, that is normal and runs no exclusive group. Refused while the group is stopping or \
            stopped, or with no eligible destination. While the group is starting (for example from its own \
            start script) the failover waits until the start ends.
            """,
        ],
        options: [
            .value(
                "T",
                long: "to",
                placeholder: "server",
                completion: .servers,
                help: "Destination server, in the group's policy and normal."
            )
        ],
        operands: [.optional("group-name", completion: .groups, help: "The group (default: ARMS_GROUP).")],
        exitStatuses: [
            .init(.success, "the failover was accepted"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the group is stopping or stopped, or no server can take it"),
            .init(.notFound, "unknown group or server"),
            .init(.permissionDenied),
        ],
        examples: ["check_backend || { armfover; exit 0; }     # in start.sh"],
        access: .mutating,
        seed: "§2.2.5"
    )
}
