// Reading each section of cluster.toml into the model (config-and-files §1.2–§1.12), with V2–V8 and V24.
import ArmCore

/// The keys each table allows: the key table's (`ConfigSchema`), plus the sub-tables a table may hold.
enum ConfigKeys {
    static let root = ConfigSchema.topLevelTables
    static let cluster = ConfigSchema.cluster.keyNames + ["timing", "network", "partition"]
    static let timing = ConfigSchema.timing.keyNames
    static let network = ConfigSchema.network.keyNames
    static let partition = ConfigSchema.partition.keyNames
    static let server = ConfigSchema.server.keyNames
    static let group = ConfigSchema.group.keyNames + ["resource"]
    static let resourceCommon = ConfigSchema.resource.keyNames
    static let exec = ConfigSchema.exec.keyNames
    static let fip = ConfigSchema.fip.keyNames
    static let disk = ConfigSchema.disk.keyNames
    static let mirror = ConfigSchema.mirror.keyNames
    static let share = ConfigSchema.share.keyNames
    static let monitorCommon = ConfigSchema.monitor.keyNames
    static let monitorSpecific = ConfigSchema.monitorTypes.mapValues(\.keyNames)
    static let armload = ConfigSchema.armload.keyNames
    static let service = ConfigSchema.service.keyNames
    static let manager = ConfigSchema.manager.keyNames
    static let log = ConfigSchema.log.keyNames + ["files"]
    static let logFile = ConfigSchema.logFile.keyNames

    static func resource(type: String?) -> [String] {
        switch type {
        case "exec": resourceCommon + exec
        case "fip": resourceCommon + fip
        case "disk": resourceCommon + disk
        case "mirror": resourceCommon + mirror
        case "share": resourceCommon + share
        default: uniqued(resourceCommon + exec + fip + disk + mirror + share)
        }
    }

    static func monitor(type: String?) -> [String] {
        if let type, let specific = monitorSpecific[type] { return monitorCommon + specific }
        // In the order of §1.9's list of types, as the suggestions of V2 search them.
        let specific = ["ip", "process", "script", "disk", "mirror"].flatMap { monitorSpecific[$0] ?? [] }
        return uniqued(monitorCommon + specific)
    }

    private static func uniqued(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }
}

/// Counts of §2.2 V18.
enum ConfigLimits {
    static let servers = 32
    static let groups = 128
    static let resourcesPerGroup = 64
    static let monitors = 256
    static let mirrorsPerServer = 8
    static let tieBreakers = 8
    static let interconnects = 4
}

/// One `[[group.resource]]` as read, for the cross-checks.
struct ResourceRecord {
    var groupIndex: Int
    var table: TOMLTable
    var resource: ResourceConfig?
}

/// One `[[monitor]]` as read, for the cross-checks.
struct MonitorRecord {
    var table: TOMLTable
    var monitor: MonitorConfig?
}

extension ConfigChecker {
    // MARK: Document

    mutating func read(_ root: TOMLTable) -> ClusterConfig {
        self.root = root
        for key in root.keys where !ConfigKeys.root.contains(key) {
            guard let node = root[key] else { continue }
            var message: String
            switch node.value {
            case .table, .array: message = "unknown table [\(TOMLText.key(key))]"
            default: message = "unknown key \(quote(key)) at the top level"
            }
            if let suggestion = Spelling.suggestion(for: key, among: ConfigKeys.root) {
                message += "; did you mean \(quote(suggestion))?"
            }
            error(node.keyPosition, message)
        }
        readCluster()
        readServers()
        readGroups()
        readArmload()
        readMonitors()
        readServices()
        readManager()
        readLog()
        return config
    }

    // MARK: [cluster]

    mutating func readCluster() {
        guard root["cluster"] != nil else {
            error(.start, "missing required key \"name\" in [cluster]")
            error(.start, "missing required key \"method\" in [cluster.partition]")
            return
        }
        guard let cluster = table(root, "cluster") else { return }
        clusterTable = cluster
        unknownKeys(cluster, allowed: ConfigKeys.cluster, in: "[cluster]")
        var settings = ClusterSettings(name: "")
        if let name = requiredString(cluster, "name", in: "[cluster]"), let node = cluster["name"] {
            checkName(name, .cluster, at: node.valuePosition)
            settings.name = name
        }
        if let keyFile = path(cluster, "key_file") { settings.keyFile = keyFile }
        if let value = bool(cluster, "auto_return") { settings.autoReturn = value }
        if let value = enumeration(cluster, "shutdown_action", ClusterSettings.ShutdownAction.self) {
            settings.shutdownAction = value
        }
        if let value = enumeration(cluster, "socket_mode", ClusterSettings.SocketMode.self) {
            settings.socketMode = value
        }
        config.cluster = settings
        readTiming(cluster)
        readNetwork(cluster)
        readPartition(cluster)
    }

