extension CommandSpec {
    /// ARMWHSHR: watch a share path (seed §2.2.17; commands.md 2.20).
    package static let armwhshr = CommandSpec(
        name: "armwhshr",
        summary: "watch a share path",
        synopsis: ["[/INT seconds] share"],
        description: [
            """
            A foreground watcher, run under armload and stopped with armkill. share is a path, such as an NFS \
            or CIFS mount point. Every /INT seconds it calls stat() on it in a helper thread, with a limit of 10 \
            seconds.
            """,
            """
            On the first failure it logs ARMWHSHR-03 (with the errno, 0x6e for a timeout) and event 14018; on \
            the first success after that, ARMWHSHR-04 and event 14019. These are warnings only: no failover. \
            SIGTERM ends it with exit 0.
            """,
        ],
        options: [
            .value(
                "INT",
                long: "interval",
                placeholder: "seconds",
                range: 1...3600,
                default: "30",
                help: "Seconds between two checks."
            )
        ],
        operands: [.required("share", completion: .directories, help: "The path to watch.")],
        exitStatuses: [.init(.success, "ended by SIGTERM"), .init(.usage), .init(.internal)],
        examples: [
            """
            armload NFSWATCH armwhshr /INT 15 /mnt/partner/export     # start.sh
            armkill NFSWATCH                                          # stop.sh
            """
        ],
        access: .none,
        seed: "§2.2.17"
    )
}
