extension CommandSpec {
    /// MDCLOSE: unmount what mdopen mounted (seed §2.2.19; commands.md 2.24).
    package static let mdclose = CommandSpec(
        name: "mdclose",
        summary: "unmount it",
        synopsis: ["mirror-set"],
        description: [
            """
            Step 5 of a snapshot backup: unmounts the replica that mdopen mounted. Refused with MDCLOSE-03 \
            number 001 when the set is not open. An unmount that fails with EBUSY is MDCLOSE-04 with code 0x10, \
            exit 8.
            """
        ],
        operands: [.required("mirror-set", completion: .mirrors, help: "Name of the mirror resource.")],
        exitStatuses: [
            .init(.success),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the set is not open"),
            .init(.notFound, "unknown mirror set"),
            .init(.permissionDenied),
            .init(.busy, "the mount point is busy"),
        ],
        examples: ["mdclose md1; armmode || exit 1"],
        access: .mutating,
        seed: "§2.2.19"
    )
}
