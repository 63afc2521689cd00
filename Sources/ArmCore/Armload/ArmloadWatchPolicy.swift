/// What armload does once the restarts of a watched WID have run out, or at once without `/R`
/// (`/ACT`, commands.md 2.1).
package enum FinalAction: String, Sendable, CaseIterable {
    /// Fail the group over (seed action 2); the default.
    case failover
    /// Shut the server down as `armstdn` does (seed action 3).
    case shutdown
    /// Do nothing (seed action 1).
    case none
}

/// The watch options of one `armload` call: `/R`, `/H`, `/SCR` and `/ACT` (commands.md 2.1).
package struct ArmloadWatchPolicy: Sendable, Equatable {
    /// `/R`: restarts allowed per window, 1–9; nil when not given.
    package var retry: Int?
    /// `/H`: hours after the first counted restart at which the count resets, 1–24 (needs `/R`);
    /// nil = never reset.
    package var hours: Int?
    /// `/SCR`: restart the group's script (action 4) instead of the program (action 5); needs `/R`.
    package var scriptRestart: Bool
    /// `/ACT`: the action after the restarts ran out; `.failover` by default.
    package var finalAction: FinalAction
    /// Whether the WID is watched at all: `/R` or `/ACT` was given (commands.md 2.1 "Watching").
    package var isWatched: Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - retry: `/R`, or nil.
    ///   - hours: `/H`, or nil.
    ///   - scriptRestart: `/SCR`.
    ///   - finalAction: `/ACT`, `.failover` when not given.
    ///   - isWatched: `/R` or `/ACT` was given.
    package init(
        retry: Int? = nil,
        hours: Int? = nil,
        scriptRestart: Bool = false,
        finalAction: FinalAction = .failover,
        isWatched: Bool
    ) {
        self.retry = retry
        self.hours = hours
        self.scriptRestart = scriptRestart
        self.finalAction = finalAction
        self.isWatched = isWatched
    }
}
