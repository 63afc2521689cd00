extension CommandSpec {
    /// ARMLOADC: stop, start, pause or resume a watched program (seed §2.2.3; commands.md 2.3).
    package static let armloadc = CommandSpec(
        name: "armloadc",
        summary: "stop, start, pause or resume a watched program",
        synopsis: ["WID /W {stop|start|pause|continue} [time]"],
        description: [
            """
            Controls a WID while its group stays active, for example armloadc WID /W stop before disk \
            maintenance. The start state of a WID is starting, running, restarting, stopping, stopped (by \
            armloadc) or ended; its monitoring state is monitoring, paused, unwatched or sync (armload /W).
            """,
            """
            * stop, allowed when running and not sync: the program is terminated as by armkill with wait time; \
            the WID becomes stopped and no action is taken.
            """,
            """
            * start, allowed when stopped or ended and not sync: the original command or unit is started again \
            and the previous monitoring state restored.
            """,
            "* pause, allowed when running and monitoring: failures are only logged (paused).",
            "* continue, allowed when running and paused: monitoring again.",
            "Any other combination is refused with ARMLOADC-03 (exit 4).",
        ],
        options: [
            .value(
                "W",
                long: "action",
                placeholder: "action",
                choices: ["stop", "start", "pause", "continue"],
                help: "The action to take (required)."
            )
        ],
        operands: [
            .required("WID", completion: .wids, help: "Watch ID registered on this server."),
            .optional("time", help: "Seconds to wait for stop or start, 1-3600 (default 60)."),
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed),
            .init(.usage),
            .init(.monitorUnreachable),
            .init(.refused, "the action is not allowed in the WID's current state"),
            .init(.notFound, "unknown WID"),
            .init(.timeout, "the program or service did not stop or start in time"),
            .init(.permissionDenied),
        ],
        examples: ["armloadc DB /W stop 300 && /opt/db/bin/offline-maint; armloadc DB /W start"],
        access: .mutating,
        seed: "§2.2.3"
    )
}
