import ArmCore

/// The ENVIRONMENT and FILES sections of the command pages (commands.md 1.3, 1.6; config-and-files §3.1).
///
/// They are documentation only, so they live beside the renderer rather than in the command table.
enum ManPageExtras {
    /// Environment variables a command reads, with what they do for it.
    static func environment(for spec: CommandSpec) -> [(String, String)] {
        var variables: [(String, String)] = [
            (
                "ARM_ROOT",
                "Prefix of every ArmCluster path (default empty, meaning /); a relative value is a configuration error."
            )
        ]
        switch spec.name {
        case "armload":
            variables.append(
                ("ARMS_GROUP, CLP_GROUPNAME", "The group of the calling script; armload fails without them.")
            )
            variables.append(("PATH", "Searched for exec-name."))
        case "armfover":
            variables.append(("ARMS_GROUP, CLP_GROUPNAME", "The group failed over when no group-name is given."))
        case "armgwait":
            variables.append(("ARMS_GROUP, CLP_GROUPNAME", "Waiting for this group from its own script is refused."))
        case "armrsp":
            variables.append(("ARMS_GROUP, CLP_GROUPNAME", "The group to monitor; armrsp fails without them."))
        case "armbcast":
            variables.append(("ARMS_EVENT", "armbcast is refused when it is RECOVER."))
        case "armcall":
            variables.append(("PATH", "Searched for exec-name."))
        case "armsh":
            variables.append(("ARMSH_HISTFILE", "History file (default ~/.armsh_history)."))
            variables.append(("ARMSH_HISTSIZE", "Most history entries kept (default 1000)."))
        case "armmond":
            variables.append(("ARM_SERVER", "Which [[server]] entry this node is, when /SERVER is not given."))
            variables.append(
                ("NOTIFY_SOCKET", "Set by systemd (Type=notify): stay in the foreground and send READY=1.")
            )
        default:
            break
        }
        if spec.name != "armmond" {
            variables.append(
                (
                    "ARM_SERVER",
                    """
                    Local server name for ARM.LOG lines the command writes itself (default: the host name up to the \
                    first dot).
                    """
                )
            )
        }
        if spec.isArmtoolCommand || spec.name == "armtool" || spec.name == "armsh" {
            variables.append(
                ("LC_ALL, LC_MESSAGES, LANG", "Messages are in Japanese when the first one set is ja_JP*.")
            )
        }
        return variables
    }

    /// Files a command reads or writes, with what they are for it.
    static func files(for spec: CommandSpec) -> [(String, String)] {
        let socket = ("/run/armcluster/armmond.sock", "The socket of the local armmond.")
        let armLog = ("/var/log/armcluster/ARM.LOG", "Log of every command's outcome.")
        let config = ("/etc/armcluster/cluster.toml", "The cluster configuration, cluster.toml(5).")
        let state = ("/var/lib/armcluster/state.sqlite", "The state database of armmond.")
        switch spec.name {
        case "armload":
            return [
                config, socket, ("/var/log/armcluster/armload/WID.log", "Output of the program started without /W."),
                armLog,
            ]
        case "armnsadd", "armnsdel":
            return [socket, ("/etc/armcluster/hooks/share.sh", "Hook that exports or unexports the share."), armLog]
        case "armsetcd", "armgetcd":
            return [socket, (state.0, "Holds the code table (table codes)."), armLog]
        case "armdelay":
            return [("/etc/armcluster/startup-delay", "The start delay in decimal seconds; missing means 0."), armLog]
        case "armvxset":
            return [
                ("/run/armcluster/locks/armvxset.lock", "Held while armvxset runs."),
                (
                    "/run/armcluster/armmond.lock",
                    "Held while armmond runs; armvxset refuses to change registrations then."
                ),
                (state.0, "Holds the registrations (table cluster_volumes)."),
                armLog,
            ]
        case "armstat":
            return [socket, (state.0, "Read when armmond is unreachable (root only).")]
        case "armcfg":
            return [
                config,
                ("/etc/armcluster/cluster.toml.new", "Default file of armcfg apply."),
                ("/etc/armcluster/cluster.key", "Default key file of armcfg keygen."),
                ("/var/lib/armcluster/config-history/", "The last 20 committed configuration files."),
                socket,
                armLog,
            ]
        case "armlogcc":
            return [socket, ("/var/log/armcluster/collect/", "Default directory of the bundles."), armLog]
        case "armsh":
            return [("~/.armsh_history", "Command history.")]
        case "armsrvct":
            return [
                ("/run/armcluster/manager/armmgrd.sock", "The socket of armmgrd."),
                ("/run/armcluster/manager/armmgrd.pid", "PID of armmgrd, used without systemd."),
                ("/var/log/armcluster/manager/armmgr.log", "armmgrd's log; /t -d truncates it."),
            ]
        case "armmond":
            return [
                config,
                ("/etc/armcluster/cluster.key", "The cluster key."),
                ("/etc/armcluster/scripts/GROUP/start.sh, stop.sh", "The group scripts."),
                ("/etc/armcluster/startup-delay", "The start delay (armdelay)."),
                state,
                ("/run/armcluster/armmond.sock", "The command socket."),
                ("/run/armcluster/armmond.lock, armmond.pid", "Single-instance lock and PID."),
                ("/var/log/armcluster/", "ARM.LOG, armsvr.log, armscr.log, armtun.log, events.log and armload/."),
            ]
        case "armmgrd":
            return [
                config,
                ("/var/lib/armcluster/manager/armmgrd.db", "The registered clusters."),
                ("/run/armcluster/manager/armmgrd.sock, armmgrd.pid", "Socket for armsrvct, and PID."),
                ("/var/log/armcluster/manager/armmgr.log", "The manager log."),
                ("/etc/armcluster/tls/manager.crt, manager.key", "TLS certificate and key."),
            ]
        case "mdopen", "mdclose", "armmirror":
            return [config, socket, armLog]
        case "armpause", "armsleep", "armwhshr":
            return [armLog]
        case "armtool":
            return []
        default:
            return [socket, armLog]
        }
    }
}
