extension CommandSpec {
    /// ARMLOAD: start a program or service under a watch ID and supervise it (seed §2.2.1; commands.md 2.1).
    package static let armload = CommandSpec(
        name: "armload",
        summary: "start a program or service under a watch ID and supervise it",
        synopsis: [
            "WID [/U user] /W exec-name [parameter...]",
            "WID [/U user] [/R retry [/H hour] [/SCR]] [/ACT action] [/WAIT time] exec-name [parameter...]",
            "WID /S [/A] [/R retry [/H hour] [/SCR]] [/ACT action] [/WAIT time] [/INT time] service-name",
        ],
        description: [
            """
            Asks armmond to start a program or service under the watch ID WID and to supervise it. The program \
            is a child of armmond, not of the calling script, and outlives the script.
            """,
            """
            Context. armload must run in a group script: without ARMS_GROUP or CLP_GROUPNAME in the environment \
            it fails with ARMLOAD-15 (exit 4). The group must be starting, started or stopping on this server, \
            else ARMLOAD-30 (exit 4). Stop scripts use /W.
            """,
            """
            Program form. exec-name is searched in the caller's PATH as execvp(3) does; every word after it is \
            passed to the program verbatim, so options for armload must come before it (or before --). The \
            program gets the caller's environment and working directory, umask 022 and its own session. Without \
            /W its stdin is /dev/null and each output line goes to /var/log/armcluster/armload/WID.log as an OUT \
            or ERR record in armscr.log's format; armload exits 0 once exec has succeeded.
            """,
            """
            Readiness. With /WAIT time in the program form, armmond gives the program a NOTIFY_SOCKET (the \
            sd_notify protocol), and armload exits 0 only when the program has sent READY=1 or is still running \
            after time seconds. If it ends first, the start has failed (ARMLOAD-09, exit 1), the WID is released \
            and no action is taken.
            """,
            """
            Synchronous form. With /W the program uses armload's stdin, stdout and stderr. armload forwards \
            SIGINT, SIGTERM and SIGHUP to the program's process group and exits with the program's status. The \
            WID then stays registered as ended until armkill or the end of the group's stop. /W excludes every \
            option except /U.
            """,
            """
            Accounts. /U user runs the program as that account (initgroups, setgid, setuid; HOME, USER, LOGNAME \
            and SHELL from the password database). The account must be listed in [armload] users of \
            cluster.toml; in DOMAIN\\user the domain is ignored. Without /U the program runs as root.
            """,
            """
            Service form. With /S, service-name is looked up first as a [services.NAME] table of cluster.toml, \
            whose start command is run and supervised like a program. Otherwise, when PID 1 is systemd, the unit \
            NAME or NAME.service is started with systemctl start --no-block and polled every second until it is \
            active (success), failed (ARMLOAD-24) or the start wait ends (ARMLOAD-06, exit 6). Otherwise the \
            start fails with ARMLOAD-21 (exit 5). A service that is already running is adopted with /A; without \
            /A the start fails (exit 8). After a start timeout the service is stopped again and the WID released.
            """,
            """
            Watching. A program or service is watched only with /R or /ACT; otherwise it is started and kept \
            registered. A failure is an exit that armkill or armloadc did not request; for a service also the \
            state failed or inactive, checked every /INT seconds. On a failure armmond takes one action:
            """,
            "* 5, restart the application or service: while restarts used < retry, without /SCR;",
            """
            * 4, restart the script (stop script, then start script here, factor GROUPRESTART): while restarts \
            used < retry, with /SCR;
            """,
            "* 2, fail the group over: restarts exhausted (or no /R), final action failover;",
            "* 3, shut the server down as armstdn does: restarts exhausted, final action shutdown;",
            """
            * 1, do nothing: final action none, or the group's max_failovers within failover_window_s is reached.
            """,
            """
            Restarts wait for the delay and backoff of [armload] in cluster.toml, and a restart that fails \
            counts as a failure. The restart counter belongs to the group and WID, so it survives the \
            re-registration that /SCR causes. It resets hour hours after its first counted restart, never \
            without /H, and when the group stops for another reason than /SCR.
            """,
            """
            After a group's stop script, armmond stops every WID of the group that is still registered, as \
            armkill does, before the disks are released. At most [armload] max_watches (default and maximum \
            256) WIDs may be live on a server; ended WIDs do not count. Programs must stay in the foreground: a \
            program that forks and exits looks like a failure.
            """,
        ],
        options: [
            .flag("S", long: "service", help: "Service form: start the service service-name."),
            .flag("A", long: "attach", help: "Adopt the service if it is already running; service form only."),
            .value(
                "R",
                long: "retry",
                placeholder: "retry",
                range: 1...9,
                default: "not watched",
                help: "Watch the program and restart it at most retry times."
            ),
            // armload has an option H, so here -h and /h mean --hours, not --help (commands.md 1.2 rule 6).
            .value(
                "H",
                long: "hours",
                placeholder: "hour",
                range: 1...24,
                default: "never reset",
                help: "Reset the restart count hour hours after its first restart; needs /R."
            ),
            .flag("SCR", long: "script-restart", help: "Restart the group's scripts instead of the program; needs /R."),
            .value(
                "ACT",
                long: "final-action",
                placeholder: "action",
                choices: ["failover", "shutdown", "none"],
                default: "failover",
                help: "What to do when restarts run out; also enables watching."
            ),
            .value(
                "WAIT",
                long: "start-timeout",
                placeholder: "time",
                range: 1...3600,
                default: "service: start_wait_s or 60; program: no readiness wait",
                help: "Service start wait, or program readiness wait, in seconds."
            ),
            .value(
                "INT",
                long: "interval",
                placeholder: "time",
                range: 1...3600,
                default: "5",
                help: "Service check interval in seconds; service form only."
            ),
            .value(
                "U",
                long: "user",
                placeholder: "user",
                completion: .users,
                default: "root",
                help: "Run the program as this account, listed in [armload] users; program form only."
            ),
            .flag("W", long: "sync", help: "Run synchronously and exit with the program's status."),
        ],
        operands: [
            .required("WID", help: "Watch ID: 1-255 of A-Z a-z 0-9 _ -, a letter or digit first, not NEC_ or ARM_."),
            .tail(
                "exec-name",
                completion: .executables,
                help: "The program and its parameters (program form), or service-name with /S."
            ),
        ],
        exitStatuses: [
            .init(.success, "started; with /W, the program ended with 0"),
            .init(
                .failed,
                "the program ended before it was ready, or the account switch, exec or service start failed"
            ),
            .init(.usage, "invalid parameter, or a WID with bad characters, a reserved prefix or over 255 characters"),
            .init(.monitorUnreachable),
            .init(.refused, "not run from a group script, or the group is not starting, started or stopping here"),
            .init(.notFound, "service, account or user unknown"),
            .init(.timeout, "service start timeout"),
            .init(.permissionDenied),
            .init(.busy, "duplicate WID, limit of watches reached, or the service is already running"),
            .init(.internal),
            .init(.wrapFailed, "with /W: failed before the program ran; DETAIL ends with status=N"),
            .init(.notExecutable, "with /W: the program was found but is not executable"),
            .init(.noProgram, "with /W: the program was not found"),
        ],
        otherExitCodes: [
            .init("N", "with /W: the program's own exit status"),
            .init("128+n", "with /W: the program was killed by signal n"),
        ],
        examples: [
            """
            case "$ARMS_EVENT" in START|FAILOVER)
              armload WEB /S /R 3 /H 24 /WAIT 120 nginx          # nginx.service, 3 restarts per day
              armload BATCHD /U batch /R 2 /ACT shutdown /opt/batch/bin/batchd --foreground
              armload MIGRATE /U app /W /opt/app/bin/migrate --apply || exit 1
              armkill MIGRATE ;;
            esac
            """
        ],
        access: .mutating,
        seed: "§2.2.1",
        usageExit: .wrapFailedWith(["W"])
    )
}