    mutating func readTiming(_ cluster: TOMLTable) {
        let timing = table(cluster, "timing") ?? TOMLTable(position: cluster.position)
        if cluster["timing"] != nil { timingTable = timing }
        unknownKeys(timing, allowed: ConfigKeys.timing, in: "[cluster.timing]")
        let profile = enumeration(timing, "profile", TimingSettings.Profile.self) ?? .standard
        var settings = TimingSettings(profile: profile)
        if let value = integer(timing, ConfigSchema.timing.key("heartbeat_interval_ms")) {
            settings.heartbeatIntervalMilliseconds = value
        }
        if let value = integer(timing, ConfigSchema.timing.key("heartbeat_timeout_count")) {
            settings.heartbeatTimeoutCount = value
        }
        if let value = bool(timing, "enforce_seed_minimums") { settings.enforceSeedMinimums = value }
        if let value = integer(timing, ConfigSchema.timing.key("startup_sync_wait_min")) {
            if value == 0 && settings.enforceSeedMinimums, let node = timing["startup_sync_wait_min"] {
                error(node.keyPosition, "\"startup_sync_wait_min\" = 0 requires \"enforce_seed_minimums\" = false")
            } else {
                settings.startupSyncWaitMinutes = value
            }
        }
        if let value = integer(timing, ConfigSchema.timing.key("disk_io_wait_s")) { settings.diskIOWaitSeconds = value }
        if let value = bool(timing, "local_disk_monitor") { settings.localDiskMonitor = value }
        if let value = integer(timing, ConfigSchema.timing.key("local_disk_timeout_min")) {
            settings.localDiskTimeoutMinutes = value
        }
        if let value = enumeration(timing, "local_disk_action", TimingSettings.LocalDiskAction.self) {
            settings.localDiskAction = value
        }
        settings.disconnectRetry = disconnectRetry(timing, defaults: DisconnectRetry())
        if let value = integer(timing, ConfigSchema.timing.key("script_warn_min")) {
            settings.scriptWarnMinutes = value
        }
        if let value = enumeration(timing, "time_sync", TimingSettings.TimeSync.self) { settings.timeSync = value }
        if let value = integer(timing, ConfigSchema.timing.key("clock_warn_ms")) {
            settings.clockWarnMilliseconds = value
        }
        config.timing = settings
    }

    /// `disconnect_retry`, `…_interval_s`, `…_count` of `[cluster.timing]` or of a disk or mirror.
    mutating func disconnectRetry(_ table: TOMLTable, defaults: DisconnectRetry) -> DisconnectRetry {
        var result = defaults
        if let value = enumeration(table, "disconnect_retry", DisconnectRetry.Mode.self) { result.mode = value }
        if let value = integer(table, ConfigSchema.timing.key("disconnect_retry_interval_s")) {
            result.intervalSeconds = value
        }
        if let value = integer(table, ConfigSchema.timing.key("disconnect_retry_count")) { result.count = value }
        return result
    }

    /// An integer key in the range of the key table (V3/V4), or `0` where the table allows it (V24).
    mutating func integer(_ table: TOMLTable, _ key: ConfigKey) -> Int? {
        let range = key.range ?? Int.min...Int.max
        return key.zeroMeans == nil ? integer(table, key.name, range) : integerOrZero(table, key.name, range)
    }

    /// `0`, or an integer in `range` (script timeouts, start-up wait): V4/V24 otherwise.
    mutating func integerOrZero(_ table: TOMLTable, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let value = integer(table, key, Int.min...Int.max), let node = table[key] else { return nil }
        guard value == 0 || range.contains(value) else {
            error(
                node.keyPosition,
                "\(quote(key)) = \(value) is out of range \(range.lowerBound)..\(range.upperBound) (or 0)"
            )
            return nil
        }
        return value
    }

    mutating func readNetwork(_ cluster: TOMLTable) {
        let network = table(cluster, "network") ?? TOMLTable(position: cluster.position)
        if cluster["network"] != nil { networkTable = network }
        unknownKeys(network, allowed: ConfigKeys.network, in: "[cluster.network]")
        var settings = NetworkSettings()
        if let value = integer(network, ConfigSchema.network.key("heartbeat_port")) { settings.heartbeatPort = value }
        if let value = integer(network, ConfigSchema.network.key("control_port")) { settings.controlPort = value }
        if let value = integer(network, ConfigSchema.network.key("heartbeat_dscp")) { settings.heartbeatDSCP = value }
        if let value = integer(network, ConfigSchema.network.key("mirror_dscp")) { settings.mirrorDSCP = value }
        if let value = integer(network, ConfigSchema.network.key("idle_timeout_s")) {
            settings.idleTimeoutSeconds = value
        }
        if let value = integer(network, "keepalive_s", 5...max(5, settings.idleTimeoutSeconds / 3)) {
            settings.keepaliveSeconds = value
        }
        if let values = strings(network, "offload_warn") { settings.offloadWarn = values.map(\.value) }
        config.network = settings
    }

