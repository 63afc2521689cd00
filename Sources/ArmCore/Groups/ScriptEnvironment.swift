/// The environment of group scripts and exec resources (commands.md 1.6).
///
/// Nothing is inherited from armmond: the result is the whole environment.
package enum ScriptEnvironment {
    /// The directories after the armtool directory in `PATH` (commands.md 1.6).
    package static let systemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Which script runs.
    package enum Phase: Sendable, Equatable {
        /// A start script or an exec resource's start, with its `ARMS_EVENT`.
        case start(ScriptEvent)
        /// A stop script or an exec resource's stop, with its `ARMS_FACTOR`.
        case stop(StopFactor)
    }

    /// The `ARMS_EVENT` of a stop: `FAILOVER` on the source of armfover, armload action 2 and armrsp
    /// (factor `GROUPFAILOVER`), otherwise `START` (commands.md 1.6).
    package static func event(forStop factor: StopFactor) -> ScriptEvent {
        factor == .groupFailover ? .failover : .start
    }

    /// Builds the environment.
    /// - Parameters:
    ///   - paths: The product paths (`ARM_ROOT`, `CLP_SCRIPT_PATH`).
    ///   - armtoolDirectory: The directory holding `armtool`, first in `PATH`.
    ///   - group: The group.
    ///   - localServer: This server's name (`ARM_SERVER`, `ARMS_SERVER`, `ARMS_PRIORITY`).
    ///   - phase: Start with its event, or stop with its factor.
    ///   - disksReady: `ARMS_DISK`: start — every disk resource activated (or none); stop — the disks are
    ///     active here. Ignored for `RECOVER`, which always gets `FAILURE`.
    ///   - resourceEnvironment: The exec resource's `env`, when the script is a resource's.
    /// - Returns: Every variable. The group's and then the resource's `env` may replace `PATH` and `LANG`
    ///   but never the cluster's own variables, which are set last.
    package static func make(
        paths: ArmPaths,
        armtoolDirectory: String,
        group: GroupDefinition,
        localServer: String,
        phase: Phase,
        disksReady: Bool = true,
        resourceEnvironment: [String: String] = [:]
    ) -> [String: String] {
        var environment: [String: String] = [
            "PATH": armtoolDirectory.isEmpty ? systemPath : armtoolDirectory + ":" + systemPath,
            "LANG": "C.UTF-8",
        ]
        environment.merge(group.environment) { _, new in new }
        environment.merge(resourceEnvironment) { _, new in new }

        let event: ScriptEvent
        let disk: String
        switch phase {
        case .start(let startEvent):
            event = startEvent
            disk = startEvent == .recover || !disksReady ? "FAILURE" : "SUCCESS"
        case .stop(let factor):
            event = Self.event(forStop: factor)
            disk = disksReady ? "SUCCESS" : "FAILURE"
        }
        let position = group.servers.firstIndex(of: localServer)
        var cluster: [String: String] = [
            "ARM_ROOT": paths.root,
            "ARM_SERVER": localServer,
            "CLP_SCRIPT_PATH": paths.scriptDirectory(group: group.name),
        ]
        func twin(_ suffix: String, clp: String, _ value: String) {
            cluster["ARMS_" + suffix] = value
            cluster["CLP_" + clp] = value
        }
        twin("EVENT", clp: "EVENT", event.rawValue)
        twin("SERVER", clp: "SERVER", position == 0 ? "HOME" : "OTHER")
        twin("DISK", clp: "DISK", disk)
        twin("GROUP", clp: "GROUPNAME", group.name)
        if let position {
            twin("PRIORITY", clp: "PRIORITY", String(position + 1))
        }
        if case .stop(let factor) = phase, factor != .none {
            twin("FACTOR", clp: "FACTOR", factor.rawValue)
        }
        environment.merge(cluster) { _, new in new }
        return environment
    }
}
