import ArmCore

/// What the ARMLOAD supervisor needs from the groups (commands.md 2.1): their state, the `/SCR` restart, the
/// stop that replaces a failover in a single-server cluster, and the failover limit.
package struct ArmloadGroupHooks: Sendable {
    /// The configured name and state of a group given in any case; nil when there is no such group.
    package var groupState: @Sendable (_ group: String) async -> (name: String, state: GroupState)?
    /// Action 4: stop the group with factor `GROUPRESTART`, then start it with event `START`.
    package var restartGroup: @Sendable (_ group: String) async -> Void
    /// Stops the group here with a factor (action 2 when no server can take the group).
    package var stopGroup: @Sendable (_ group: String, _ factor: StopFactor) async -> Void
    /// Whether the group's `max_failovers` within `failover_window_s` is reached (action 1 instead of 2).
    package var maxFailoversReached: @Sendable (_ group: String) async -> Bool

    /// Creates hooks from closures.
    package init(
        groupState: @escaping @Sendable (_ group: String) async -> (name: String, state: GroupState)?,
        restartGroup: @escaping @Sendable (_ group: String) async -> Void,
        stopGroup: @escaping @Sendable (_ group: String, _ factor: StopFactor) async -> Void,
        maxFailoversReached: @escaping @Sendable (_ group: String) async -> Bool = { _ in false }
    ) {
        self.groupState = groupState
        self.restartGroup = restartGroup
        self.stopGroup = stopGroup
        self.maxFailoversReached = maxFailoversReached
    }

    /// The hooks of a group manager.
    ///
    /// In a single-server cluster no failover ever happens, so the failover limit is never reached.
    package static func manager(_ manager: GroupManager) -> ArmloadGroupHooks {
        ArmloadGroupHooks(
            groupState: { group in
                guard let name = manager.groupName(group), let state = await manager.groupState(name) else {
                    return nil
                }
                return (name, state)
            },
            restartGroup: { group in
                _ = await manager.stopGroup(group, factor: .groupRestart)
                _ = await manager.startGroup(group, by: .start)
            },
            stopGroup: { group, factor in _ = await manager.stopGroup(group, factor: factor) }
        )
    }
}
