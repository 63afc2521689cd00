extension CommandSpec {
    /// ARMMIRROR: mirror status, build, verify, forced return (seed §6.3–§6.7; commands.md 2.34).
    package static let armmirror = CommandSpec(
        name: "armmirror",
        summary: "mirror status, build, verify, forced return",
        synopsis: [
            "[--json] [mirror-set]",
            "build mirror-set [/FROM server] [/NOWAIT]",
            "verify mirror-set [/NOWAIT]",
            "stop mirror-set",
            "force mirror-set [/Y]",
        ],
        description: [
            """
            Administers the mirror resources of cluster.toml (mirror-set is the resource name): the command form \
            of the original Mirror Disk Administrator and Mirror Disk Helper.
            """,
            """
            * Without an operation (read-only) it shows, per set, each side's disk state, which side holds the \
            latest data and why (generations, break and last-update times), a running build or verify with its \
            percentage, and the actions allowed now (build, force or none).
            """,
            """
            * build copies from /FROM (default: the side holding the latest data) to the other side: \
            differential where the bitmap allows, else a full copy. Both servers must be normal, and the source \
            must hold the latest data and must not have been the destination of an interrupted build; otherwise \
            it is refused (exit 4). It waits until the build ends and, when stderr is a terminal, redraws one \
            progress line there; /NOWAIT returns once the build has started, and Ctrl-C only stops the waiting.
            """,
            """
            * verify compares both replicas online, block by block by checksum, within the resync rate limit, \
            and waits like build: exit 0 when they are equal, 1 when not (the differing ranges go to stderr and \
            armsvr.log, and their blocks are marked dirty for the next build).
            """,
            "* stop interrupts a running build or verify.",
            """
            * force declares this server's replica the latest, so that it may become active here; refused while \
            the peer is normal with an up-to-date replica, or while a build runs. It asks [y or n] on a \
            terminal; /Y answers yes; without a terminal the answer is no.
            """,
            "All operations except the display are mutating.",
        ],
        options: [
            .json,
            .value(
                "FROM",
                long: "from",
                placeholder: "server",
                completion: .servers,
                help: "build: the source server."
            ),
            .flag("NOWAIT", long: "no-wait", help: "build, verify: return once started."),
            .flag("Y", long: "yes", help: "force: answer yes."),
        ],
        operands: [
            .optional(
                "operation",
                completion: .mirrors,
                choices: ["build", "verify", "stop", "force"],
                help: "What to do; without one, show the state."
            ),
            .optional("mirror-set", completion: .mirrors, help: "Name of the mirror resource."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "verify found differences, or the operation failed"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the servers' or the set's state forbids the operation"),
            .init(.notFound, "unknown mirror set"),
            .init(.permissionDenied),
            .init(.busy, "a build or verify already runs"),
        ],
        examples: [
            """
            armmirror                          # on each server: which side holds the latest data?
            armmirror force db-data /Y && armmode /F     # on that one
            armmode                            # then on the other; its return rebuilds the mirror
            """
        ],
        manSection: 8,
        access: .mixed,
        seed: "§6.3–§6.7"
    )
}
