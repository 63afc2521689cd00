import ArmCore
import ArmMonitor
import ArmTesting

/// A group manager on fakes: one server `n1` in cluster `prod`, root `/srv/n1`.
struct Harness {
    let clock = ManualClock()
    let runner = FakeScriptRunner()
    let sink = InMemoryLogSink()
    let store: InMemoryStateStore
    let settings: MonitorSettings
    let paths = ArmPaths(root: "/srv/n1")
    let log: MonitorLog
    let manager: GroupManager

    init(
        groups: [GroupDefinition],
        store: InMemoryStateStore = InMemoryStateStore(),
        scriptOutputLines: Int = 1000
    ) {
        self.store = store
        settings = MonitorSettings(
            clusterName: "prod",
            serverName: "n1",
            scriptOutputLines: scriptOutputLines,
            armtoolDirectory: "/opt/arm/bin"
        )
        log = MonitorLog(sink: sink, clock: clock, serverName: "n1", monitorPID: 1022)
        manager = GroupManager(
            settings: settings,
            groups: groups,
            paths: paths,
            runner: runner,
            log: log,
            clock: clock,
            store: store,
            runIDSeed: 0x9f03_c2a1
        )
    }

    /// Runs `body` while the manager's `run()` executes effects; afterwards lets every script end.
    func run<T: Sendable>(_ body: @Sendable (GroupManager) async throws -> T) async throws -> T {
        let manager = self.manager
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { await manager.run() }
            let result: T
            do {
                result = try await body(manager)
            } catch {
                manager.finish()
                throw error
            }
            manager.finish()
            try await tasks.waitForAll()
            return result
        }
    }

    func start(_ group: String) -> String { paths.scriptDirectory(group: group) + "/start.sh" }
    func stop(_ group: String) -> String { paths.scriptDirectory(group: group) + "/stop.sh" }

    /// The armsvr.log IDs and texts (columns 5 and 6).
    func serverLines() -> [String] {
        sink.records(.armsvr).filter { $0[4].hasPrefix("T") == false }.map { "\($0[4]) \($0[5])" }
    }
    /// The events.log IDs and texts.
    func eventLines() -> [String] { sink.records(.events).map { "\($0[3]) \($0[5])" } }
}

extension GroupDefinition {
    static func fixture(
        _ name: String,
        servers: [String] = ["n1"],
        autoStart: Bool = true,
        resources: [ResourceDefinition] = [],
        environment: [String: String] = [:]
    ) -> GroupDefinition {
        GroupDefinition(
            name: name,
            servers: servers,
            autoStart: autoStart,
            startTimeout: .seconds(600),
            stopTimeout: .seconds(300),
            environment: environment,
            resources: resources
        )
    }
}
