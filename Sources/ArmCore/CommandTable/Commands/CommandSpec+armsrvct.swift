extension CommandSpec {
    /// ARMSRVCT: control the manager service (seed §8; commands.md 2.27).
    ///
    /// Its first word selects a function.
    package static let armsrvct = CommandSpec(
        name: "armsrvct",
        summary: "control the manager service",
        synopsis: [
            "/s | /q | /r",
            "/t [log-level] [-d]",
            "/m {-a | -m}",
            "/p cluster-name",
            "/v [-t]",
            "/d {cluster-name | -a}",
            "/l",
            "-?",
        ],
        description: [
            """
            Controls armmgrd, the manager service. Its grammar differs from the other commands: the first word \
            selects the function (with / or -, in any case, or the long form), and the later words are that \
            function's parameters, so /v -t means "version with time". /?, -?, --help and --version work as the \
            first word.
            """,
            """
            * /s, /q, /r start, stop and restart armmgrd: systemctl start, stop or restart armmgrd.service under \
            systemd, else start armmgrd or send SIGTERM to the pid in /run/armcluster/manager/armmgrd.pid. \
            Starting a running service or stopping a stopped one succeeds; /r on a stopped one only starts it.
            """,
            """
            * /t [log-level] [-d] shows, or sets to 0-7 (7 most detailed), armmgrd's trace level for armmgr.log. \
            It starts at [log] level (3 after install); a level set with /t lasts until armmgrd restarts. An \
            omitted or out-of-range level only displays the current one. -d truncates armmgr.log.
            """,
            """
            * /m -a or /m -m makes the startup automatic or manual (systemctl enable or disable; exit 1 without \
            systemd).
            """,
            "* /p cluster-name prints the server armmgrd is connected to in that cluster.",
            "* /v [-t] prints the armmgrd version, with -t also its modification time (ISO 8601).",
            "* /d cluster-name deletes one registered cluster, /d -a all of them.",
            "* /l lists the registered clusters.",
            """
            /t, /p, /d and /l use /run/armcluster/manager/armmgrd.sock. Output is one value per line, or JSON \
            with --json. Display functions are read-only; the others need root or group armadm. armsrvct writes \
            no ARM.LOG lines; armmgrd logs to armmgr.log.
            """,
        ],
        options: [
            .flag("s", long: "start", help: "Start armmgrd."),
            .flag("q", long: "stop", help: "Stop armmgrd."),
            .flag("r", long: "restart", help: "Restart armmgrd."),
            .flag("t", long: "trace", help: "Show or set the trace level: /t [log-level] [-d]."),
            .flag("m", long: "startup", help: "Set the startup attribute: /m -a (automatic) or /m -m (manual)."),
            .flag("p", long: "connected", help: "Show the connected server: /p cluster-name."),
            .flag("v", long: "manager-version", help: "Show the armmgrd version: /v [-t]."),
            .flag("d", long: "delete-cluster", help: "Delete a registered cluster: /d {cluster-name | -a}."),
            .flag("l", long: "list", help: "List the registered clusters."),
            .json,
        ],
        operands: [
            OperandSpec(
                name: "parameter",
                kind: .repeated,
                completion: .clusters,
                choices: ["-a", "-m", "-t", "-d"],
                help: "Parameters of the selected function."
            )
        ],
        exitStatuses: [
            .init(.success),
            .init(.failed, "systemctl failed (ARMSRVCT-01), or /m without systemd"),
            .init(.usage),
            .init(.monitorUnreachable, "armmgrd unreachable"),
            .init(.notFound, "cluster not registered"),
            .init(.permissionDenied),
        ],
        examples: ["armsrvct /t 5 && armsrvct /t     # prints 5", "armsrvct /m -a"],
        manSection: 8,
        access: .mixed,
        seed: "§8",
        grammar: .functionSelector
    )
}
