import ArmCore

/// The whole of `cluster.toml` with every default applied (config-and-files §1.2–§1.12).
///
/// Built by `ConfigValidator` from a parsed tree; paths keep `${ARM_ROOT}` and product paths unrelocated
/// (resolve them with `ArmRootPath.resolve(_:armRoot:)`).
package struct ClusterConfig: Sendable, Equatable {
    /// `[cluster]`.
    package var cluster: ClusterSettings
    /// `[cluster.timing]`.
    package var timing: TimingSettings
    /// `[cluster.network]`.
    package var network: NetworkSettings
    /// `[cluster.partition]`.
    package var partition: PartitionSettings
    /// `[[server]]`, in file order.
    package var servers: [ServerConfig]
    /// `[[group]]`, in file order.
    package var groups: [GroupConfig]
    /// `[[monitor]]`, in file order.
    package var monitors: [MonitorConfig]
    /// `[armload]`.
    package var armload: ArmloadSettings
    /// `[services.NAME]`, in file order.
    package var services: [ServiceConfig]
    /// `[manager]`.
    package var manager: ManagerSettings
    /// `[log]`.
    package var log: LogSettings

    /// Creates a configuration; everything but the cluster name, partition method and servers defaults.
    package init(
        cluster: ClusterSettings,
        timing: TimingSettings = TimingSettings(),
        network: NetworkSettings = NetworkSettings(),
        partition: PartitionSettings,
        servers: [ServerConfig],
        groups: [GroupConfig] = [],
        monitors: [MonitorConfig] = [],
        armload: ArmloadSettings = ArmloadSettings(),
        services: [ServiceConfig] = [],
        manager: ManagerSettings = ManagerSettings(),
        log: LogSettings = LogSettings()
    ) {
        self.cluster = cluster
        self.timing = timing
        self.network = network
        self.partition = partition
        self.servers = servers
        self.groups = groups
        self.monitors = monitors
        self.armload = armload
        self.services = services
        self.manager = manager
        self.log = log
    }

    /// A cluster with one `[[server]]` (§1.6): no membership, partition method `none`.
    package var isSingleServer: Bool { servers.count == 1 }

    /// The `[[server]]` entry called `name` (exact match).
    package func localServer(named name: String) -> ServerConfig? {
        servers.first { $0.name == name }
    }

    /// The group called `name` (exact match).
    package func group(named name: String) -> GroupConfig? {
        groups.first { $0.name == name }
    }

    /// Heartbeat timeout: interval × count (§1.3).
    package var heartbeatTimeoutMilliseconds: Int {
        timing.heartbeatIntervalMilliseconds * timing.heartbeatTimeoutCount
    }
}

// MARK: - [cluster]

/// `[cluster]` (§1.2).
package struct ClusterSettings: Sendable, Equatable {
    /// `shutdown_action`.
    package enum ShutdownAction: String, Sendable, CaseIterable {
        case poweroff
        case reboot
        case exit
    }

    /// `socket_mode`.
    package enum SocketMode: String, Sendable, CaseIterable {
        case ownerAndGroup = "0660"
        case everyone = "0666"
    }

    /// `name` (N1).
    package var name: String
    /// `key_file`.
    package var keyFile: String = ConfigSchema.cluster.string("key_file")
    /// `auto_return`.
    package var autoReturn = ConfigSchema.cluster.boolean("auto_return")
    /// `shutdown_action`.
    package var shutdownAction: ShutdownAction = ConfigSchema.cluster.choice("shutdown_action")
    /// `socket_mode`.
    package var socketMode: SocketMode = ConfigSchema.cluster.choice("socket_mode")

    /// Creates settings with defaults.
    package init(name: String) {
        self.name = name
    }
}

