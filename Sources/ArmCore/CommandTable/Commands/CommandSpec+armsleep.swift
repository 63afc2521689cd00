extension CommandSpec {
    /// ARMSLEEP: sleep N seconds (seed §2.2.15; commands.md 2.18).
    package static let armsleep = CommandSpec(
        name: "armsleep",
        summary: "sleep N seconds",
        synopsis: ["seconds"],
        description: ["Sleeps seconds (0-86400), then exits 0. Needs no armmond."],
        operands: [.required("seconds", help: "How long to sleep, 0-86400.")],
        exitStatuses: [.init(.success), .init(.usage)],
        examples: ["until curl -fs http://127.0.0.1/health; do armsleep 2; done"],
        access: .none,
        seed: "§2.2.15"
    )
}