    mutating func readPartition(_ cluster: TOMLTable) {
        let name = "[cluster.partition]"
        guard cluster["partition"] != nil else {
            missing("method", in: cluster, name: name)
            return
        }
        guard let partition = table(cluster, "partition") else { return }
        partitionTable = partition
        unknownKeys(partition, allowed: ConfigKeys.partition, in: name)
        if partition["method"] == nil {
            missing("method", in: partition, name: name)
        }
        partitionMethod = enumeration(partition, "method", PartitionSettings.Method.self)
        var settings = PartitionSettings(method: partitionMethod ?? .none, profile: config.timing.profile)
        if let addresses = strings(partition, "tie_breaker"), let node = partition["tie_breaker"] {
            if addresses.count > ConfigLimits.tieBreakers {
                error(
                    node.keyPosition,
                    "too many tie-breaker addresses (\(addresses.count), at most \(ConfigLimits.tieBreakers))"
                )
            }
            for address in addresses {
                _ = plainAddress(address.value, at: address.node.valuePosition)
            }
            settings.tieBreaker = addresses.map(\.value)
        }
        if let value = integer(partition, ConfigSchema.partition.key("ping_timeout_ms")) {
            settings.pingTimeoutMilliseconds = value
        }
        if let value = integer(partition, ConfigSchema.partition.key("ping_count")) { settings.pingCount = value }
        if let value = path(partition, "lock_device", absolute: true) { settings.lockDevice = value }
        if let value = integer(partition, ConfigSchema.partition.key("lock_offset_kib")),
            let node = partition["lock_offset_kib"]
        {
            if value % 4 != 0 {
                error(node.keyPosition, "\"lock_offset_kib\" = \(value) is not a multiple of 4")
            } else {
                settings.lockOffsetKiB = value
            }
        }
        if let value = integer(partition, ConfigSchema.partition.key("lock_size_kib")) { settings.lockSizeKiB = value }
        if let value = integer(partition, ConfigSchema.partition.key("lock_io_timeout_ms")) {
            settings.lockIOTimeoutMilliseconds = value
        }
        if let value = bool(partition, "disk_heartbeat") { settings.diskHeartbeat = value }
        if let value = integer(partition, ConfigSchema.partition.key("fence_deadline_ms")) {
            settings.fenceDeadlineMilliseconds = value
        }
        if let value = enumeration(partition, "fence_action", PartitionSettings.FenceAction.self) {
            settings.fenceAction = value
        }
        config.partition = settings
    }

    // MARK: [[server]]

    mutating func readServers() {
        guard root["server"] != nil else {
            error(.start, "a cluster needs 1 to \(ConfigLimits.servers) [[server]] entries")
            return
        }
        guard let servers = tables(root, "server") else { return }
        if servers.isEmpty, let node = root["server"] {
            error(node.keyPosition, "a cluster needs 1 to \(ConfigLimits.servers) [[server]] entries")
        }
        var names = DuplicateTracker("server")
        var ids = DuplicateTracker("server id")
        let name = "[[server]]"
        for (offset, server) in servers.enumerated() {
            if offset == ConfigLimits.servers {
                error(server.position, "a cluster needs 1 to \(ConfigLimits.servers) [[server]] entries")
            }
            unknownKeys(server, allowed: ConfigKeys.server, in: name)
            var entry = ServerConfig(name: "", id: 0, publicAddress: "")
            if let value = requiredString(server, "name", in: name), let node = server["name"] {
                if checkName(value, .server, at: node.valuePosition),
                    let duplicate = names.check(value, at: node.valuePosition)
                {
                    error(node.valuePosition, duplicate)
                }
                entry.name = value
            }
            if let value = requiredInteger(server, "id", 1...32, in: name), let node = server["id"] {
                if let duplicate = ids.check(String(value), at: node.valuePosition) {
                    error(node.valuePosition, duplicate)
                }
                entry.id = value
            }
            if server["interconnect"] == nil {
                // Interpretation: "its interconnect list may be empty" (§1.6) also allows leaving it out.
                if servers.count != 1 { missing("interconnect", in: server, name: name) }
            } else if let addresses = strings(server, "interconnect") {
                for address in addresses {
                    _ = cidr(address.value, at: address.node.valuePosition)
                }
                entry.interconnect = addresses.map(\.value)
            }
            if let value = requiredString(server, "public", in: name), let node = server["public"] {
                _ = cidr(value, at: node.valuePosition)
                entry.publicAddress = value
            }
            if let addresses = strings(server, "mirror"), let node = server["mirror"] {
                if addresses.count > 2 {
                    error(
                        node.keyPosition,
                        "too many mirror addresses on server \(quote(entry.name)) (\(addresses.count), at most 2)"
                    )
                }
                for address in addresses {
                    _ = cidr(address.value, at: address.node.valuePosition)
                }
                entry.mirror = addresses.map(\.value)
            }
            config.servers.append(entry)
            serverTables.append(server)
        }
    }

    // MARK: [[group]]

