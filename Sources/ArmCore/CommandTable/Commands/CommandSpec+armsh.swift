extension CommandSpec {
    /// ARMSH: the interactive shell (new; commands.md 2.31).
    ///
    /// A separate executable, not an armtool command.
    package static let armsh = CommandSpec(
        name: "armsh",
        summary: "interactive shell",
        synopsis: ["[-c line] [-e]"],
        description: [
            """
            A GNU readline shell for the ArmCluster commands. Every command is accepted with or without the arm \
            prefix (gstrt web is armgstrt web; mdopen and mdclose unchanged) and runs as a child armtool CMD \
            ARGS in the foreground process group. Words are split as by the POSIX shell, with quotes and \
            backslash; an unquoted ; separates commands on one line. There are no variables, globs, pipes or \
            redirections.
            """,
            """
            Built-ins: help [cmd] (without cmd: the commands and the last exit status; with it: that command's \
            manual text), history, exit [n], quit, and !line (runs /bin/sh -c line).
            """,
            """
            Ctrl-C interrupts the running command, or clears the line at the prompt; Ctrl-D at the prompt \
            exits. The prompt is armsh(CLUSTER/SERVER)> ; when this server is not normal its state follows the \
            server name, ! is added before ) while a group is failed, and armsh(unreachable)> is shown while \
            armmond cannot be reached.
            """,
            """
            Tab completes the first word, options in the spelling being typed, groups, servers, WIDs, mirror \
            sets, shares, code names and files. Names come from a read-only armmond request (1 second limit, \
            cached 5 seconds); when armmond is unreachable only commands and options complete.
            """,
            """
            History is kept in ~/.armsh_history (ARMSH_HISTFILE), at most 1000 entries (ARMSH_HISTSIZE); lines \
            starting with a space are not saved. If stdin is not a terminal, lines are read without a prompt.
            """,
        ],
        options: [
            .value("C", long: "command", placeholder: "line", help: "Run this line and exit."),
            .flag("E", long: "errexit", help: "Stop at the first command with a non-zero status."),
        ],
        exitStatuses: [
            .init(.success, "the last command's status (0 if none)"),
            .init(.usage, "armsh's own usage error"),
        ],
        otherExitCodes: [.init("N", "the exit status of the last command")],
        examples: ["armsh -c 'armstat; armgwait web'", "armsh -c 'gstop web'"],
        access: .none,
        seed: "new"
    )
}
