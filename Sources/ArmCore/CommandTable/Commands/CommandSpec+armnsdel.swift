extension CommandSpec {
    /// ARMNSDEL: delete a share (seed §2.2.18; commands.md 2.22).
    package static let armnsdel = CommandSpec(
        name: "armnsdel",
        summary: "delete a share",
        synopsis: ["share-name"],
        description: [
            """
            Runs /etc/armcluster/hooks/share.sh del NAME PATH and removes the share record. Internal step \
            numbers of ARMNSDEL-03: 1030 no access right to the share, 1060 share not found, 1100 the hook failed.
            """
        ],
        operands: [.required("share-name", completion: .shares, help: "Name of the share.")],
        exitStatuses: [
            .init(.success),
            .init(.failed, "the hook failed (1100)"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.notFound, "share not found (1060)"),
            .init(.permissionDenied, "no access right to the share (1030)"),
        ],
        examples: ["armnsdel DATA     # in stop.sh; optional, the group stop deletes it anyway"],
        access: .mutating,
        seed: "§2.2.18"
    )
}
