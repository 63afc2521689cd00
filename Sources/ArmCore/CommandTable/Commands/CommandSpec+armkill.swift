extension CommandSpec {
    /// ARMKILL: stop a program started by armload and release its WID (seed §2.2.2; commands.md 2.2).
    package static let armkill = CommandSpec(
        name: "armkill",
        summary: "stop a watched program and release its WID",
        synopsis: ["WID [/WAIT seconds]"],
        description: [
            """
            Stops the program or service of WID on this server and releases the WID; monitoring actions are \
            suppressed meanwhile. Usable outside group scripts.
            """,
            """
            A program gets SIGTERM to its process group (or the stop command of its [services.NAME] table), and \
            SIGKILL after /WAIT seconds (ARMKILL-04). If it still lives 5 seconds later, armkill fails with \
            ARMKILL-05 and the WID stays registered. A systemd unit is stopped with systemctl stop --no-block and \
            polled until it is inactive or failed; a unit not stopped in time gives ARMKILL-06 (exit 6).
            """,
            """
            An ended WID of armload /W is just released. A WID whose program had already ended unasked is \
            released with ARMKILL-07 step 3060 and exit 0.
            """,
        ],
        options: [
            .value(
                "WAIT",
                long: "timeout",
                placeholder: "seconds",
                range: 1...3600,
                default: "[armload] stop_wait_s (30)",
                help: "Seconds between SIGTERM and SIGKILL, or to wait for a service to stop."
            )
        ],
        operands: [.required("WID", completion: .wids, help: "Watch ID registered on this server.")],
        exitStatuses: [
            .init(.success, "stopped and released, also when SIGKILL was needed or the program had already ended"),
            .init(.failed, "the program could not be terminated, or the stop command failed"),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.notFound, "WID not registered here (DETAIL names the server if a peer holds it)"),
            .init(.timeout, "service not stopped in time"),
            .init(.permissionDenied),
        ],
        examples: [
            "armkill WEB /WAIT 120 || armdown     # in stop.sh",
            "armkill WEB || [ $? -eq 5 ]          # in stop.sh: 5 = WEB never registered (its start failed)",
        ],
        access: .mutating,
        seed: "§2.2.2"
    )
}
