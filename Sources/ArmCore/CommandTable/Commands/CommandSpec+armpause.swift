extension CommandSpec {
    /// ARMPAUSE: show a message and wait for Enter (seed §2.2.15; commands.md 2.17).
    package static let armpause = CommandSpec(
        name: "armpause",
        summary: "show a message and wait for Enter",
        synopsis: ["[text...]"],
        description: [
            """
            Writes text (default "Press Enter to continue.") to /dev/tty and waits for a line. text is the \
            tail: from its first word on, nothing is parsed as an option. Without a controlling terminal, the normal case under armmond, \
            it logs ARMPAUSE-03 and exits 1 at once. Needs no armmond.
            """
        ],
        operands: [.tail("text", help: "The message (default: Press Enter to continue.).")],
        exitStatuses: [
            .init(.success),
            .init(.failed, "no terminal to show the message on"),
            .init(.usage),
        ],
        examples: ["armpause Replace the backup tape, then press Enter."],
        access: .none,
        seed: "§2.2.15"
    )
}
