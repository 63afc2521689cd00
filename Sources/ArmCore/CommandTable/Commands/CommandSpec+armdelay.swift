extension CommandSpec {
    /// ARMDELAY: show or set the start delay (public ARMDELAY.EXE; commands.md 2.25).
    package static let armdelay = CommandSpec(
        name: "armdelay",
        summary: "show or set the start delay",
        synopsis: ["[seconds]"],
        description: [
            """
            Without an operand it prints the start delay in seconds (read-only; --json prints {"delay":120}). \
            With one (0-3600, root only) it writes /etc/armcluster/startup-delay; a missing file means 0.
            """,
            """
            At boot armmond waits that long before heartbeats and the mirror engine start, for shared storage \
            that needs time after a power cut. armmond /NODELAY ignores it. Needs no armmond.
            """,
        ],
        options: [.json],
        operands: [.optional("seconds", help: "New delay, 0-3600.")],
        exitStatuses: [
            .init(.success),
            .init(.failed, "the file could not be read or written"),
            .init(.usage),
            .init(.permissionDenied, "setting needs root"),
        ],
        examples: ["armdelay 120     # on every server whose shared storage needs time after a power cut"],
        manSection: 8,
        access: .none,
        seed: "public"
    )
}