/// `[cluster.timing]` (§1.3).
package struct TimingSettings: Sendable, Equatable {
    /// `profile`: the defaults of the heartbeat and fencing keys.
    package enum Profile: String, Sendable, CaseIterable {
        case standard
        case fast
        case seed

        /// `heartbeat_interval_ms` default.
        package var heartbeatIntervalMilliseconds: Int {
            switch self {
            case .standard: 1000
            case .fast: 100
            case .seed: 3000
            }
        }

        /// `heartbeat_timeout_count` default.
        package var heartbeatTimeoutCount: Int {
            switch self {
            case .standard: 3
            case .fast: 5
            case .seed: 10
            }
        }

        /// `enforce_seed_minimums` default.
        package var enforcesSeedMinimums: Bool { self == .seed }

        /// `[cluster.partition] fence_deadline_ms` default.
        package var fenceDeadlineMilliseconds: Int {
            switch self {
            case .standard: 500
            case .fast: 300
            case .seed: 1000
            }
        }

        /// `[cluster.partition] lock_io_timeout_ms` default.
        package var lockIOTimeoutMilliseconds: Int {
            switch self {
            case .standard: 1000
            case .fast: 200
            case .seed: 10000
            }
        }
    }

    /// `local_disk_action`.
    package enum LocalDiskAction: String, Sendable, CaseIterable {
        case reset
        case panic
    }

    /// `time_sync`.
    package enum TimeSync: String, Sendable, CaseIterable {
        case external
        case cluster
    }

    /// `profile`.
    package var profile: Profile
    /// `heartbeat_interval_ms`.
    package var heartbeatIntervalMilliseconds: Int
    /// `heartbeat_timeout_count`.
    package var heartbeatTimeoutCount: Int
    /// `enforce_seed_minimums`.
    package var enforceSeedMinimums: Bool
    /// `startup_sync_wait_min`.
    package var startupSyncWaitMinutes = ConfigSchema.timing.integer("startup_sync_wait_min")
    /// `disk_io_wait_s`.
    package var diskIOWaitSeconds = ConfigSchema.timing.integer("disk_io_wait_s")
    /// `local_disk_monitor`.
    package var localDiskMonitor = ConfigSchema.timing.boolean("local_disk_monitor")
    /// `local_disk_timeout_min`.
    package var localDiskTimeoutMinutes = ConfigSchema.timing.integer("local_disk_timeout_min")
    /// `local_disk_action`.
    package var localDiskAction: LocalDiskAction = ConfigSchema.timing.choice("local_disk_action")
    /// `disconnect_retry` and its interval and count.
    package var disconnectRetry = DisconnectRetry()
    /// `script_warn_min` (0 = off).
    package var scriptWarnMinutes = ConfigSchema.timing.integer("script_warn_min")
    /// `time_sync`.
    package var timeSync: TimeSync = ConfigSchema.timing.choice("time_sync")
    /// `clock_warn_ms`.
    package var clockWarnMilliseconds = ConfigSchema.timing.integer("clock_warn_ms")

    /// Creates settings with the defaults of `profile`.
    package init(profile: Profile = ConfigSchema.timing.choice("profile")) {
        self.profile = profile
        heartbeatIntervalMilliseconds = profile.heartbeatIntervalMilliseconds
        heartbeatTimeoutCount = profile.heartbeatTimeoutCount
        enforceSeedMinimums = profile.enforcesSeedMinimums
    }
}

/// `disconnect_retry`, `disconnect_retry_interval_s`, `disconnect_retry_count` (§1.3, also per disk).
package struct DisconnectRetry: Sendable, Equatable {
    /// `disconnect_retry`.
    package enum Mode: String, Sendable, CaseIterable {
        case none
        case infinite
        case timeout
    }

    /// Mode.
    package var mode: Mode
    /// `disconnect_retry_interval_s`.
    package var intervalSeconds: Int
    /// `disconnect_retry_count`.
    package var count: Int

    /// Creates the defaults.
    package init(
        mode: Mode = ConfigSchema.timing.choice("disconnect_retry"),
        intervalSeconds: Int = ConfigSchema.timing.integer("disconnect_retry_interval_s"),
        count: Int = ConfigSchema.timing.integer("disconnect_retry_count")
    ) {
        self.mode = mode
        self.intervalSeconds = intervalSeconds
        self.count = count
    }
}

/// `[cluster.network]` (§1.4).
package struct NetworkSettings: Sendable, Equatable {
    /// `heartbeat_port` (UDP).
    package var heartbeatPort = ConfigSchema.network.integer("heartbeat_port")
    /// `control_port` (TCP).
    package var controlPort = ConfigSchema.network.integer("control_port")
    /// `heartbeat_dscp`.
    package var heartbeatDSCP = ConfigSchema.network.integer("heartbeat_dscp")
    /// `mirror_dscp`.
    package var mirrorDSCP = ConfigSchema.network.integer("mirror_dscp")
    /// `idle_timeout_s`.
    package var idleTimeoutSeconds = ConfigSchema.network.integer("idle_timeout_s")
    /// `keepalive_s`.
    package var keepaliveSeconds = ConfigSchema.network.integer("keepalive_s")
    /// `offload_warn`.
    package var offloadWarn = ConfigSchema.network.strings("offload_warn")

    /// Creates the defaults.
    package init() {}
}

