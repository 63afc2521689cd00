import ArmConfig
import ArmCore

/// The settings of `cluster.toml` the monitor runtime needs besides the groups (config-and-files §1.2,
/// §1.12), independent of how the file was parsed.
package struct MonitorSettings: Sendable, Equatable {
    /// `[cluster] socket_mode`.
    package enum SocketMode: String, Sendable, Equatable {
        /// Only root and `armadm` can connect.
        case ownerAndGroup = "0660"
        /// Every local user can make read-only requests.
        case everyone = "0666"

        /// The permission bits.
        package var permissions: UInt16 { self == .everyone ? 0o666 : 0o660 }
    }

    /// `[cluster] name`.
    package var clusterName: String
    /// This server's `[[server]] name` (config-and-files §1.1).
    package var serverName: String
    /// Every `[[server]] name`, in file order (this server included).
    package var servers: [String]
    /// `[cluster.partition] method` (`none` in a single-server cluster).
    package var partitionMethod: String
    /// The hash of the applied configuration, shown by armstat; nil when unknown.
    package var configHash: String?
    /// `[log] language`.
    package var language: Language
    /// `[log] level` (0–7): which trace lines are written.
    package var logLevel: Int
    /// `[log] utc`.
    package var utcTimestamps: Bool
    /// `[cluster] socket_mode`.
    package var socketMode: SocketMode
    /// `[log] script_output_lines`: OUT/ERR lines kept per script run.
    package var scriptOutputLines: Int
    /// `[log.files.NAME]` rotation, by NAME (`arm`, `armsvr`, …); missing names use `LogFile.defaultRotation`.
    package var logRotation: [String: LogRotation]
    /// The directory holding `armtool`, first in the scripts' `PATH` (commands.md 1.6).
    package var armtoolDirectory: String
    /// `[armload]` (config-and-files §1.10): watch limit, `/U` accounts, waits, restart delay and backoff.
    package var armload: ArmloadSettings
    /// `[services.NAME]` (config-and-files §1.10), for `armload /S NAME`.
    package var services: [ServiceConfig]

    /// Creates settings with the defaults of config-and-files §1.2 and §1.12.
    package init(
        clusterName: String,
        serverName: String,
        servers: [String]? = nil,
        partitionMethod: String = "none",
        configHash: String? = nil,
        language: Language = .en,
        logLevel: Int = 3,
        utcTimestamps: Bool = false,
        socketMode: SocketMode = .ownerAndGroup,
        scriptOutputLines: Int = 1000,
        logRotation: [String: LogRotation] = [:],
        armtoolDirectory: String = "/usr/bin",
        armload: ArmloadSettings = ArmloadSettings(),
        services: [ServiceConfig] = []
    ) {
        self.clusterName = clusterName
        self.serverName = serverName
        self.servers = servers ?? [serverName]
        self.partitionMethod = partitionMethod
        self.configHash = configHash
        self.language = language
        self.logLevel = logLevel
        self.utcTimestamps = utcTimestamps
        self.socketMode = socketMode
        self.scriptOutputLines = scriptOutputLines
        self.logRotation = logRotation
        self.armtoolDirectory = armtoolDirectory
        self.armload = armload
        self.services = services
    }

    /// The rotation of a log file: `[log.files.NAME]`, else the default.
    package func rotation(for file: LogFile) -> LogRotation {
        logRotation[file.configName] ?? file.defaultRotation
    }
}

extension ArmloadSettings {
    /// The restart delay and backoff keys as the restart policy takes them.
    package var backoff: BackoffSettings {
        BackoffSettings(
            restartDelay: .milliseconds(restartDelayMilliseconds),
            backoffStep: .milliseconds(restartBackoffMilliseconds),
            backoffMax: .milliseconds(restartBackoffMaxMilliseconds),
            healthyRun: .milliseconds(restartHealthyMilliseconds)
        )
    }
}
