import ArmCore
import Foundation

/// The `options` JSON of an `armload` row (config-and-files §3.2): the watch options, and what a restart of a
/// re-attached program needs (resolved path, working directory, environment, account).
///
/// Interpretation: the environment is kept with the row so that a program re-attached after an unclean stop
/// restarts as it was started; the file is root's and mode 0600.
struct ArmloadStoredOptions: Codable, Equatable {
    /// `/R`.
    var retry: Int?
    /// `/H`.
    var hours: Int?
    /// `/SCR`.
    var scriptRestart: Bool
    /// `/ACT` word.
    var finalAction: String
    /// `/R` or `/ACT` given.
    var watched: Bool
    /// `/WAIT` seconds (readiness).
    var startTimeout: Int?
    /// `/INT` seconds.
    var interval: Int?
    /// The account (`/U`, or the service's `user`); nil = root.
    var user: String?
    /// The service name of the service form.
    var unit: String?
    /// The resolved executable; nil for `/W`.
    var path: String?
    /// Working directory.
    var cwd: String
    /// Environment.
    var env: [String: String]
    /// The monitoring state to restore (`monitoring`, `paused`, `unwatched`, `sync`).
    var monitor: String

    /// The JSON text (sorted keys, so equal options give equal text).
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses the JSON text; nil when it is not ours.
    init?(text: String) {
        guard let value = try? JSONDecoder().decode(ArmloadStoredOptions.self, from: Data(text.utf8)) else {
            return nil
        }
        self = value
    }

    init(
        policy: ArmloadWatchPolicy,
        startTimeout: Int?,
        interval: Int?,
        user: String?,
        unit: String?,
        path: String?,
        cwd: String,
        env: [String: String],
        monitor: WatchMonitorState
    ) {
        retry = policy.retry
        hours = policy.hours
        scriptRestart = policy.scriptRestart
        finalAction = policy.finalAction.rawValue
        watched = policy.isWatched
        self.startTimeout = startTimeout
        self.interval = interval
        self.user = user
        self.unit = unit
        self.path = path
        self.cwd = cwd
        self.env = env
        self.monitor = monitor.rawValue
    }

    /// The watch policy.
    var policy: ArmloadWatchPolicy {
        ArmloadWatchPolicy(
            retry: retry,
            hours: hours,
            scriptRestart: scriptRestart,
            finalAction: FinalAction(rawValue: finalAction) ?? .failover,
            isWatched: watched
        )
    }
}
