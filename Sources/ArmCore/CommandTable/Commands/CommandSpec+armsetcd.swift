extension CommandSpec {
    /// ARMSETCD: store a code 0–253 in the cluster-wide code table (seed §2.2.10; commands.md 2.10).
    package static let armsetcd = CommandSpec(
        name: "armsetcd",
        summary: "store a code 0–253",
        synopsis: ["NAME value", "/DEL NAME"],
        description: [
            """
            Stores value (0-253) under NAME in the cluster-wide code table, or deletes NAME with /DEL. This is \
            the way to carry a result out of an armload /W program; armgetcd reads it back. NAME is 1-64 of \
            A-Z a-z 0-9 _ . - and case-insensitive.
            """,
            """
            Every server keeps a copy of the table in its state.sqlite, kept across restarts and reboots. A \
            write is acknowledged only after every normal server of the quorate side has stored it durably. A \
            server that is not normal on the quorate side (minority, down-then-restarted, single) refuses with \
            ARMSETCD-92 (exit 4) and changes nothing. A server that joins or returns copies the table before it \
            becomes normal.
            """,
            """
            Besides root and members of group armadm, the session of a program started by armload may use it. \
            Console close and internal errors act as for armcall.
            """,
        ],
        options: [.flag("DEL", long: "delete", help: "Delete NAME instead of storing a value.")],
        operands: [
            .required("NAME", completion: .codes, help: "Code name."),
            .optional("value", help: "Value to store, 0-253."),
        ],
        exitStatuses: [
            .init(.success, "stored (or deleted) on every normal server of the quorate side"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "this server is not normal on the quorate side"),
            .init(.notFound, "/DEL of an unknown name"),
            .init(.permissionDenied),
            .init(.internal),
        ],
        examples: ["armsetcd CHKRESULT 2     # at the end of a program run by armload /W"],
        access: .mutating,
        seed: "§2.2.10"
    )
}
