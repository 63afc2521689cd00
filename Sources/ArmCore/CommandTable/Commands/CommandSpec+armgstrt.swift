extension CommandSpec {
    /// ARMGSTRT: start a group (seed §2.2.6; commands.md 2.6).
    package static let armgstrt = CommandSpec(
        name: "armgstrt",
        summary: "start a group",
        synopsis: ["group-name [server-name]"],
        description: [
            """
            Requests a start of the group on server-name, by default the highest-priority normal server of its \
            failover policy, and returns once the request is accepted; wait for the result with armgwait.
            """,
            """
            Refused if the group is starting or started, or the server is not normal; also if the server is \
            outside the group's policy, an exclusive group runs there, or a mirror rebuild blocks the group. A \
            stopping group is started after its stop.
            """,
        ],
        operands: [
            .required("group-name", completion: .groups),
            .optional("server-name", completion: .servers, help: "Where to start it (default: first normal server)."),
        ],
        exitStatuses: [
            .init(.success, "the start was accepted"),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the group is starting or started, or the server cannot run it now"),
            .init(.notFound, "unknown group or server"),
            .init(.permissionDenied),
        ],
        examples: ["armgstrt reports node2 && armgwait reports 300"],
        access: .mutating,
        seed: "§2.2.6"
    )
}
