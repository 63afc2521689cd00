extension CommandSpec {
    /// ARMGWAIT: wait until a group is started or stopped (seed §2.2.8; commands.md 2.8).
    package static let armgwait = CommandSpec(
        name: "armgwait",
        summary: "wait until a group is started or stopped",
        synopsis: ["[/STOP] group-name [seconds]"],
        description: [
            """
            Waits until the group is started on some server, or with /STOP until it is stopped. seconds is \
            0-86400, default 300; 0 waits without limit.
            """,
            """
            An unknown group name is not rejected: the wait times out with DETAIL "no such group". Waiting for \
            the group in ARMS_GROUP from that group's own script is a usage error, because it would never end.
            """,
        ],
        options: [.flag("STOP", long: "stopped", help: "Wait until the group is stopped.")],
        operands: [
            .required("group-name", completion: .groups),
            .optional("seconds", help: "Longest wait, 0-86400 (default 300; 0 = no limit)."),
        ],
        exitStatuses: [
            .init(.success, "the group reached the state"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.timeout, "the wait expired, also for an unknown group"),
            .init(.internal),
        ],
        examples: ["armgwait db 600 || exit 1     # in start.sh of group app"],
        access: .readOnly,
        seed: "§2.2.8"
    )
}
