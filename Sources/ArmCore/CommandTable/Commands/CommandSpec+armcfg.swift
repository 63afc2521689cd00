extension CommandSpec {
    /// ARMCFG: check, show and apply the configuration; preflight; key and lock-area set-up (commands.md 2.30).
    package static let armcfg = CommandSpec(
        name: "armcfg",
        summary: "check, show and apply (push) the configuration; preflight; key and lock-area set-up",
        synopsis: [
            "check [--system] [FILE]",
            "show [--pending] [--json]",
            "apply [FILE] [/FORCE]",
            "keygen [/FORCE]",
            "init-lock",
        ],
        description: [
            """
            * check validates FILE (default /etc/armcluster/cluster.toml) with the validator armmond uses, \
            without armmond. Findings go to stderr as FILE:LINE:COL: message or FILE:LINE:COL: warning: message, \
            at most 100, then "too many errors". --json prints them as one JSON array on stdout. It also checks \
            the start.sh and stop.sh of this server's groups: each must exist and be a regular, executable, \
            root-owned file that neither group nor others can write. Without errors it prints one summary line, \
            FILE: OK, 1 server, 1 group, and exits 0; with any it exits 10.
            """,
            """
            * check --system also checks this server after the file: cluster ports free (skipped while armmond \
            runs), every peer's interconnect and mirror addresses reachable, the clock offset to each peer, \
            network offloads, the configuration hash of every reachable peer, and the group scripts. Each \
            finding is one line "system: CHECK: [warning: ]message (fix: hint)". A system error gives exit 1, \
            unless a configuration error gives 10.
            """,
            """
            * show prints the configuration armmond runs with, as TOML with the defaults filled in, headed \
            "# hash" and 12 hex digits. --pending lists the changes that wait for a restart. If armmond is \
            unreachable it exits 3.
            """,
            """
            * apply distributes and commits FILE (default /etc/armcluster/cluster.toml.new) on every server with \
            a two-phase commit. It refuses (exit 4) when a precondition of the change class fails, and when a \
            server is unreachable unless /FORCE is given. A failed prepare aborts everywhere (exit 1); invalid \
            input exits 10.
            """,
            """
            * keygen writes a new cluster key: 32 bytes from /dev/urandom as one line of 64 lowercase hex \
            digits, mode 0600 root:root, to the key_file of cluster.toml when that file is readable, else to \
            /etc/armcluster/cluster.key. It refuses to replace an existing key (exit 8) unless /FORCE is given. \
            Copy the file to every server.
            """,
            """
            * init-lock writes the header of the lock area on lock_device. keygen and init-lock are root only \
            and refuse while armmond runs (exit 4).
            """,
            """
            apply, keygen and init-lock are mutating. ARM.LOG gets ARMCFG-01 when a configuration was applied \
            and ARMCFG-02 when a server failed to apply it.
            """,
        ],
        options: [
            .flag("SYSTEM", long: "system", help: "check: also check this server (preflight)."),
            .flag("PENDING", long: "pending", help: "show: list the changes that wait for a restart."),
            .flag("FORCE", long: "force", help: "apply: go on without unreachable servers; keygen: replace the key."),
            .json,
        ],
        operands: [
            .required(
                "operation",
                choices: ["check", "show", "apply", "keygen", "init-lock"],
                help: "What to do."
            ),
            .optional("FILE", completion: .files, help: "Configuration file for check and apply."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "a system check failed, or a prepare failed and the apply was aborted"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "a precondition of the change failed, a server is unreachable, or armmond runs"),
            .init(.permissionDenied),
            .init(.busy, "a key exists already"),
            .init(.config, "the configuration has errors"),
        ],
        examples: ["armcfg check /etc/armcluster/cluster.toml.new && armcfg apply"],
        manSection: 8,
        access: .mixed,
        seed: "new"
    )
}