/// `[cluster.partition]` (§1.5).
package struct PartitionSettings: Sendable, Equatable {
    /// `method`.
    package enum Method: String, Sendable, CaseIterable {
        case majority
        case disk
        case ping
        case none

        /// Minimum heartbeat timeout of §1.3 (S§4.1).
        package var minimumHeartbeatTimeoutMilliseconds: Int {
            switch self {
            case .majority, .disk: 30000
            case .ping, .none: 3000
            }
        }
    }

    /// `fence_action`.
    package enum FenceAction: String, Sendable, CaseIterable {
        case kill
        case reboot
        case dryRun = "dry-run"
    }

    /// `method` (required).
    package var method: Method
    /// `tie_breaker` (IP addresses as written).
    package var tieBreaker: [String] = ConfigSchema.partition.strings("tie_breaker")
    /// `ping_timeout_ms`.
    package var pingTimeoutMilliseconds = ConfigSchema.partition.integer("ping_timeout_ms")
    /// `ping_count`.
    package var pingCount = ConfigSchema.partition.integer("ping_count")
    /// `lock_device` (`""` = none).
    package var lockDevice = ConfigSchema.partition.string("lock_device")
    /// `lock_offset_kib`.
    package var lockOffsetKiB = ConfigSchema.partition.integer("lock_offset_kib")
    /// `lock_size_kib`.
    package var lockSizeKiB = ConfigSchema.partition.integer("lock_size_kib")
    /// `lock_io_timeout_ms` (default from the profile).
    package var lockIOTimeoutMilliseconds: Int
    /// `disk_heartbeat`.
    package var diskHeartbeat = ConfigSchema.partition.boolean("disk_heartbeat")
    /// `fence_deadline_ms` (default from the profile).
    package var fenceDeadlineMilliseconds: Int
    /// `fence_action`.
    package var fenceAction: FenceAction = ConfigSchema.partition.choice("fence_action")

    /// Creates settings with the defaults of `profile`.
    package init(method: Method, profile: TimingSettings.Profile = .standard) {
        self.method = method
        lockIOTimeoutMilliseconds = profile.lockIOTimeoutMilliseconds
        fenceDeadlineMilliseconds = profile.fenceDeadlineMilliseconds
    }
}

// MARK: - [[server]]

/// A `[[server]]` entry (§1.6), addresses as written (`address/prefix`).
package struct ServerConfig: Sendable, Equatable {
    /// `name` (N2).
    package var name: String
    /// `id` (1–32; lower = higher priority).
    package var id: Int
    /// `interconnect`: `[0]` primary, then backups.
    package var interconnect: [String]
    /// `public`.
    package var publicAddress: String
    /// `mirror`.
    package var mirror: [String]

    /// Creates an entry.
    package init(name: String, id: Int, interconnect: [String] = [], publicAddress: String, mirror: [String] = []) {
        self.name = name
        self.id = id
        self.interconnect = interconnect
        self.publicAddress = publicAddress
        self.mirror = mirror
    }
}

// MARK: - [[group]]

/// A `[[group]]` entry with its resources (§1.7, §1.8).
package struct GroupConfig: Sendable, Equatable {
    /// `failback`.
    package enum Failback: String, Sendable, CaseIterable {
        case manual
        case auto
    }

    /// `name` (N3).
    package var name: String
    /// `servers`: the failover policy.
    package var servers: [String]
    /// `auto_start`.
    package var autoStart = ConfigSchema.group.boolean("auto_start")
    /// `failback`.
    package var failback: Failback = ConfigSchema.group.choice("failback")
    /// `exclusive`.
    package var exclusive = ConfigSchema.group.boolean("exclusive")
    /// `max_failovers` (default: the number of servers).
    package var maxFailovers: Int
    /// `failover_window_s` (0 = never reset).
    package var failoverWindowSeconds = ConfigSchema.group.integer("failover_window_s")
    /// `start_timeout_s` (0 = none).
    package var startTimeoutSeconds = ConfigSchema.group.integer("start_timeout_s")
    /// `stop_timeout_s` (0 = none).
    package var stopTimeoutSeconds = ConfigSchema.group.integer("stop_timeout_s")
    /// `env`, in file order.
    package var environment: [EnvironmentVariable] = []
    /// `[[group.resource]]`, in file order.
    package var resources: [ResourceConfig] = []

    /// Creates a group with defaults.
    package init(name: String, servers: [String]) {
        self.name = name
        self.servers = servers
        maxFailovers = servers.count
    }
}