    mutating func readGroups() {
        guard let groups = tables(root, "group") else { return }
        var names = DuplicateTracker("group")
        var resourceNames = DuplicateTracker("resource")
        var shareNames = DuplicateTracker("share name")
        let name = "[[group]]"
        for (offset, group) in groups.enumerated() {
            if offset == ConfigLimits.groups {
                error(group.position, "too many groups (\(groups.count), at most \(ConfigLimits.groups))")
            }
            unknownKeys(group, allowed: ConfigKeys.group, in: name)
            var entry = GroupConfig(name: "", servers: [])
            if let value = requiredString(group, "name", in: name), let node = group["name"] {
                if checkName(value, .group, at: node.valuePosition),
                    let duplicate = names.check(value, at: node.valuePosition)
                {
                    error(node.valuePosition, duplicate)
                }
                entry.name = value
            }
            if group["servers"] == nil {
                missing("servers", in: group, name: name)
            } else if let servers = strings(group, "servers"), let node = group["servers"] {
                if servers.isEmpty {
                    error(node.keyPosition, "\"servers\" must not be empty")
                } else if servers.count > ConfigLimits.servers {
                    error(
                        node.keyPosition,
                        "too many servers in group \(quote(entry.name)) (\(servers.count), at most \(ConfigLimits.servers))"
                    )
                }
                var listed = DuplicateTracker("server")
                for server in servers {
                    if let duplicate = listed.check(server.value, at: server.node.valuePosition) {
                        error(server.node.valuePosition, duplicate)
                    }
                }
                entry.servers = servers.map(\.value)
            }
            entry.maxFailovers = entry.servers.count
            if let value = bool(group, "auto_start") { entry.autoStart = value }
            if let value = enumeration(group, "failback", GroupConfig.Failback.self) { entry.failback = value }
            if let value = bool(group, "exclusive") { entry.exclusive = value }
            if let value = integer(group, ConfigSchema.group.key("max_failovers")) { entry.maxFailovers = value }
            if let value = integer(group, ConfigSchema.group.key("failover_window_s")) {
                entry.failoverWindowSeconds = value
            }
            if let value = integer(group, ConfigSchema.group.key("start_timeout_s")) {
                entry.startTimeoutSeconds = value
            }
            if let value = integer(group, ConfigSchema.group.key("stop_timeout_s")) { entry.stopTimeoutSeconds = value }
            entry.environment = environment(group)
            if let resources = tables(group, "resource") {
                for (index, resource) in resources.enumerated() {
                    if index == ConfigLimits.resourcesPerGroup {
                        error(
                            resource.position,
                            "too many resources in group \(quote(entry.name)) (\(resources.count), at most \(ConfigLimits.resourcesPerGroup))"
                        )
                    }
                    let read = readResource(resource, names: &resourceNames, shareNames: &shareNames)
                    if let read { entry.resources.append(read) }
                    resourceRecords.append(
                        ResourceRecord(groupIndex: config.groups.count, table: resource, resource: read)
                    )
                }
            }
            config.groups.append(entry)
            groupTables.append(group)
        }
    }

    mutating func readResource(
        _ resource: TOMLTable,
        names: inout DuplicateTracker,
        shareNames: inout DuplicateTracker
    ) -> ResourceConfig? {
        let name = "[[group.resource]]"
        let typeName = resource["type"].flatMap { node -> String? in
            if case .string(let text) = node.value, ResourceType(rawValue: text) != nil { return text }
            return nil
        }
        unknownKeys(resource, allowed: ConfigKeys.resource(type: typeName), in: name)
        var resourceName = ""
        if let value = requiredString(resource, "name", in: name), let node = resource["name"] {
            if value.lowercased() == "script" {
                error(node.valuePosition, "invalid resource name \(quote(value)): reserved for the group's scripts")
            } else if checkName(value, .resource, at: node.valuePosition),
                let duplicate = names.check(value, at: node.valuePosition)
            {
                error(node.valuePosition, duplicate)
            }
            resourceName = value
        }
        let failure = enumeration(resource, "on_deactivate_failure", ResourceConfig.DeactivateFailure.self)
        let kind: ResourceConfig.Kind?
        if resource["type"] == nil {
            missing("type", in: resource, name: name)
            kind = nil
        } else {
            switch enumeration(resource, "type", ResourceType.self) {
            case .exec: kind = readExec(resource).map(ResourceConfig.Kind.exec)
            case .fip: kind = readFloatingAddress(resource).map(ResourceConfig.Kind.fip)
            case .disk: kind = readDisk(resource).map(ResourceConfig.Kind.disk)
            case .mirror: kind = readMirror(resource).map(ResourceConfig.Kind.mirror)
            case .share: kind = readShare(resource, shareNames: &shareNames).map(ResourceConfig.Kind.share)
            case nil: kind = nil
            }
        }
        guard let kind else { return nil }
        return ResourceConfig(name: resourceName, kind: kind, onDeactivateFailure: failure ?? .shutdown)
    }

    mutating func readExec(_ resource: TOMLTable) -> ExecResource? {
        let name = "[[group.resource]]"
        let start = resource["start"] == nil ? nil : path(resource, "start")
        let stop = resource["stop"] == nil ? nil : path(resource, "stop")
        if resource["start"] == nil { missing("start", in: resource, name: name) }
        if resource["stop"] == nil { missing("stop", in: resource, name: name) }
        var exec = ExecResource(start: start ?? "", stop: stop ?? "")
        exec.startTimeoutSeconds = integer(resource, ConfigSchema.exec.key("start_timeout_s"))
        exec.stopTimeoutSeconds = integer(resource, ConfigSchema.exec.key("stop_timeout_s"))
        exec.environment = environment(resource)
        for key in ["start", "stop"] {
            if let node = resource[key], case .string(let text) = node.value, text.isEmpty {
                error(node.keyPosition, "\(quote(key)) must not be empty")
            }
        }
        return exec
    }

