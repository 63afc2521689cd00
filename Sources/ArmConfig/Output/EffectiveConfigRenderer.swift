import ArmCore

/// `armcfg show` (commands.md 2.30): the configuration `armmond` runs with, as TOML with every default
/// filled in, headed `# hash <12 hex digits>`.
package enum EffectiveConfigRenderer {
    /// Renders `config`; `hash` is the full or short config hash (its first 12 characters are shown).
    package static func render(_ config: ClusterConfig, hash: String) -> String {
        var out = TOMLWriter()
        out.comment("hash \(hash.prefix(12))")
        renderCluster(config, into: &out)
        for server in config.servers {
            out.header("[[server]]")
            out.set("name", string: server.name)
            out.set("id", server.id)
            out.set("interconnect", strings: server.interconnect)
            out.set("public", string: server.publicAddress)
            out.set("mirror", strings: server.mirror)
        }
        for group in config.groups {
            renderGroup(group, into: &out)
        }
        for monitor in config.monitors {
            renderMonitor(monitor, into: &out)
        }
        let armload = config.armload
        out.header("[armload]")
        out.set("max_watches", armload.maxWatches)
        out.set("users", strings: armload.users)
        out.set("stop_wait_s", armload.stopWaitSeconds)
        out.set("service_start_wait_s", armload.serviceStartWaitSeconds)
        out.set("restart_delay_ms", armload.restartDelayMilliseconds)
        out.set("restart_backoff_ms", armload.restartBackoffMilliseconds)
        out.set("restart_backoff_max_ms", armload.restartBackoffMaxMilliseconds)
        out.set("restart_healthy_ms", armload.restartHealthyMilliseconds)
        for service in config.services {
            out.header("[services.\(TOMLText.key(service.name))]")
            out.set("type", string: service.type.rawValue)
            out.set("start", strings: service.start)
            out.set("stop", strings: service.stop)
            out.set("pid_file", string: service.pidFile)
            out.set("user", string: service.user)
            out.set("env", environment: service.environment)
            out.set("start_wait_s", service.startWaitSeconds)
        }
        let manager = config.manager
        out.header("[manager]")
        out.set("enabled_on", strings: manager.enabledOn)
        out.set("listen", strings: manager.listen)
        out.set("tls", manager.tls)
        out.set("tls_cert", string: manager.tlsCert)
        out.set("tls_key", string: manager.tlsKey)
        out.set("client_ca", string: manager.clientCA)
        out.set("allowed_clients", strings: manager.allowedClients)
        out.set("agent_idle_timeout_s", manager.agentIdleTimeoutSeconds)
        out.set("agent_keepalive_s", manager.agentKeepaliveSeconds)
        out.set("client_idle_timeout_s", manager.clientIdleTimeoutSeconds)
        let log = config.log
        out.header("[log]")
        out.set("level", log.level)
        out.set("language", string: log.language.rawValue)
        out.set("format", string: log.format.rawValue)
        out.set("utc", log.utc)
        out.set("syslog", string: log.syslog.rawValue)
        out.set("rotation", string: log.rotation.rawValue)
        out.set("script_output_lines", log.scriptOutputLines)
        for file in LogFileName.allCases {
            let settings = log.files[file] ?? file.defaultSettings
            out.header("[log.files.\(file.rawValue)]")
            out.set("size_mib", settings.sizeMiB)
            out.set("count", settings.count)
        }
        return out.text
    }

    private static func renderCluster(_ config: ClusterConfig, into out: inout TOMLWriter) {
        let cluster = config.cluster
        out.header("[cluster]")
        out.set("name", string: cluster.name)
        out.set("key_file", string: cluster.keyFile)
        out.set("auto_return", cluster.autoReturn)
        out.set("shutdown_action", string: cluster.shutdownAction.rawValue)
        out.set("socket_mode", string: cluster.socketMode.rawValue)
        let timing = config.timing
        out.header("[cluster.timing]")
        out.set("profile", string: timing.profile.rawValue)
        out.set("heartbeat_interval_ms", timing.heartbeatIntervalMilliseconds)
        out.set("heartbeat_timeout_count", timing.heartbeatTimeoutCount)
        out.set("enforce_seed_minimums", timing.enforceSeedMinimums)
        out.set("startup_sync_wait_min", timing.startupSyncWaitMinutes)
        out.set("disk_io_wait_s", timing.diskIOWaitSeconds)
        out.set("local_disk_monitor", timing.localDiskMonitor)
        out.set("local_disk_timeout_min", timing.localDiskTimeoutMinutes)
        out.set("local_disk_action", string: timing.localDiskAction.rawValue)
        out.set(disconnectRetry: timing.disconnectRetry)
        out.set("script_warn_min", timing.scriptWarnMinutes)
        out.set("time_sync", string: timing.timeSync.rawValue)
        out.set("clock_warn_ms", timing.clockWarnMilliseconds)
        let network = config.network
        out.header("[cluster.network]")
        out.set("heartbeat_port", network.heartbeatPort)
        out.set("control_port", network.controlPort)
        out.set("heartbeat_dscp", network.heartbeatDSCP)
        out.set("mirror_dscp", network.mirrorDSCP)
        out.set("idle_timeout_s", network.idleTimeoutSeconds)
        out.set("keepalive_s", network.keepaliveSeconds)
        out.set("offload_warn", strings: network.offloadWarn)
        let partition = config.partition
        out.header("[cluster.partition]")
        out.set("method", string: partition.method.rawValue)
        out.set("tie_breaker", strings: partition.tieBreaker)
        out.set("ping_timeout_ms", partition.pingTimeoutMilliseconds)
        out.set("ping_count", partition.pingCount)
        out.set("lock_device", string: partition.lockDevice)
        out.set("lock_offset_kib", partition.lockOffsetKiB)
        out.set("lock_size_kib", partition.lockSizeKiB)
        out.set("lock_io_timeout_ms", partition.lockIOTimeoutMilliseconds)
        out.set("disk_heartbeat", partition.diskHeartbeat)
        out.set("fence_deadline_ms", partition.fenceDeadlineMilliseconds)
        out.set("fence_action", string: partition.fenceAction.rawValue)
    }

    private static func renderGroup(_ group: GroupConfig, into out: inout TOMLWriter) {
        out.header("[[group]]")
        out.set("name", string: group.name)
        out.set("servers", strings: group.servers)
        out.set("auto_start", group.autoStart)
        out.set("failback", string: group.failback.rawValue)
        out.set("exclusive", group.exclusive)
        out.set("max_failovers", group.maxFailovers)
        out.set("failover_window_s", group.failoverWindowSeconds)
        out.set("start_timeout_s", group.startTimeoutSeconds)
        out.set("stop_timeout_s", group.stopTimeoutSeconds)
        out.set("env", environment: group.environment)
        for resource in group.resources {
            out.header("[[group.resource]]")
            out.set("name", string: resource.name)
            out.set("type", string: resource.kind.typeName)
            out.set("on_deactivate_failure", string: resource.onDeactivateFailure.rawValue)
            switch resource.kind {
            case .exec(let exec):
                out.set("start", string: exec.start)
                out.set("stop", string: exec.stop)
                out.set("start_timeout_s", exec.startTimeoutSeconds ?? group.startTimeoutSeconds)
                out.set("stop_timeout_s", exec.stopTimeoutSeconds ?? group.stopTimeoutSeconds)
                out.set("env", environment: exec.environment)
            case .fip(let fip):
                out.set("address", string: fip.address)
                out.set("interface", string: fip.interface)
                out.set("garp_count", fip.garpCount)
                out.set("garp_interval_ms", fip.garpIntervalMilliseconds)
                out.set("duplicate_check", fip.duplicateCheck)
            case .disk(let disk):
                out.set("device", string: disk.device)
                out.set(fileSystem: disk.fileSystem)
            case .mirror(let mirror):
                switch mirror.backing {
                case .device(let device):
                    out.set("device", string: device)
                case .file(let file, let size):
                    out.set("file", string: file)
                    out.set("size_mib", size)
                }
                out.set(fileSystem: mirror.fileSystem)
                out.set("peers", strings: mirror.peers)
                out.set("initial_source", string: mirror.initialSource)
                out.set("port", mirror.port)
                out.set("sync_mode", string: mirror.syncMode.rawValue)
                out.set("resync_limit", string: mirror.resyncLimit)
                out.set("replication_limit", string: mirror.replicationLimit)
                out.set("link_mbps", mirror.linkMbps)
                out.set("bitmap_block_kib", mirror.bitmapBlockKiB)
                out.set("auto_rebuild", mirror.autoRebuild)
                out.set("comm_timeout_s", mirror.commTimeoutSeconds)
                out.set("comm_retries", mirror.commRetries)
                out.set("send_buffer_mib", mirror.sendBufferMiB)
                out.set("snapshot_readonly", mirror.snapshotReadOnly)
            case .share(let share):
                out.set("share_name", string: share.shareName)
                out.set("path", string: share.path)
                out.set("export_hook", string: share.exportHook)
                out.set("hook_options", string: share.hookOptions)
                out.set("hook_timeout_s", share.hookTimeoutSeconds)
            }
        }
    }

    private static func renderMonitor(_ monitor: MonitorConfig, into out: inout TOMLWriter) {
        out.header("[[monitor]]")
        out.set("name", string: monitor.name)
        out.set("type", string: monitor.kind.typeName)
        out.set("group", string: monitor.group)
        out.set("when", string: monitor.when.rawValue)
        out.set("interval_s", monitor.intervalSeconds)
        out.set("timeout_s", monitor.timeoutSeconds)
        out.set("retries", monitor.retries)
        out.set("start_delay_s", monitor.startDelaySeconds)
        out.set("restart_max", monitor.restartMax)
        out.set("action", string: monitor.action.rawValue)
        switch monitor.kind {
        case .ip(let targets): out.set("targets", strings: targets)
        case .process(.watchID(let wid)): out.set("wid", string: wid)
        case .process(.pidFile(let file)): out.set("pid_file", string: file)
        case .process(.processName(let name)): out.set("process_name", string: name)
        case .script(let command): out.set("command", strings: command)
        case .disk(.device(let device)): out.set("device", string: device)
        case .disk(.path(let path)): out.set("path", string: path)
        case .mirror(let resource): out.set("resource", string: resource)
        }
    }
}

