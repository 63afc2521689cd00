extension CommandSpec {
    /// ARMCALL: run a command under a cluster-wide exclusive lock (seed §2.2.9; commands.md 2.9).
    package static let armcall = CommandSpec(
        name: "armcall",
        summary: "run a command under a cluster-wide exclusive lock",
        synopsis: ["[/L lock-name] [/T seconds] exec-name [parameter...]"],
        description: [
            """
            Takes the cluster-wide exclusive lock lock-name through the local armmond, runs exec-name with its \
            parameters as a child with the caller's environment, releases the lock and exits with the command's \
            status. Every word from exec-name on is passed verbatim; options must come before it.
            """,
            """
            The lock is granted only to a server that is normal on the quorate side, to one holder at a time, \
            waiters in FIFO order, as a lease that the holder's armmond renews. The command runs in its own \
            process group, registered with armmond. If the holder's server stops being normal on the quorate \
            side (partition, detach, shutdown), armmond kills that process group with SIGKILL and armcall exits \
            137 after ARMCALL-07. Another server gets the lock only after the holder's loss was detected and the \
            safety delay has passed, so there are never two holders.
            """,
            """
            Without /T armcall waits for the lock indefinitely; with /T it gives up with ARMCALL-03 (exit 125, \
            status=8). If armmond is unreachable it exits 125 with status=3; on a server outside the quorate \
            side, 125 with status=4.
            """,
            """
            Console close: SIGHUP while the command runs is forwarded to the command's process group, ARMCALL-04 \
            is logged and a server shutdown is requested (as armstdn). A fork or wait failure after the lock was \
            taken logs ARMCALL-05 and asks armmond to raise event 14006 and shut the server down after failing \
            its groups over.
            """,
        ],
        options: [
            .value(
                "L",
                long: "lock",
                placeholder: "lock-name",
                default: "ARMCALL",
                help: "Name of the lock, 1-64 of A-Z a-z 0-9 _ . -."
            ),
            .value(
                "T",
                long: "lock-timeout",
                placeholder: "seconds",
                range: 1...86400,
                default: "wait forever",
                help: "Give up waiting for the lock after this many seconds."
            ),
        ],
        operands: [.tail("exec-name", completion: .executables, help: "The command to run and its parameters.")],
        exitStatuses: [
            .init(.success, "the command ended with 0"),
            .init(.wrapFailed, "failed before the command ran (lock timeout, usage, armmond unreachable); status=N"),
            .init(.notExecutable, "the command was found but is not executable"),
            .init(.noProgram, "the command was not found"),
        ],
        otherExitCodes: [
            .init("N", "the command's own exit status"),
            .init("128+n", "the command was killed by signal n (137 after the lock was lost, 129 on console close)"),
        ],
        examples: ["armcall /L dbmaint /T 600 /opt/db/bin/reindex --all"],
        access: .mutating,
        seed: "§2.2.9",
        usageExit: .wrapFailed
    )
}