    mutating func readFloatingAddress(_ resource: TOMLTable) -> FloatingAddressResource? {
        let name = "[[group.resource]]"
        var fip = FloatingAddressResource(address: "")
        if let value = requiredString(resource, "address", in: name), let node = resource["address"] {
            if let address = cidr(value, at: node.valuePosition) {
                if address.isNetworkAddress {
                    error(node.valuePosition, "invalid address \(quote(value)): a network address")
                } else if address.isBroadcastAddress {
                    error(node.valuePosition, "invalid address \(quote(value)): a broadcast address")
                }
            }
            fip.address = value
        }
        if let value = string(resource, "interface") { fip.interface = value }
        if let value = integer(resource, ConfigSchema.fip.key("garp_count")) { fip.garpCount = value }
        if let value = integer(resource, ConfigSchema.fip.key("garp_interval_ms")) {
            fip.garpIntervalMilliseconds = value
        }
        if let value = bool(resource, "duplicate_check") { fip.duplicateCheck = value }
        return fip
    }

    mutating func readFileSystem(_ resource: TOMLTable) -> FileSystemSettings {
        let name = "[[group.resource]]"
        var settings = FileSystemSettings(mount: "", fsType: "", disconnectRetry: config.timing.disconnectRetry)
        if resource["mount"] == nil {
            missing("mount", in: resource, name: name)
        } else if let value = path(resource, "mount", absolute: true) {
            settings.mount = value
        }
        if let value = requiredString(resource, "fs_type", in: name), let node = resource["fs_type"] {
            if value.isEmpty
                || !value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) })
            {
                error(node.keyPosition, "\"fs_type\" = \(quote(value)) must be lowercase letters and digits")
            }
            settings.fsType = value
        }
        if let value = string(resource, "mount_options") { settings.mountOptions = value }
        if let value = enumeration(resource, "fsck", FsckMode.self) { settings.fsck = value }
        if let value = integer(resource, ConfigSchema.disk.key("fsck_timeout_s")) {
            settings.fsckTimeoutSeconds = value
        }
        settings.disconnectRetry = disconnectRetry(resource, defaults: config.timing.disconnectRetry)
        return settings
    }

    mutating func readDisk(_ resource: TOMLTable) -> DiskResource? {
        let name = "[[group.resource]]"
        var device = ""
        if resource["device"] == nil {
            missing("device", in: resource, name: name)
        } else if let value = path(resource, "device", absolute: true) {
            device = value
        }
        return DiskResource(device: device, fileSystem: readFileSystem(resource))
    }

    mutating func readMirror(_ resource: TOMLTable) -> MirrorResource? {
        let name = "[[group.resource]]"
        let resourceName =
            resource["name"].flatMap { node -> String? in
                if case .string(let text) = node.value { return text }
                return nil
            } ?? ""
        var backing = MirrorResource.Backing.device("")
        switch (resource["device"], resource["file"]) {
        case (.some, .some), (nil, nil):
            error(resource.position, "mirror \(quote(resourceName)) needs exactly one of: device, file")
        case (.some, nil):
            if let value = path(resource, "device", absolute: true) { backing = .device(value) }
            if let node = resource["size_mib"] {
                error(node.keyPosition, "\"size_mib\" is only used with \"file\"")
            }
        case (nil, .some):
            let file = path(resource, "file", absolute: true)
            if resource["size_mib"] == nil { missing("size_mib", in: resource, name: name) }
            let size = integer(resource, ConfigSchema.mirror.key("size_mib"))
            backing = .file(file ?? "", sizeMiB: size ?? 0)
        }
        let fileSystem = readFileSystem(resource)
        var peers: [String] = []
        if resource["peers"] == nil {
            missing("peers", in: resource, name: name)
        } else if let values = strings(resource, "peers") {
            peers = values.map(\.value)
        }
        let initialSource = requiredString(resource, "initial_source", in: name) ?? ""
        if let node = resource["initial_source"], !initialSource.isEmpty, !peers.isEmpty, !peers.contains(initialSource)
        {
            error(
                node.keyPosition,
                "\"initial_source\" = \(quote(initialSource)) is not one of: \(peers.joined(separator: ", "))"
            )
        }
        let port = requiredInteger(resource, "port", 1...65535, in: name) ?? 0
        var mirror = MirrorResource(
            backing: backing,
            fileSystem: fileSystem,
            peers: peers,
            initialSource: initialSource,
            port: port
        )
        if let value = enumeration(resource, "sync_mode", MirrorResource.SyncMode.self) { mirror.syncMode = value }
        if let value = rateLimit(resource, "resync_limit") { mirror.resyncLimit = value }
        if let value = rateLimit(resource, "replication_limit") { mirror.replicationLimit = value }
        if let value = integer(resource, ConfigSchema.mirror.key("link_mbps")) { mirror.linkMbps = value }
        if let value = integer(resource, ConfigSchema.mirror.key("bitmap_block_kib")),
            let node = resource["bitmap_block_kib"]
        {
            if value & (value - 1) != 0 {
                error(node.keyPosition, "\"bitmap_block_kib\" = \(value) is not a power of two")
            } else {
                mirror.bitmapBlockKiB = value
            }
        }
        if let value = bool(resource, "auto_rebuild") { mirror.autoRebuild = value }
        if let value = integer(resource, ConfigSchema.mirror.key("comm_timeout_s")) {
            mirror.commTimeoutSeconds = value
        }
        if let value = integer(resource, ConfigSchema.mirror.key("comm_retries")) { mirror.commRetries = value }
        if let value = integer(resource, ConfigSchema.mirror.key("send_buffer_mib")) { mirror.sendBufferMiB = value }
        if let value = bool(resource, "snapshot_readonly") { mirror.snapshotReadOnly = value }
        return mirror
    }

    /// `resync_limit` / `replication_limit`: `"0"`, `"N%"` (1–100) or `"N MiB/s"` (V24).
    mutating func rateLimit(_ resource: TOMLTable, _ key: String) -> String? {
        guard let value = string(resource, key), let node = resource[key] else { return nil }
        guard RateLimit(value) != nil else {
            error(node.keyPosition, "\(quote(key)) = \(quote(value)) must be \"0\", \"N%\" (1..100) or \"N MiB/s\"")
            return nil
        }
        return value
    }

    mutating func readShare(_ resource: TOMLTable, shareNames: inout DuplicateTracker) -> ShareResource? {
        let name = "[[group.resource]]"
        var share = ShareResource(shareName: "", path: "")
        if let value = requiredString(resource, "share_name", in: name), let node = resource["share_name"] {
            if checkName(value, .share, at: node.valuePosition),
                let duplicate = shareNames.check(value, at: node.valuePosition)
            {
                error(node.valuePosition, duplicate)
            }
            share.shareName = value
        }
        if resource["path"] == nil {
            missing("path", in: resource, name: name)
        } else if let value = path(resource, "path", absolute: true) {
            share.path = value
        }
        if let value = path(resource, "export_hook", absolute: true) { share.exportHook = value }
        if let value = string(resource, "hook_options") { share.hookOptions = value }
        if let value = integer(resource, ConfigSchema.share.key("hook_timeout_s")) { share.hookTimeoutSeconds = value }
        return share
    }

    // MARK: [[monitor]]

    mutating func readMonitors() {
        guard let monitors = tables(root, "monitor") else { return }
        var names = DuplicateTracker("monitor")
        var watchIDs = DuplicateTracker("WID")
        let name = "[[monitor]]"
        for (offset, monitor) in monitors.enumerated() {
            if offset == ConfigLimits.monitors {
                error(monitor.position, "too many monitors (\(monitors.count), at most \(ConfigLimits.monitors))")
            }
            let typeName = monitor["type"].flatMap { node -> String? in
                if case .string(let text) = node.value, ConfigKeys.monitorSpecific[text] != nil { return text }
                return nil
            }
            unknownKeys(monitor, allowed: ConfigKeys.monitor(type: typeName), in: name)
            var monitorName = ""
            if let value = requiredString(monitor, "name", in: name), let node = monitor["name"] {
                if checkName(value, .monitor, at: node.valuePosition),
                    let duplicate = names.check(value, at: node.valuePosition)
                {
                    error(node.valuePosition, duplicate)
                }
                monitorName = value
            }
            let group = string(monitor, "group") ?? ""
            var kind: MonitorConfig.Kind?
            if monitor["type"] == nil {
                missing("type", in: monitor, name: name)
            } else if let type = enumeration(monitor, "type", MonitorType.self) {
                kind = readMonitorKind(type, monitor, monitorName: monitorName, watchIDs: &watchIDs)
            }
            guard let kind else {
                monitorRecords.append(MonitorRecord(table: monitor, monitor: nil))
                continue
            }
            var entry = MonitorConfig(name: monitorName, kind: kind, group: group)
            if let value = enumeration(monitor, "when", MonitorConfig.When.self), let node = monitor["when"] {
                if value == .active && group.isEmpty {
                    error(node.keyPosition, "\"when\" = \"active\" needs a group")
                }
                entry.when = value
            }
            if let value = integer(monitor, ConfigSchema.monitor.key("interval_s")) { entry.intervalSeconds = value }
            if let value = integer(monitor, ConfigSchema.monitor.key("timeout_s")) { entry.timeoutSeconds = value }
            if let value = integer(monitor, ConfigSchema.monitor.key("retries")) { entry.retries = value }
            if let value = integer(monitor, ConfigSchema.monitor.key("start_delay_s")) {
                entry.startDelaySeconds = value
            }
            if let value = integer(monitor, ConfigSchema.monitor.key("restart_max")) { entry.restartMax = value }
            if let value = enumeration(monitor, "action", MonitorConfig.Action.self), let node = monitor["action"] {
                if (value == .failover || value == .stop) && group.isEmpty {
                    error(node.keyPosition, "\"action\" = \(quote(value.rawValue)) needs a group")
                }
                entry.action = value
            }
            config.monitors.append(entry)
            monitorRecords.append(MonitorRecord(table: monitor, monitor: entry))
        }
    }

    mutating func readMonitorKind(
        _ type: MonitorType,
        _ monitor: TOMLTable,
        monitorName: String,
        watchIDs: inout DuplicateTracker
    ) -> MonitorConfig.Kind? {
        let name = "[[monitor]]"
        switch type {
        case .ip:
            guard monitor["targets"] != nil else {
                missing("targets", in: monitor, name: name)
                return nil
            }
            guard let targets = strings(monitor, "targets"), let node = monitor["targets"] else { return nil }
            if targets.isEmpty {
                error(node.keyPosition, "\"targets\" must not be empty")
            } else if targets.count > 16 {
                error(node.keyPosition, "too many targets (\(targets.count), at most 16)")
            }
            for target in targets {
                _ = plainAddress(target.value, at: target.node.valuePosition)
            }
            return .ip(targets: targets.map(\.value))
        case .process:
            let present = ["wid", "pid_file", "process_name"].filter { monitor[$0] != nil }
            guard present.count == 1 else {
                error(
                    monitor.position,
                    "monitor \(quote(monitorName)) needs exactly one of: wid, pid_file, process_name"
                )
                return nil
            }
            if let wid = string(monitor, "wid"), let node = monitor["wid"] {
                if checkName(wid, .watchID, at: node.valuePosition),
                    let duplicate = watchIDs.check(wid, at: node.valuePosition)
                {
                    error(node.valuePosition, duplicate)
                }
                return .process(.watchID(wid))
            }
            if let file = path(monitor, "pid_file", absolute: true) { return .process(.pidFile(file)) }
            if let process = string(monitor, "process_name"), let node = monitor["process_name"] {
                if process.isEmpty || process.count > 15 {
                    error(
                        node.keyPosition,
                        "\"process_name\" = \(quote(process)) must be 1 to 15 characters (/proc/PID/comm)"
                    )
                    return nil
                }
                return .process(.processName(process))
            }
            return nil
        case .script:
            guard monitor["command"] != nil else {
                missing("command", in: monitor, name: name)
                return nil
            }
            guard let command = argv(monitor, "command", requireAbsolute: false), let node = monitor["command"] else {
                return nil
            }
            if command.isEmpty {
                error(node.keyPosition, "\"command\" must not be empty")
                return nil
            }
            return .script(command: command)
        case .disk:
            let present = ["device", "path"].filter { monitor[$0] != nil }
            guard present.count == 1 else {
                error(monitor.position, "monitor \(quote(monitorName)) needs exactly one of: device, path")
                return nil
            }
            if let device = path(monitor, "device", absolute: true) { return .disk(.device(device)) }
            if let directory = path(monitor, "path", absolute: true) { return .disk(.path(directory)) }
            return nil
        case .mirror:
            guard monitor["resource"] != nil else {
                missing("resource", in: monitor, name: name)
                return nil
            }
            guard let resource = string(monitor, "resource") else { return nil }
            return .mirror(resource: resource)
        }
    }

    // MARK: [armload], [services.NAME]

    mutating func readArmload() {
        guard root["armload"] != nil, let armload = table(root, "armload") else { return }
        armloadTable = armload
        unknownKeys(armload, allowed: ConfigKeys.armload, in: "[armload]")
        var settings = ArmloadSettings()
        if let value = integer(armload, ConfigSchema.armload.key("max_watches")) { settings.maxWatches = value }
        if let value = strings(armload, "users") { settings.users = value.map(\.value) }
        if let value = integer(armload, ConfigSchema.armload.key("stop_wait_s")) { settings.stopWaitSeconds = value }
        if let value = integer(armload, ConfigSchema.armload.key("service_start_wait_s")) {
            settings.serviceStartWaitSeconds = value
        }
        if let value = integer(armload, ConfigSchema.armload.key("restart_delay_ms")) {
            settings.restartDelayMilliseconds = value
        }
        if let value = integer(armload, ConfigSchema.armload.key("restart_backoff_ms")) {
            settings.restartBackoffMilliseconds = value
        }
        if let value = integer(armload, ConfigSchema.armload.key("restart_backoff_max_ms")) {
            settings.restartBackoffMaxMilliseconds = value
        }
        if let value = integer(armload, ConfigSchema.armload.key("restart_healthy_ms")) {
            settings.restartHealthyMilliseconds = value
        }
        config.armload = settings
    }

    mutating func readServices() {
        guard root["services"] != nil, let services = table(root, "services") else { return }
        var names = DuplicateTracker("service")
        for serviceName in services.keys {
            guard let node = services[serviceName] else { continue }
            let name = "[services.\(TOMLText.key(serviceName))]"
            guard case .table(let service) = node.value else {
                wrongType(serviceName, node, expected: "table")
                continue
            }
            if checkName(serviceName, .service, at: node.keyPosition),
                let duplicate = names.check(serviceName, at: node.keyPosition)
            {
                error(node.keyPosition, duplicate)
            }
            unknownKeys(service, allowed: ConfigKeys.service, in: name)
            var entry = ServiceConfig(
                name: serviceName,
                start: [],
                startWaitSeconds: config.armload.serviceStartWaitSeconds
            )
            if service["start"] == nil {
                missing("start", in: service, name: name)
            } else if let start = argv(service, "start", requireAbsolute: true), let startNode = service["start"] {
                if start.isEmpty { error(startNode.keyPosition, "\"start\" must not be empty") }
                entry.start = start
            }
            if let stop = argv(service, "stop", requireAbsolute: true) { entry.stop = stop }
            if let value = enumeration(service, "type", ServiceConfig.ServiceType.self) { entry.type = value }
            if let value = path(service, "pid_file", absolute: true) { entry.pidFile = value }
            if entry.type == .forking && service["pid_file"] == nil {
                missing("pid_file", in: service, name: name)
            }
            if let value = string(service, "user") { entry.user = value }
            entry.environment = environment(service)
            if let value = integer(service, ConfigSchema.service.key("start_wait_s")) { entry.startWaitSeconds = value }
            config.services.append(entry)
        }
    }

    // MARK: [manager]

    mutating func readManager() {
        guard root["manager"] != nil, let manager = table(root, "manager") else { return }
        managerTable = manager
        unknownKeys(manager, allowed: ConfigKeys.manager, in: "[manager]")
        var settings = ManagerSettings()
        if let values = strings(manager, "enabled_on") { settings.enabledOn = values.map(\.value) }
        if let values = strings(manager, "listen") {
            for value in values {
                if case .failure(let failure) = HostPort.parse(value.value) {
                    error(value.node.valuePosition, "invalid address \(quote(value.value)): \(failure.reason)")
                }
            }
            settings.listen = values.map(\.value)
        }
        if let value = bool(manager, "tls") { settings.tls = value }
        if let value = path(manager, "tls_cert", absolute: true) { settings.tlsCert = value }
        if let value = path(manager, "tls_key", absolute: true) { settings.tlsKey = value }
        if let value = path(manager, "client_ca", absolute: true) { settings.clientCA = value }
        if let values = strings(manager, "allowed_clients") {
            for value in values {
                _ = cidr(value.value, at: value.node.valuePosition)
            }
            settings.allowedClients = values.map(\.value)
        }
        if let value = integer(manager, ConfigSchema.manager.key("agent_idle_timeout_s")) {
            settings.agentIdleTimeoutSeconds = value
        }
        if let value = integer(manager, "agent_keepalive_s", 5...max(5, settings.agentIdleTimeoutSeconds / 3)) {
            settings.agentKeepaliveSeconds = value
        }
        if let value = integer(manager, ConfigSchema.manager.key("client_idle_timeout_s")) {
            settings.clientIdleTimeoutSeconds = value
        }
        config.manager = settings
    }

    // MARK: [log]

    mutating func readLog() {
        guard root["log"] != nil, let log = table(root, "log") else { return }
        unknownKeys(log, allowed: ConfigKeys.log, in: "[log]")
        var settings = LogSettings()
        if let value = integer(log, ConfigSchema.log.key("level")) { settings.level = value }
        if let value = enumeration(log, "language", LogSettings.Language.self) { settings.language = value }
        if let value = enumeration(log, "format", LogSettings.Format.self) { settings.format = value }
        if let value = bool(log, "utc") { settings.utc = value }
        if let value = enumeration(log, "syslog", LogSettings.Syslog.self) { settings.syslog = value }
        if let value = enumeration(log, "rotation", LogSettings.Rotation.self) { settings.rotation = value }
        if let value = integer(log, ConfigSchema.log.key("script_output_lines")) { settings.scriptOutputLines = value }
        if log["files"] != nil, let files = table(log, "files") {
            unknownKeys(files, allowed: LogFileName.allCases.map(\.rawValue), in: "[log.files]")
            for fileName in files.keys {
                guard let file = LogFileName(rawValue: fileName), let node = files[fileName] else { continue }
                guard case .table(let fileTable) = node.value else {
                    wrongType(fileName, node, expected: "table")
                    continue
                }
                unknownKeys(fileTable, allowed: ConfigKeys.logFile, in: "[log.files.\(fileName)]")
                var fileSettings = file.defaultSettings
                if let value = integer(fileTable, ConfigSchema.logFile.key("size_mib")) { fileSettings.sizeMiB = value }
                if let value = integer(fileTable, ConfigSchema.logFile.key("count")) { fileSettings.count = value }
                settings.files[file] = fileSettings
            }
        }
        config.log = settings
    }
}

/// `type` of `[[group.resource]]`.
enum ResourceType: String, CaseIterable {
    case exec
    case fip
    case disk
    case mirror
    case share
}

/// `type` of `[[monitor]]`.
enum MonitorType: String, CaseIterable {
    case ip
    case process
    case script
    case disk
    case mirror
}

/// A mirror rate limit (`resync_limit`, `replication_limit`; §1.8).
package enum RateLimit: Sendable, Equatable {
    /// `"0"`: no limit.
    case unlimited
    /// `"N%"` of the link speed, 1–100.
    case percent(Int)
    /// `"N MiB/s"`.
    case mebibytesPerSecond(Int)

    /// Parses the value, or nil if it is none of the three forms.
    package init?(_ text: String) {
        if text == "0" {
            self = .unlimited
        } else if text.hasSuffix("%"), let value = Int(text.dropLast()), (1...100).contains(value),
            text.first != "+"
        {
            self = .percent(value)
        } else if text.hasSuffix(" MiB/s"), let value = Int(text.dropLast(6)), value >= 1, text.first != "+" {
            self = .mebibytesPerSecond(value)
        } else {
            return nil
        }
    }
}