/// Line-by-line TOML output.
private struct TOMLWriter {
    var text = ""

    mutating func comment(_ line: String) {
        text += "# \(line)\n"
    }

    mutating func header(_ header: String) {
        text += "\n\(header)\n"
    }

    mutating func set(_ key: String, _ value: Int) {
        text += "\(key) = \(value)\n"
    }

    mutating func set(_ key: String, _ value: Bool) {
        text += "\(key) = \(value ? "true" : "false")\n"
    }

    mutating func set(_ key: String, string value: String) {
        text += "\(key) = \(TOMLText.quoted(value))\n"
    }

    mutating func set(_ key: String, strings values: [String]) {
        text += "\(key) = [" + values.map(TOMLText.quoted).joined(separator: ", ") + "]\n"
    }

    mutating func set(_ key: String, environment: [EnvironmentVariable]) {
        if environment.isEmpty {
            text += "\(key) = {}\n"
            return
        }
        let entries = environment.map { "\(TOMLText.key($0.name)) = \(TOMLText.quoted($0.value))" }
        text += "\(key) = { " + entries.joined(separator: ", ") + " }\n"
    }

    mutating func set(disconnectRetry retry: DisconnectRetry) {
        set("disconnect_retry", string: retry.mode.rawValue)
        set("disconnect_retry_interval_s", retry.intervalSeconds)
        set("disconnect_retry_count", retry.count)
    }

    mutating func set(fileSystem: FileSystemSettings) {
        set("mount", string: fileSystem.mount)
        set("fs_type", string: fileSystem.fsType)
        set("mount_options", string: fileSystem.mountOptions)
        set("fsck", string: fileSystem.fsck.rawValue)
        set("fsck_timeout_s", fileSystem.fsckTimeoutSeconds)
        set(disconnectRetry: fileSystem.disconnectRetry)
    }
}
