import ArmCore

extension ManRenderer {
    /// armcluster(7): states, the script environment, exit statuses, messages and paths
    /// (commands.md 1.3–1.8, section 3).
    package static func overviewPage(date: String) -> String {
        var out = header(title: "armcluster", section: 7, date: date)
        out.append(".SH NAME")
        out.append("armcluster \\- ArmCluster concepts: states, script environment, exit statuses and paths")

        out.append(".SH DESCRIPTION")
        out += paragraphs([
            """
            ArmCluster is a Linux re-creation of the ARM high-availability toolkit of CLUSTERPRO for Windows \
            Ver7.0. On every server of a cluster the node monitor armmond keeps the membership by heartbeats \
            and runs failover groups: sets of resources (floating addresses, switched disks, mirrors, shares, \
            exec resources) with a start.sh and a stop.sh script. A group runs on one server at a time, chosen \
            from its failover policy, and moves to another server when its server fails.
            """,
            """
            The ARM commands are one multi-call executable, armtool, with one symbolic link per command; \
            armmond, armmgrd and armsh are separate programs. Group scripts call the commands to start and \
            watch programs (armload, armkill), to wait for or move groups (armgwait, armfover) and to pass \
            results (armsetcd, armgetcd); operators use armstat, armcfg, armmode and the others.
            """,
            """
            Options are spelled /NAME, -NAME or --long-name, case-insensitively; a value follows the first = or \
            : in the same word (/R:3, --retry=3) or is the next word. Numbers are unsigned decimal integers; a \
            value out of range is a usage error. /?, -? and --help print the usage, --version the version.
            """,
        ])

        out.append(".SH STATES")
        out.append(".SS Server states")
        out += definitions([
            ("normal", "A member of the cluster."),
            ("down", "Not running, or not heard for the heartbeat timeout."),
            ("down-then-restarted", "Detached (armmode /C, /I) or isolated after a server down; returns with armmode."),
            ("single", "armmond runs but has not joined: still in its start-up wait, or a configuration mismatch."),
            ("unknown", "No information yet."),
        ])
        out.append(".SS Group states")
        out += definitions([
            ("stopped", "Not running on any server."),
            ("starting", "Its resources and start script are being started."),
            ("started", "Running on one server."),
            (
                "stopping",
                "Its stop script and resources are being stopped. A move or failover shows as stopping, then starting."
            ),
            (
                "failed",
                """
                A flag beside the state when the last start or stop on a server failed; armstat shows stopped/failed \
                or started/failed. The next successful start or stop clears it.
                """
            ),
        ])
        out.append(".SS Cluster states")
        out += definitions([
            ("normal", "Every server is normal."),
            ("substitute", "Some server is not normal, and no group has failed."),
            ("abnormal", "Otherwise."),
            ("stopped", "Only when the local monitor is down."),
        ])

        out.append(".SH SCRIPT ENVIRONMENT")
        out += paragraphs([
            """
            armmond runs start.sh and stop.sh with the script directory as working directory, stdin /dev/null, \
            output to armscr.log, LANG=C.UTF-8, a PATH that finds the ARM commands, ARM_ROOT and the variables \
            below. Each ARMS_x equals its CLP_x twin. Script exit 0 is success, anything else failure. When \
            ARMS_EVENT is unset the script was not run by the cluster.
            """
        ])
        out += definitions([
            (
                "ARMS_EVENT, CLP_EVENT",
                """
                START: start script at cluster start, armgstrt, the destination of a move, the second half of \
                armload /SCR; stop script of every stop that is not a failover. FAILOVER: start script on the \
                takeover server after a server down or shutdown, armfover, armload action 2, armrsp; stop script on \
                the source of those. RECOVER: start script only, on a server just returned to the cluster, once per \
                group that was started on it when it went down; the group stays active elsewhere, so start no \
                applications.
                """
            ),
            ("ARMS_SERVER, CLP_SERVER", "HOME if this server is first in the group's failover policy, else OTHER."),
            (
                "ARMS_DISK, CLP_DISK",
                """
                Start: SUCCESS if every disk resource of the group activated here (or there is none), else FAILURE \
                (the script still runs); RECOVER runs: FAILURE; stop: SUCCESS if the disks are active here.
                """
            ),
            ("ARMS_GROUP, CLP_GROUPNAME", "The group name."),
            ("ARMS_PRIORITY, CLP_PRIORITY", "1-based position of this server in the failover policy."),
            (
                "ARMS_FACTOR, CLP_FACTOR",
                """
                Stop scripts only: CLUSTERSHUTDOWN (armsstdn), SERVERSHUTDOWN (armstdn, armmond stop), GROUPSTOP \
                (armgstop), GROUPMOVE (manager move, armmode /C or /I), GROUPFAILOVER (armfover, armload action 2, \
                armrsp), GROUPRESTART (armload /SCR).
                """
            ),
            ("CLP_SCRIPT_PATH", "The script directory."),
            ("ARM_SERVER", "The local server name."),
        ])

        out.append(".SH EXIT STATUS")
        out += paragraphs([
            """
            Every command uses one table; the numbers never change. Exceptions: armgetcd without /P exits with \
            the stored value, 254 (not set) or 255 (failure); armsh exits with its last command's status.
            """
        ])
        for status in ExitStatus.allCases {
            out.append(".TP")
            out.append(Roff.bold(String(status.rawValue)) + " (" + Roff.escape(status.specName) + ")")
            out.append(Roff.escape(PlainText.sentence(status.genericMeaning)))
        }
        out.append(".TP")
        out.append(Roff.bold("128+n") + " (SIGNALED)")
        out.append("armload /W and armcall only: the program was killed by signal \\fIn\\fR.")

        out.append(".SH MESSAGES")
        out += paragraphs([
            """
            Every refusal, failure or warning prints exactly one line on stderr, "cmd: TEXT (DETAIL)", with TEXT \
            in Japanese when LC_ALL, LC_MESSAGES or LANG is ja_JP* and DETAIL untranslated. Success prints \
            nothing on stderr.
            """,
            """
            The outcome also goes to /var/log/armcluster/ARM.LOG, one TAB-separated line TIMESTAMP SERVER \
            SOURCE PID CLASS ID TEXT, where ID is the command in upper case and a number (ARMLOAD-01). A command \
            sends the line to armmond with its request, and writes it itself only when armmond is unreachable.
            """,
        ])

        out.append(".SH FILES")
        out += paragraphs([
            "Every path is below $ARM_ROOT (default empty, meaning /); system tools are not relocated."
        ])
        out += definitions(
            [
                ("/etc/armcluster/cluster.toml", "The configuration, cluster.toml(5)."),
                ("/etc/armcluster/scripts/GROUP/start.sh, stop.sh", "The group scripts."),
                ("/etc/armcluster/hooks/share.sh", "The share export hook of armnsadd and armnsdel."),
                ("/etc/armcluster/startup-delay", "The start delay of armdelay."),
                (
                    "/var/lib/armcluster/state.sqlite",
                    "The state database: codes, watches, shares, mirror state, volumes."
                ),
                ("/var/lib/armcluster/manager/armmgrd.db", "Clusters registered with armmgrd."),
                (
                    "/var/log/armcluster/",
                    """
                    ARM.LOG and the other logs; armload/ for program output, manager/ for armmgr.log, collect/ for \
                    armlogcc.
                    """
                ),
                (
                    "/run/armcluster/armmond.sock, armmond.lock, locks/",
                    "Monitor socket, daemon lock, command lock files."
                ),
                ("/run/armcluster/manager/armmgrd.sock, armmgrd.pid", "Manager socket (armsrvct) and PID."),
            ],
            italic: true
        )

        out.append(".SH SEE ALSO")
        var pages = (CommandSpec.all + [CommandSpec.armtool]).map { (name: $0.name, section: $0.manSection) }
        pages.append(("cluster.toml", 5))
        pages.sort { ($0.section, $0.name) < ($1.section, $1.name) }
        out.append(pages.map(reference).joined(separator: ",\n"))
        return out.joined(separator: "\n") + "\n"
    }

    /// `.TP` items: a bold (or italic) term, then its text.
    static func definitions(_ items: [(String, String)], italic: Bool = false) -> [String] {
        items.flatMap { term, text in
            [".TP", italic ? Roff.italic(term) : Roff.bold(term), Roff.escape(text)]
        }
    }
}
