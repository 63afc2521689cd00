import ArmCore

/// Command rows for parser tests only, mirroring commands.md section 2 (the real table lives in
/// Sources/ArmCore/CommandTable and may differ in help texts).
enum TestSpecs {
    static func spec(
        _ name: String,
        options: [OptionSpec] = [],
        operands: [OperandSpec] = [],
        grammar: CommandSpec.Grammar = .standard
    ) -> CommandSpec {
        CommandSpec(
            name: name,
            summary: "test",
            synopsis: [],
            description: [],
            options: options,
            operands: operands,
            exitStatuses: [ExitStatusNote(.success)],
            access: .none,
            seed: "test",
            grammar: grammar
        )
    }

    static func value(_ slash: String, _ long: String, _ range: ClosedRange<Int>) -> OptionSpec {
        OptionSpec(slash: slash, long: long, value: .integer(placeholder: "n", range: range), help: "")
    }

    static func text(_ slash: String, _ long: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(
            slash: slash,
            long: long,
            value: .text(placeholder: "text", completion: .none),
            help: "",
            isRepeatable: repeatable
        )
    }

    /// commands.md 2.1.
    static let armload = spec(
        "armload",
        options: [
            .flag("S", long: "service", help: ""),
            .flag("A", long: "attach", help: ""),
            value("R", "retry", 1...9),
            value("H", "hours", 1...24),
            .flag("SCR", long: "script-restart", help: ""),
            OptionSpec(
                slash: "ACT",
                long: "final-action",
                value: .choice(placeholder: "action", ["failover", "shutdown", "none"]),
                help: ""
            ),
            value("WAIT", "start-timeout", 1...3600),
            value("INT", "interval", 1...3600),
            text("U", "user"),
            .flag("W", long: "sync", help: ""),
        ],
        operands: [.required("watch-id"), .tail("program")]
    )

    /// commands.md 2.11.
    static let armgetcd = spec(
        "armgetcd",
        options: [.flag("P", long: "print", help: ""), value("D", "default", 0...253), .json],
        operands: [.required("name")]
    )

    /// commands.md 2.4.
    static let armmode = spec(
        "armmode",
        options: [
            .flag("C", long: "detach", help: ""), .flag("I", long: "isolate", help: ""),
            .flag("F", long: "force-return", help: ""),
        ]
    )

    /// commands.md 2.29.
    static let armstat = spec(
        "armstat",
        options: [.json, value("TIMEOUT", "timeout", 1...30)],
        operands: [
            .optional(
                "view",
                choices: ["all", "cluster", "server", "group", "resource", "armload", "mirror", "share"]
            ),
            .optional("name"),
        ]
    )

    /// commands.md 2.27.
    static let armsrvct = spec(
        "armsrvct",
        options: [
            .flag("s", long: "start", help: ""), .flag("q", long: "stop", help: ""),
            .flag("r", long: "restart", help: ""), .flag("t", long: "trace", help: ""),
            .flag("m", long: "startup", help: ""), .flag("p", long: "connected", help: ""),
            .flag("v", long: "manager-version", help: ""), .flag("d", long: "delete-cluster", help: ""),
            .flag("l", long: "list", help: ""), .json,
        ],
        grammar: .functionSelector
    )

    /// commands.md 2.19 (`/IP` is repeatable).
    static let armrsp = spec(
        "armrsp",
        options: [value("INT", "interval", 1...3600), text("RES", "resources"), text("IP", "ip", repeatable: true)]
    )

    /// commands.md 2.8.
    static let armgwait = spec(
        "armgwait",
        options: [.flag("STOP", long: "stopped", help: "")],
        operands: [.required("group-name"), .optional("seconds")]
    )

    /// commands.md 2.6.
    static let armgstrt = spec(
        "armgstrt",
        operands: [.required("group-name", completion: .groups), .optional("server-name", completion: .servers)]
    )

    /// commands.md 2.26 (operands repeat).
    static let armvxset = spec(
        "armvxset",
        options: [
            .flag("REG", long: "register", help: ""), .flag("DEL", long: "delete", help: ""),
            .flag("ALL", long: "all", help: ""), .flag("Y", long: "yes", help: ""),
        ],
        operands: [.repeated("vg", completion: .files)]
    )

    /// commands.md 2.17 (the tail is the first operand).
    static let armpause = spec("armpause", operands: [.tail("text")])

    /// commands.md 2.20.
    static let armwhshr = spec(
        "armwhshr",
        options: [value("INT", "interval", 1...3600)],
        operands: [.required("share", completion: .directories)]
    )

    /// commands.md 2.12.
    static let armbcast = spec(
        "armbcast",
        options: [text("MSG", "message"), .flag("A", long: "all", help: "")]
    )
}
