extension CommandSpec {
    /// ARMBCAST: broadcast a message to terminals (seed §2.2.11; commands.md 2.12).
    package static let armbcast = CommandSpec(
        name: "armbcast",
        summary: "broadcast a message to terminals",
        synopsis: ["/MSG text [/A]"],
        description: [
            """
            Sends text (1-512 bytes, one line) like wall(1) to the terminals of all logged-in users of this \
            server, or of every normal server with /A, headed "Broadcast message from ARMBCAST@server (time):". \
            Each receiving server also records it in its events.log as event 30050, an armmgrd alert; with no \
            terminal logged in, that record is the delivery.
            """,
            "Refused when ARMS_EVENT is RECOVER.",
        ],
        options: [
            .value("MSG", long: "message", placeholder: "text", help: "The message, one line (required)."),
            .flag("A", long: "all", help: "Send to every normal server of the cluster."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "with /A: a server was not reached"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "run from a RECOVER script"),
            .init(.permissionDenied),
        ],
        examples: [#"[ "$CLP_DISK" = FAILURE ] && armbcast /MSG "Failed to connect the switched disk partition" /A"#],
        access: .mutating,
        seed: "§2.2.11"
    )
}
