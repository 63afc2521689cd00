extension CommandSpec {
    /// ARMEM: maintenance mode of this server (seed §2.2.14; commands.md 2.16).
    package static let armem = CommandSpec(
        name: "armem",
        summary: "maintenance mode of this server",
        synopsis: ["{on|off|show}"],
        description: [
            """
            on: failures of armload programs, armrsp findings and built-in resource monitoring on this server \
            are logged but cause no restart, failover or shutdown. Heartbeats and server-down handling continue.
            """,
            """
            off, or a restart of armmond, ends maintenance mode. show prints on or off; it is read-only and not \
            logged.
            """,
        ],
        operands: [.required("mode", choices: ["on", "off", "show"], help: "Enter, leave or show maintenance mode.")],
        exitStatuses: [
            .init(.success),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.permissionDenied),
            .init(.internal),
        ],
        examples: ["armem on && apt-get install -y myapp; armem off"],
        manSection: 8,
        access: .mixed,
        seed: "§2.2.14"
    )
}
