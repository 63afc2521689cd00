import ArmCore

/// The armstat document (commands.md 2.29): built by armmond from its snapshot, by armstat from the database
/// while armmond is down and (later) by the manager; one encoder (`wireValue`, hence `--json`) and one table
/// renderer (`table`) for all of them.
///
/// Sections are nil when their view was not requested (absent from the JSON); optional fields are `null`.
package struct StatusDocument: Sendable, Equatable {
    /// Where the state came from.
    package enum Source: String, Sendable, Equatable {
        /// armmond's live snapshot.
        case monitor
        /// `state.sqlite`, read while armmond is unreachable.
        case database
    }

    /// `source`.
    package var source: Source
    /// `time`: when the state was taken (config-and-files §4.1 timestamp); nil when unknown.
    package var time: String?
    /// `local_server`.
    package var localServer: String
    /// `cluster`.
    package var cluster: Cluster?
    /// `servers`.
    package var servers: [Server]?
    /// `groups`.
    package var groups: [Group]?
    /// `resources`.
    package var resources: [Resource]?
    /// `armload`.
    package var armload: [Watch]?
    /// `mirrors`.
    package var mirrors: [Mirror]?
    /// `shares`.
    package var shares: [Share]?

    /// Creates a document; sections default to absent.
    package init(
        source: Source,
        time: String?,
        localServer: String,
        cluster: Cluster? = nil,
        servers: [Server]? = nil,
        groups: [Group]? = nil,
        resources: [Resource]? = nil,
        armload: [Watch]? = nil,
        mirrors: [Mirror]? = nil,
        shares: [Share]? = nil
    ) {
        self.source = source
        self.time = time
        self.localServer = localServer
        self.cluster = cluster
        self.servers = servers
        self.groups = groups
        self.resources = resources
        self.armload = armload
        self.mirrors = mirrors
        self.shares = shares
    }

    /// `cluster`: `{"name","state","config_hash","partition_method"}`.
    package struct Cluster: Sendable, Equatable {
        /// `name`; nil when unknown.
        package var name: String?
        /// `state` (commands.md 1.8).
        package var state: ClusterState
        /// `config_hash`; nil when unknown.
        package var configHash: String?
        /// `partition_method`; nil when unknown.
        package var partitionMethod: String?

        /// Creates the cluster section.
        package init(name: String?, state: ClusterState, configHash: String?, partitionMethod: String?) {
            self.name = name
            self.state = state
            self.configHash = configHash
            self.partitionMethod = partitionMethod
        }
    }

    /// One of `servers`: `{"name","local","state","heartbeat_age_s","interconnects"}`.
    package struct Server: Sendable, Equatable {
        /// `name`.
        package var name: String
        /// `local`: whether this is the server that answered.
        package var isLocal: Bool
        /// `state` (commands.md 1.8).
        package var state: ServerState
        /// `heartbeat_age_s`; nil for the local server and when unknown.
        package var heartbeatAgeSeconds: Int?
        /// `interconnects`, the disk heartbeat last.
        package var interconnects: [Interconnect]

        /// Creates a server entry.
        package init(
            name: String,
            isLocal: Bool,
            state: ServerState,
            heartbeatAgeSeconds: Int? = nil,
            interconnects: [Interconnect] = []
        ) {
            self.name = name
            self.isLocal = isLocal
            self.state = state
            self.heartbeatAgeSeconds = heartbeatAgeSeconds
            self.interconnects = interconnects
        }
    }

    /// One of a server's `interconnects`: `{"address","up"}` (`"disk"` for the disk heartbeat).
    package struct Interconnect: Sendable, Equatable {
        /// `address`.
        package var address: String
        /// `up`.
        package var isUp: Bool

        /// Creates an interconnect entry.
        package init(address: String, isUp: Bool) {
            self.address = address
            self.isUp = isUp
        }
    }

    /// One of `groups`: `{"name","state","failed","server","failover_count","max_failover","policy"}`.
    package struct Group: Sendable, Equatable {
        /// `name`.
        package var name: String
        /// `state` (commands.md 1.8).
        package var state: GroupState
        /// `failed`: the failed flag beside the state.
        package var failed: Bool
        /// `server`: where it is active; nil when stopped.
        package var server: String?
        /// `failover_count`; nil when unknown.
        package var failoverCount: Int?
        /// `max_failover`; nil when unknown.
        package var maxFailover: Int?
        /// `policy`: the servers in order; nil when unknown.
        package var policy: [String]?

        /// Creates a group entry.
        package init(
            name: String,
            state: GroupState,
            failed: Bool,
            server: String?,
            failoverCount: Int?,
            maxFailover: Int?,
            policy: [String]?
        ) {
            self.name = name
            self.state = state
            self.failed = failed
            self.server = server
            self.failoverCount = failoverCount
            self.maxFailover = maxFailover
            self.policy = policy
        }
    }

    /// One of `resources`: `{"group","name","type","state"}`.
    package struct Resource: Sendable, Equatable {
        /// `group`.
        package var group: String
        /// `name` (`script` for the group's implicit one).
        package var name: String
        /// `type`: `exec`, `fip` and so on.
        package var type: String
        /// `state`: `stopped`, `starting`, `started`, `stopping` or `failed`.
        package var state: String

        /// Creates a resource entry.
        package init(group: String, name: String, type: String, state: String) {
            self.group = group
            self.name = name
            self.type = type
            self.state = state
        }
    }

    /// One of `armload`: `{"wid","group","kind","pid","unit","start_state","monitor_state","restarts","retry",
    /// "started","last_exit"}`.
    package struct Watch: Sendable, Equatable {
        /// `wid`, as first given.
        package var wid: String
        /// `group`.
        package var group: String
        /// `kind`: `app` or `service`.
        package var kind: String
        /// `pid`; nil when nothing runs.
        package var pid: Int?
        /// `unit`: the systemd unit; nil otherwise.
        package var unit: String?
        /// `start_state` (commands.md 2.3).
        package var startState: String
        /// `monitor_state` (commands.md 2.3).
        package var monitorState: String
        /// `restarts` counted in the current window.
        package var restarts: Int
        /// `retry` (`/R`); nil when not given.
        package var retry: Int?
        /// `started`: start of the current or last run; nil when it never ran here.
        package var started: String?
        /// `last_exit`: `exit=N` or `signal=NAME`; nil before the first end.
        package var lastExit: String?

        /// Creates a watch entry.
        package init(
            wid: String,
            group: String,
            kind: String,
            pid: Int?,
            unit: String?,
            startState: String,
            monitorState: String,
            restarts: Int,
            retry: Int?,
            started: String?,
            lastExit: String?
        ) {
            self.wid = wid
            self.group = group
            self.kind = kind
            self.pid = pid
            self.unit = unit
            self.startState = startState
            self.monitorState = monitorState
            self.restarts = restarts
            self.retry = retry
            self.started = started
            self.lastExit = lastExit
        }
    }

    /// One of `mirrors`: `{"name","state","sync_percent","dirty_blocks","open"}` (mirror disks: a later issue).
    package struct Mirror: Sendable, Equatable {
        /// `name`.
        package var name: String
        /// `state`.
        package var state: String
        /// `sync_percent`; nil when unknown.
        package var syncPercent: Int?
        /// `dirty_blocks`; nil when unknown.
        package var dirtyBlocks: Int?
        /// `open`: whether the mirror is open here; nil when unknown.
        package var isOpen: Bool?

        /// Creates a mirror entry.
        package init(name: String, state: String, syncPercent: Int?, dirtyBlocks: Int?, isOpen: Bool?) {
            self.name = name
            self.state = state
            self.syncPercent = syncPercent
            self.dirtyBlocks = dirtyBlocks
            self.isOpen = isOpen
        }
    }

    /// One of `shares`: `{"name","path","group"}` (shares: a later issue).
    package struct Share: Sendable, Equatable {
        /// `name`.
        package var name: String
        /// `path`.
        package var path: String
        /// `group`; nil when none.
        package var group: String?

        /// Creates a share entry.
        package init(name: String, path: String, group: String?) {
            self.name = name
            self.path = path
            self.group = group
        }
    }
}

// MARK: - The fallback while armmond is down

extension StatusDocument {
    /// The document armstat prints from `state.sqlite` while armmond is unreachable (commands.md 2.29): the
    /// cluster shows `stopped`, the local server `unknown`, and what only armmond knows is `null`.
    /// - Parameters:
    ///   - fallback: What the database holds.
    ///   - localServer: The server name to use when the database records none.
    package init(fallback: StateFallback, localServer: String) {
        let local = fallback.serverName ?? localServer
        self.init(
            source: .database,
            time: fallback.lastUpdate,
            localServer: local,
            cluster: Cluster(name: fallback.clusterName, state: .stopped, configHash: nil, partitionMethod: nil),
            servers: [Server(name: local, isLocal: true, state: .unknown)],
            groups: fallback.groups.map { group in
                Group(
                    name: group.name,
                    // Interpretation: a state the database should not hold shows as stopped (armmond is down).
                    state: GroupState(rawValue: group.state) ?? .stopped,
                    failed: group.failed,
                    server: group.owner,
                    failoverCount: nil,
                    maxFailover: nil,
                    policy: nil
                )
            }
        )
    }
}