/// One `env` entry; a list keeps the file order for rendering.
package struct EnvironmentVariable: Sendable, Equatable {
    /// Variable name.
    package var name: String
    /// Value.
    package var value: String

    /// Creates an entry.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A `[[group.resource]]` (§1.8).
package struct ResourceConfig: Sendable, Equatable {
    /// `on_deactivate_failure`.
    package enum DeactivateFailure: String, Sendable, CaseIterable {
        case shutdown
        case ignore
    }

    /// The type and its keys.
    package enum Kind: Sendable, Equatable {
        case exec(ExecResource)
        case fip(FloatingAddressResource)
        case disk(DiskResource)
        case mirror(MirrorResource)
        case share(ShareResource)

        /// The `type` value.
        package var typeName: String {
            switch self {
            case .exec: "exec"
            case .fip: "fip"
            case .disk: "disk"
            case .mirror: "mirror"
            case .share: "share"
            }
        }
    }

    /// `name` (N4).
    package var name: String
    /// `on_deactivate_failure`.
    package var onDeactivateFailure: DeactivateFailure = ConfigSchema.resource.choice("on_deactivate_failure")
    /// `type` and its keys.
    package var kind: Kind

    /// Creates a resource.
    package init(
        name: String,
        kind: Kind,
        onDeactivateFailure: DeactivateFailure = ConfigSchema.resource.choice("on_deactivate_failure")
    ) {
        self.name = name
        self.kind = kind
        self.onDeactivateFailure = onDeactivateFailure
    }
}

/// `type = "exec"`.
package struct ExecResource: Sendable, Equatable {
    /// `start`: absolute, or relative to the group's script directory.
    package var start: String
    /// `stop`.
    package var stop: String
    /// `start_timeout_s`; nil = the group's value.
    package var startTimeoutSeconds: Int?
    /// `stop_timeout_s`; nil = the group's value.
    package var stopTimeoutSeconds: Int?
    /// `env`.
    package var environment: [EnvironmentVariable] = []

    /// Creates an exec resource.
    package init(
        start: String,
        stop: String,
        startTimeoutSeconds: Int? = nil,
        stopTimeoutSeconds: Int? = nil,
        environment: [EnvironmentVariable] = []
    ) {
        self.start = start
        self.stop = stop
        self.startTimeoutSeconds = startTimeoutSeconds
        self.stopTimeoutSeconds = stopTimeoutSeconds
        self.environment = environment
    }
}

/// `type = "fip"`.
package struct FloatingAddressResource: Sendable, Equatable {
    /// `address` (CIDR).
    package var address: String
    /// `interface` (`""` = the one in the same network).
    package var interface = ConfigSchema.fip.string("interface")
    /// `garp_count`.
    package var garpCount = ConfigSchema.fip.integer("garp_count")
    /// `garp_interval_ms`.
    package var garpIntervalMilliseconds = ConfigSchema.fip.integer("garp_interval_ms")
    /// `duplicate_check`.
    package var duplicateCheck = ConfigSchema.fip.boolean("duplicate_check")

    /// Creates a floating address with defaults.
    package init(address: String) {
        self.address = address
    }
}

/// `fsck` of disk and mirror resources.
package enum FsckMode: String, Sendable, CaseIterable {
    case never
    case preen
    case full
}

/// The file-system keys shared by `disk` and `mirror`.
package struct FileSystemSettings: Sendable, Equatable {
    /// `mount` (absolute).
    package var mount: String
    /// `fs_type`.
    package var fsType: String
    /// `mount_options`.
    package var mountOptions = ConfigSchema.disk.string("mount_options")
    /// `fsck`.
    package var fsck: FsckMode = ConfigSchema.disk.choice("fsck")
    /// `fsck_timeout_s`.
    package var fsckTimeoutSeconds = ConfigSchema.disk.integer("fsck_timeout_s")
    /// `disconnect_retry*` (default: the cluster's values).
    package var disconnectRetry: DisconnectRetry

    /// Creates settings with defaults.
    package init(mount: String, fsType: String, disconnectRetry: DisconnectRetry = DisconnectRetry()) {
        self.mount = mount
        self.fsType = fsType
        self.disconnectRetry = disconnectRetry
    }
}

/// `type = "disk"`.
package struct DiskResource: Sendable, Equatable {
    /// `device`.
    package var device: String
    /// `mount`, `fs_type`, `mount_options`, `fsck*`, `disconnect_retry*`.
    package var fileSystem: FileSystemSettings

    /// Creates a disk resource.
    package init(device: String, fileSystem: FileSystemSettings) {
        self.device = device
        self.fileSystem = fileSystem
    }
}

/// `type = "mirror"`.
package struct MirrorResource: Sendable, Equatable {
    /// `device` or `file` (exactly one).
    package enum Backing: Sendable, Equatable {
        /// `device`: a local block device, never formatted.
        case device(String)
        /// `file` with `size_mib`: a backing file, created sparse if missing.
        case file(String, sizeMiB: Int)
    }

    /// `sync_mode`.
    package enum SyncMode: String, Sendable, CaseIterable {
        case sync
        case async
    }

    /// Data device or backing file.
    package var backing: Backing
    /// File-system keys as for `disk`.
    package var fileSystem: FileSystemSettings
    /// `peers` (2 servers).
    package var peers: [String]
    /// `initial_source`.
    package var initialSource: String
    /// `port`.
    package var port: Int
    /// `sync_mode`.
    package var syncMode: SyncMode = ConfigSchema.mirror.choice("sync_mode")
    /// `resync_limit`.
    package var resyncLimit = ConfigSchema.mirror.string("resync_limit")
    /// `replication_limit`.
    package var replicationLimit = ConfigSchema.mirror.string("replication_limit")
    /// `link_mbps` (0 = from sysfs).
    package var linkMbps = ConfigSchema.mirror.integer("link_mbps")
    /// `bitmap_block_kib`.
    package var bitmapBlockKiB = ConfigSchema.mirror.integer("bitmap_block_kib")
    /// `auto_rebuild`.
    package var autoRebuild = ConfigSchema.mirror.boolean("auto_rebuild")
    /// `comm_timeout_s`.
    package var commTimeoutSeconds = ConfigSchema.mirror.integer("comm_timeout_s")
    /// `comm_retries`.
    package var commRetries = ConfigSchema.mirror.integer("comm_retries")
    /// `send_buffer_mib`.
    package var sendBufferMiB = ConfigSchema.mirror.integer("send_buffer_mib")
    /// `snapshot_readonly`.
    package var snapshotReadOnly = ConfigSchema.mirror.boolean("snapshot_readonly")

    /// Creates a mirror with defaults.
    package init(
        backing: Backing,
        fileSystem: FileSystemSettings,
        peers: [String],
        initialSource: String,
        port: Int
    ) {
        self.backing = backing
        self.fileSystem = fileSystem
        self.peers = peers
        self.initialSource = initialSource
        self.port = port
    }
}

/// `type = "share"`.
package struct ShareResource: Sendable, Equatable {
    /// `share_name` (N5).
    package var shareName: String
    /// `path` (absolute).
    package var path: String
    /// `export_hook` (`""` = only recorded).
    package var exportHook = ConfigSchema.share.string("export_hook")
    /// `hook_options`.
    package var hookOptions = ConfigSchema.share.string("hook_options")
    /// `hook_timeout_s`.
    package var hookTimeoutSeconds = ConfigSchema.share.integer("hook_timeout_s")

    /// Creates a share with defaults.
    package init(shareName: String, path: String) {
        self.shareName = shareName
        self.path = path
    }
}

// MARK: - [[monitor]]

/// A `[[monitor]]` (§1.9).
package struct MonitorConfig: Sendable, Equatable {
    /// `when`.
    package enum When: String, Sendable, CaseIterable {
        case active
        case always
    }

    /// `action`.
    package enum Action: String, Sendable, CaseIterable {
        case none
        case failover
        case stop
        case shutdown
    }

    /// `process` monitor target: exactly one of `wid`, `pid_file`, `process_name`.
    package enum ProcessTarget: Sendable, Equatable {
        case watchID(String)
        case pidFile(String)
        case processName(String)
    }

    /// `disk` monitor probe: exactly one of `device`, `path`.
    package enum DiskProbe: Sendable, Equatable {
        case device(String)
        case path(String)
    }

    /// The type and its keys.
    package enum Kind: Sendable, Equatable {
        /// `ip`: `targets`.
        case ip(targets: [String])
        /// `process`.
        case process(ProcessTarget)
        /// `script`: `command` argv.
        case script(command: [String])
        /// `disk`.
        case disk(DiskProbe)
        /// `mirror`: `resource`.
        case mirror(resource: String)

        /// The `type` value.
        package var typeName: String {
            switch self {
            case .ip: "ip"
            case .process: "process"
            case .script: "script"
            case .disk: "disk"
            case .mirror: "mirror"
            }
        }
    }

    /// `name` (N4).
    package var name: String
    /// `type` and its keys.
    package var kind: Kind
    /// `group` (`""` = server-level).
    package var group: String
    /// `when` (default `active` with a group, else `always`).
    package var when: When
    /// `interval_s`.
    package var intervalSeconds = ConfigSchema.monitor.integer("interval_s")
    /// `timeout_s` (default 20, `disk` 60).
    package var timeoutSeconds: Int
    /// `retries`.
    package var retries = ConfigSchema.monitor.integer("retries")
    /// `start_delay_s`.
    package var startDelaySeconds = ConfigSchema.monitor.integer("start_delay_s")
    /// `restart_max`.
    package var restartMax = ConfigSchema.monitor.integer("restart_max")
    /// `action` (default `failover` with a group, else `none`).
    package var action: Action

    /// Creates a monitor with the defaults that depend on `group` and `kind`.
    package init(name: String, kind: Kind, group: String = "") {
        self.name = name
        self.kind = kind
        self.group = group
        when = group.isEmpty ? .always : .active
        action = group.isEmpty ? .none : .failover
        if case .disk = kind {
            timeoutSeconds = 60
        } else {
            timeoutSeconds = 20
        }
    }
}

// MARK: - [armload], [services.NAME]

/// `[armload]` (§1.10).
package struct ArmloadSettings: Sendable, Equatable {
    /// `max_watches`.
    package var maxWatches = ConfigSchema.armload.integer("max_watches")
    /// `users`.
    package var users: [String] = ConfigSchema.armload.strings("users")
    /// `stop_wait_s`.
    package var stopWaitSeconds = ConfigSchema.armload.integer("stop_wait_s")
    /// `service_start_wait_s`.
    package var serviceStartWaitSeconds = ConfigSchema.armload.integer("service_start_wait_s")
    /// `restart_delay_ms`.
    package var restartDelayMilliseconds = ConfigSchema.armload.integer("restart_delay_ms")
    /// `restart_backoff_ms`.
    package var restartBackoffMilliseconds = ConfigSchema.armload.integer("restart_backoff_ms")
    /// `restart_backoff_max_ms`.
    package var restartBackoffMaxMilliseconds = ConfigSchema.armload.integer("restart_backoff_max_ms")
    /// `restart_healthy_ms`.
    package var restartHealthyMilliseconds = ConfigSchema.armload.integer("restart_healthy_ms")

    /// Creates the defaults.
    package init() {}
}

/// A `[services.NAME]` table (§1.10).
package struct ServiceConfig: Sendable, Equatable {
    /// `type`.
    package enum ServiceType: String, Sendable, CaseIterable {
        case simple
        case forking
    }

    /// NAME (N4, 1–255).
    package var name: String
    /// `start` argv.
    package var start: [String]
    /// `stop` argv (`[]` = SIGTERM, then SIGKILL).
    package var stop: [String] = ConfigSchema.service.strings("stop")
    /// `type`.
    package var type: ServiceType = ConfigSchema.service.choice("type")
    /// `pid_file` (`""` = none; required with `forking`).
    package var pidFile = ConfigSchema.service.string("pid_file")
    /// `user`.
    package var user = ConfigSchema.service.string("user")
    /// `env`.
    package var environment: [EnvironmentVariable] = []
    /// `start_wait_s` (default `[armload] service_start_wait_s`).
    package var startWaitSeconds: Int

    /// Creates a service with defaults.
    package init(
        name: String,
        start: [String],
        startWaitSeconds: Int = ConfigSchema.armload.integer("service_start_wait_s")
    ) {
        self.name = name
        self.start = start
        self.startWaitSeconds = startWaitSeconds
    }
}

// MARK: - [manager]

/// `[manager]` (§1.11).
package struct ManagerSettings: Sendable, Equatable {
    /// `enabled_on` (`[]` = any server).
    package var enabledOn: [String] = []
    /// `listen`.
    package var listen = ConfigSchema.manager.strings("listen")
    /// `tls`.
    package var tls = ConfigSchema.manager.boolean("tls")
    /// `tls_cert`.
    package var tlsCert = ConfigSchema.manager.string("tls_cert")
    /// `tls_key`.
    package var tlsKey = ConfigSchema.manager.string("tls_key")
    /// `client_ca` (`""` = read-only API).
    package var clientCA = ConfigSchema.manager.string("client_ca")
    /// `allowed_clients`.
    package var allowedClients = ConfigSchema.manager.strings("allowed_clients")
    /// `agent_idle_timeout_s`.
    package var agentIdleTimeoutSeconds = ConfigSchema.manager.integer("agent_idle_timeout_s")
    /// `agent_keepalive_s`.
    package var agentKeepaliveSeconds = ConfigSchema.manager.integer("agent_keepalive_s")
    /// `client_idle_timeout_s`.
    package var clientIdleTimeoutSeconds = ConfigSchema.manager.integer("client_idle_timeout_s")

    /// Creates the defaults.
    package init() {}
}

// MARK: - [log]

/// `[log]` (§1.12).
package struct LogSettings: Sendable, Equatable {
    /// `language`.
    package enum Language: String, Sendable, CaseIterable {
        case en
        case ja
    }

    /// `format`.
    package enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case both
    }

    /// `syslog`.
    package enum Syslog: String, Sendable, CaseIterable {
        case none
        case events
        case all
    }

    /// `rotation`.
    package enum Rotation: String, Sendable, CaseIterable {
        case `internal`
        case external
    }

    /// `level` (0–7).
    package var level = ConfigSchema.log.integer("level")
    /// `language`.
    package var language: Language = ConfigSchema.log.choice("language")
    /// `format`.
    package var format: Format = ConfigSchema.log.choice("format")
    /// `utc`.
    package var utc = ConfigSchema.log.boolean("utc")
    /// `syslog`.
    package var syslog: Syslog = ConfigSchema.log.choice("syslog")
    /// `rotation`.
    package var rotation: Rotation = ConfigSchema.log.choice("rotation")
    /// `script_output_lines`.
    package var scriptOutputLines = ConfigSchema.log.integer("script_output_lines")
    /// `[log.files.NAME]`, every name of `LogFileName` present.
    package var files: [LogFileName: LogFileSettings] = LogFileName.defaults

    /// Creates the defaults.
    package init() {}
}

