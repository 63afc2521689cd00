import ArmConfig
import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Synchronization

/// Files the supervisor reads (forking services' pid files): path → text.
final class FakeFiles: Sendable {
    private let files = Mutex<[String: String]>([:])

    /// Writes (or, with nil, removes) a file.
    func set(_ path: String, _ text: String?) { files.withLock { $0[path] = text } }

    /// The text of a file; nil when it does not exist.
    func read(_ path: String) -> String? { files.withLock { $0[path] } }
}

/// A group manager and an ARMLOAD supervisor on fakes: server `n1`, group `web` (not auto-started), armmond
/// PID 1022, the command's PID 4242; every name is found in `/usr/bin` unless `executables` says otherwise.
struct ArmloadHarness {
    let base: Harness
    let launcher: FakeProgramLauncher
    let files = FakeFiles()
    let power = FakePowerControl()
    let supervisor: ArmloadSupervisor
    let handler: RequestHandler
    let peer = PeerCredentials(pid: 4242, uid: 0, gid: 0)

    var clock: ManualClock { base.clock }
    var sink: InMemoryLogSink { base.sink }
    var store: InMemoryStateStore { base.store }
    var manager: GroupManager { base.manager }
    var runner: FakeScriptRunner { base.runner }

    init(
        groups: [GroupDefinition] = [.fixture("web", autoStart: false)],
        armload: ArmloadSettings = ArmloadSettings(),
        services: [ServiceConfig] = [],
        store: InMemoryStateStore = InMemoryStateStore(),
        executables: FakeExecutables? = nil,
        systemdAvailable: Bool = false
    ) {
        base = Harness(groups: groups, store: store)
        launcher = FakeProgramLauncher(clock: base.clock)
        var settings = base.settings
        settings.armload = armload
        settings.services = services
        supervisor = ArmloadSupervisor(
            settings: settings,
            paths: base.paths,
            launcher: launcher,
            scriptRunner: base.runner,
            readFile: { [files] path in files.read(path) },
            powerControl: power,
            log: base.log,
            clock: base.clock,
            store: base.store,
            groups: .manager(base.manager),
            resolveExecutable: { name, searchPath in
                if let executables { return executables.resolve(name, searchPath: searchPath) }
                return .success(name.contains("/") ? name : "/usr/bin/" + name)
            },
            systemdAvailable: systemdAvailable,
            runIDSeed: 0x0a0b_0c0d
        )
        handler = RequestHandler(
            manager: base.manager,
            log: base.log,
            settings: settings,
            supervisor: supervisor
        )
    }

    /// Runs `body` while the manager and the supervisor run; prepares the manager and, unless
    /// `startWeb` is false, starts `web` first.
    func run<T: Sendable>(
        startWeb: Bool = true,
        reattach: Bool? = nil,
        _ body: @Sendable (ArmloadHarness) async throws -> T
    ) async throws -> T {
        let manager = base.manager
        let supervisor = self.supervisor
        let supervisorHook: @Sendable (String, StopFactor) async -> Void = { group, factor in
            await supervisor.stopAll(group: group, factor: factor)
        }
        await manager.setWatchCleanup(supervisorHook)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { await manager.run() }
            tasks.addTask { await supervisor.run() }
            let result: T
            do {
                let report = try await manager.prepare()
                await supervisor.recover(reattach: reattach ?? report.uncleanStop)
                if startWeb {
                    _ = await manager.startGroup("web")
                    await manager.waitUntilSettled("web")
                }
                result = try await body(self)
            } catch {
                manager.finish()
                supervisor.finish()
                throw error
            }
            manager.finish()
            supervisor.finish()
            try await tasks.waitForAll()
            return result
        }
    }

    // MARK: - Requests through the handler (ARM.LOG lines included)

    func armload(
        _ wid: String,
        _ arguments: [String],
        group: String = "web",
        _ configure: (inout ArmloadStartRequest) -> Void = { _ in }
    ) async -> ControlResponse {
        var request = ArmloadStartRequest(
            wid: wid,
            group: group,
            arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin", "ARMS_GROUP": group],
            workingDirectory: "/srv/n1/etc/armcluster/scripts/web"
        )
        configure(&request)
        return await handler.handle(RequestEnvelope(command: "ARMLOAD", request: .armloadStart(request)), from: peer)
    }

    func armkill(_ wid: String, wait: Int? = nil) async -> ControlResponse {
        await handler.handle(
            RequestEnvelope(command: "ARMKILL", request: .armloadKill(wid: wid, waitSeconds: wait)),
            from: peer
        )
    }

    func armloadc(_ wid: String, _ action: String, _ seconds: Int? = nil) async -> ControlResponse {
        await handler.handle(
            RequestEnvelope(command: "ARMLOADC", request: .armloadControl(wid: wid, action: action, seconds: seconds)),
            from: peer
        )
    }

    func ended(_ wid: String, status: Int32? = nil, signal: Int32? = nil) async -> ControlResponse {
        await handler.handle(
            RequestEnvelope(command: "ARMLOAD", request: .armloadEnded(wid: wid, status: status, signal: signal)),
            from: peer
        )
    }

    // MARK: - Observations

    /// ARM.LOG as `SOURCE PID CLASS ID TEXT`.
    func armLines() -> [String] { sink.records(.arm).map { $0[2...].joined(separator: " ") } }

    /// events.log as `ID TEXT`, the ARMLOAD events (14xxx) only.
    func events() -> [String] {
        sink.records(.events).filter { $0[3].hasPrefix("14") }.map { "\($0[3]) \($0[5])" }
    }

    /// The WID log as `GROUP EVENT SCRIPT RUN KIND TEXT`.
    func widLog(_ wid: String) -> [String] {
        sink.records(.armload(wid: wid)).map { $0[2...].joined(separator: " ") }
    }

    /// The status of one WID.
    func status(_ wid: String) async -> ArmloadSupervisor.WatchStatus? {
        await supervisor.status().first { $0.wid.lowercased() == wid.lowercased() }
    }

    /// Suspends until ARM.LOG has a line containing `text`.
    func waitForArm(_ text: String) async {
        await sink.waitForLine(in: .arm) { $0.contains(text) }
    }

    /// Suspends until events.log has a line containing `text`.
    func waitForEvent(_ text: String) async {
        await sink.waitForLine(in: .events) { $0.contains(text) }
    }

    /// Suspends until the WID's row has this state.
    func waitForRow(_ wid: String, state: String) async {
        await store.waitForArmload { rows in rows.contains { $0.wid == wid && $0.state == state } }
    }

    /// Suspends until the WID's row is gone.
    func waitForNoRow(_ wid: String) async {
        await store.waitForArmload { rows in !rows.contains { $0.wid.lowercased() == wid.lowercased() } }
    }
}
