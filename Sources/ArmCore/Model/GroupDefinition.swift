/// A failover group as the monitor runs it: the parts of `[[group]]` (config-and-files §1.7) that
/// group control needs, independent of how the file was parsed.
package struct GroupDefinition: Sendable, Equatable {
    /// Group name (rule N3).
    package var name: String
    /// Failover policy: server names in priority order.
    package var servers: [String]
    /// Start when armmond starts.
    package var autoStart: Bool
    /// `start_timeout_s`; nil = 0 = no limit.
    package var startTimeout: Duration?
    /// `stop_timeout_s`; nil = 0 = no limit.
    package var stopTimeout: Duration?
    /// Extra environment for the scripts (`env`).
    package var environment: [String: String]
    /// Resources in file order (the implicit `script` resource is not listed).
    package var resources: [ResourceDefinition]

    /// Creates a definition.
    package init(
        name: String,
        servers: [String],
        autoStart: Bool = true,
        startTimeout: Duration? = .seconds(1800),
        stopTimeout: Duration? = .seconds(1800),
        environment: [String: String] = [:],
        resources: [ResourceDefinition] = []
    ) {
        self.name = name
        self.servers = servers
        self.autoStart = autoStart
        self.startTimeout = startTimeout
        self.stopTimeout = stopTimeout
        self.environment = environment
        self.resources = resources
    }
}

/// A `[[group.resource]]` (config-and-files §1.8).
package struct ResourceDefinition: Sendable, Equatable {
    /// Resource name (rule N4).
    package var name: String
    /// Its type and type-specific keys.
    package var kind: Kind
    /// `on_deactivate_failure`: true = shut down (default), false = ignore.
    package var shutdownOnDeactivateFailure: Bool

    /// Creates a resource.
    package init(name: String, kind: Kind, shutdownOnDeactivateFailure: Bool = true) {
        self.name = name
        self.kind = kind
        self.shutdownOnDeactivateFailure = shutdownOnDeactivateFailure
    }

    /// Resource types.
    ///
    /// Only `exec` is driven so far; the others are parsed and reported.
    package enum Kind: Sendable, Equatable {
        /// `exec`: start/stop paths (absolute after resolution), optional timeouts, env.
        case exec(
            start: String,
            stop: String,
            startTimeout: Duration?,
            stopTimeout: Duration?,
            environment: [String: String]
        )
        case fip(address: String)
        case disk(device: String, mount: String)
        case mirror(mount: String)
        case share(shareName: String, path: String)

        /// The `type` key value.
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
}
