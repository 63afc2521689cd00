extension CommandSpec {
    /// ARMGETCD: return a stored code as exit status (seed §2.2.10; commands.md 2.11).
    package static let armgetcd = CommandSpec(
        name: "armgetcd",
        summary: "return a stored code as exit status",
        synopsis: ["[/D default] NAME", "/P [/D default] [--json] NAME"],
        description: [
            """
            Plain form: the exit status is the value stored under NAME by armsetcd, and nothing is printed. \
            0-253 is the value (or /D if NAME is not set); 254 means not set and no /D; 255 means any failure \
            (usage, unreachable, permission, internal), explained on stderr.
            """,
            """
            With /P the value is printed in decimal on stdout and the exit status follows the common table: 0, \
            or 5 when NAME is not set (nothing is printed unless /D is given). --json implies /P and prints \
            {"name":"RET","value":2}, with null when not set.
            """,
            """
            armgetcd reads the local copy of the code table, so it needs no quorum; on a server outside the \
            quorate side the value may be stale. Console close and internal errors act as for armcall. An unset \
            name still logs ARMGETCD-01.
            """,
        ],
        options: [
            .value(
                "D",
                long: "default",
                placeholder: "default",
                range: 0...253,
                help: "Value to use when NAME is not set."
            ),
            .flag("P", long: "print", help: "Print the value on stdout; the exit status follows the common table."),
            .json,
        ],
        operands: [.required("NAME", completion: .codes, help: "Code name.")],
        exitStatuses: [
            .init(.success, "with /P: the value was printed (plain form: the stored value 0)"),
            .init(.usage, "with /P: invalid parameter"),
            .init(.monitorUnreachable, "with /P: the local armmond is not reachable"),
            .init(.notFound, "with /P: NAME is not set and no /D was given"),
            .init(.permissionDenied, "with /P: the caller is not permitted"),
            .init(.internal, "with /P: protocol mismatch, corrupt state, bug"),
        ],
        otherExitCodes: [
            .init("0-253", "plain form: the stored value, or /D when NAME is not set"),
            .init("254", "plain form: NAME is not set and no /D was given"),
            .init("255", "plain form: any failure (usage, unreachable, permission, internal)"),
        ],
        examples: [
            """
            armload CHK /W /opt/app/bin/check.sh     # check.sh ends with: armsetcd CHKRESULT 2
            armkill CHK
            armgetcd CHKRESULT; rc=$?
            case $rc in 0|1) ;; 254) echo "no result" ;; *) exit 1 ;; esac
            """
        ],
        access: .readOnly,
        seed: "§2.2.10",
        usageExit: .code(255, unlessWith: ["P", "json"])
    )
}
