extension CommandSpec {
    /// MDOPEN: mount the local mirror replica on a detached server (seed §2.2.19, §6.5; commands.md 2.23).
    package static let mdopen = CommandSpec(
        name: "mdopen",
        summary: "mount the local mirror replica on a detached server",
        synopsis: ["mirror-set"],
        description: [
            """
            Step 3 of a snapshot backup: armmode /C, mdopen, backup, mdclose, armmode (the return rebuilds the \
            mirror). mirror-set is the name of a mirror resource in cluster.toml.
            """,
            """
            Mounts this server's replica of the set on the set's configured mount point, read-only and without \
            journal replay (ro,noload for ext4, ro,norecovery for xfs), or read-write when the resource has \
            snapshot_readonly = false.
            """,
            """
            A refusal (MDOPEN-03, exit 4) carries its reason number: 001 this server is not \
            down-then-restarted; 002 the peer is not normal; 003 the set is being rebuilt; 004 already open; 005 \
            the replica was inconsistent when mirroring stopped.
            """,
        ],
        operands: [.required("mirror-set", completion: .mirrors, help: "Name of the mirror resource.")],
        exitStatuses: [
            .init(.success),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "this server's or the set's state forbids it (reason number in the text)"),
            .init(.notFound, "unknown mirror set"),
            .init(.permissionDenied),
        ],
        examples: [
            """
            armmode /C || exit 1
            mdopen md1 && tar -C /srv/md1 -czf /backup/md1-$(date +%F).tgz .; rc=$?
            mdclose md1; armmode || exit 1; exit $rc
            """
        ],
        access: .mutating,
        seed: "§2.2.19, §6.5"
    )
}
