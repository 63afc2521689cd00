extension CommandSpec {
    /// ARMNSADD: add a share record and export it (seed §2.2.18; commands.md 2.21).
    package static let armnsadd = CommandSpec(
        name: "armnsadd",
        summary: "add a share record and export it",
        synopsis: ["share-name path"],
        description: [
            """
            Records the share in armmond and runs /etc/armcluster/hooks/share.sh add NAME PATH, which exports \
            the directory by NFS or Samba; without the hook only the record is kept.
            """,
            """
            share-name is at most 80 characters of A-Z a-z 0-9 _ . $ -, not starting with -; path must be valid \
            and accessible; the name must not be shared already. A share added in a group script belongs to the \
            group and is deleted automatically after its stop script, before its disks are released.
            """,
            """
            Internal step numbers of ARMNSADD-03: 1020 name over 80 characters, 1040 invalid path, 1050 invalid \
            character, 1060 no access right to the path, 1090 already shared under that name, 1100 the hook \
            failed (the code is its exit status).
            """,
        ],
        operands: [
            .required("share-name", help: "Name of the share."),
            .required("path", completion: .directories, help: "Directory to share."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "the hook failed (1100)"),
            .init(.usage, "invalid parameter, name over 80 characters (1020) or invalid character (1050)"),
            .init(.monitorUnreachable),
            .init(.notFound, "invalid path (1040)"),
            .init(.permissionDenied, "no access right to the path (1060)"),
            .init(.busy, "already shared under that name (1090)"),
        ],
        examples: ["armnsadd DATA /srv/data/export || exit 1     # in start.sh"],
        access: .mutating,
        seed: "§2.2.18"
    )
}
