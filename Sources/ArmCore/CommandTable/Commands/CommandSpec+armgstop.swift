extension CommandSpec {
    /// ARMGSTOP: stop a group (seed §2.2.7; commands.md 2.7).
    package static let armgstop = CommandSpec(
        name: "armgstop",
        summary: "stop a group",
        synopsis: ["group-name"],
        description: [
            """
            Requests a stop of the group (factor GROUPSTOP) and returns once the request is accepted; wait for \
            the result with armgwait /STOP. Refused if the group is stopping or stopped, or its server is not \
            normal. A starting group is stopped after its start.
            """
        ],
        operands: [.required("group-name", completion: .groups)],
        exitStatuses: [
            .init(.success, "the stop was accepted"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the group is stopping or stopped, or its server is not normal"),
            .init(.notFound, "unknown group"),
            .init(.permissionDenied),
        ],
        examples: ["0 6 * * 1-5  root  armgstop nightly && armgwait /STOP nightly 900     # crontab"],
        access: .mutating,
        seed: "§2.2.7"
    )
}