/// The names of `[log.files.NAME]` (§1.12), in the table's order.
package enum LogFileName: String, Sendable, CaseIterable, Hashable {
    case arm
    case armsvr
    case armscr
    case armtun
    case armmgr
    case events
    case armload

    /// The default size and count of every file.
    package static let defaults: [LogFileName: LogFileSettings] = {
        var result: [LogFileName: LogFileSettings] = [:]
        for file in LogFileName.allCases {
            result[file] = file.defaultSettings
        }
        return result
    }()

    /// The default size and count of this file.
    package var defaultSettings: LogFileSettings {
        switch self {
        case .arm: LogFileSettings(sizeMiB: 8, count: 5)
        case .armsvr: LogFileSettings(sizeMiB: 32, count: 8)
        case .armscr: LogFileSettings(sizeMiB: 16, count: 8)
        case .armtun: LogFileSettings(sizeMiB: 1, count: 4)
        case .armmgr: LogFileSettings(sizeMiB: 16, count: 4)
        case .events: LogFileSettings(sizeMiB: 8, count: 8)
        case .armload: LogFileSettings(sizeMiB: 4, count: 2)
        }
    }
}

/// `size_mib` and `count` of one log file.
package struct LogFileSettings: Sendable, Equatable {
    /// `size_mib` (1–4096).
    package var sizeMiB: Int
    /// `count` (1–99).
    package var count: Int

    /// Creates settings.
    package init(sizeMiB: Int, count: Int) {
        self.sizeMiB = sizeMiB
        self.count = count
    }
}
