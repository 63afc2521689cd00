extension CommandSpec {
    /// armtool: the multi-call executable behind every command but armmond, armmgrd, armsh (commands.md 1.1).
    ///
    /// Not part of `all`: it dispatches to the rows of that table.
    package static let armtool = CommandSpec(
        name: "armtool",
        summary: "run an ArmCluster command",
        synopsis: ["COMMAND [argument...]", "--help", "--version"],
        description: [
            """
            armtool is the one executable behind the ArmCluster commands. The installer puts one symbolic link \
            per command on PATH; armtool dispatches on the base name it was invoked as, lowercased, with one \
            trailing .exe removed, so armload, ARMLOAD and ARMLOAD.EXE all run armload. armtool COMMAND \
            ARGUMENTS is the same as COMMAND ARGUMENTS. armtool alone, or armtool --help, lists the commands; \
            an unknown command name exits 2.
            """,
            """
            Every command accepts its options as /NAME, -NAME and --long-name, case-insensitively; a value \
            follows the first = or : in the same word (/R:3, --retry=3) or is the next word. /?, -?, --help \
            (and -h, /h for commands without an option H) print the usage; --version prints the version.
            """,
            """
            Commands print every refusal, failure or warning as one line "cmd: TEXT (DETAIL)" on stderr, in \
            Japanese when LC_ALL, LC_MESSAGES or LANG is ja_JP, and exit with a status of the common table in \
            armcluster(7).
            """,
        ],
        options: [
            .flag(nil, long: "help", help: "List the commands and exit."),
            .flag(nil, long: "version", help: "Print the version and exit."),
        ],
        operands: [
            .optional("COMMAND", choices: CommandSpec.armtoolCommandNames, help: "The command to run."),
            .tail("argument", help: "The command's arguments."),
        ],
        exitStatuses: [
            .init(.success, "the command's own status"),
            .init(.usage, "unknown command"),
        ],
        otherExitCodes: [.init("N", "the exit status of the command")],
        examples: ["armtool armstat group web     # the same as: armstat group web"],
        access: .none,
        seed: "design"
    )
}
