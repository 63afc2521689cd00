import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Foundation
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(2))) struct MonitorDaemonTests {
    private func exchange(_ path: String, _ envelope: RequestEnvelope) async throws -> ControlResponse {
        let payload = try await ControlSocketClient.exchange(path: path, frame: ControlFrame.encode(envelope.wire))
        return try ControlResponse(wire: try ControlFrame.decodePayload(payload[...]))
    }

    @Test func armmondStartsServesAndStopsGroupsOnShutdown() async throws {
        let root = "/tmp/armd-" + String(UUID().uuidString.prefix(8))
        let paths = ArmPaths(root: root)
        try FileManager.default.createDirectory(atPath: paths.run, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }

        let runner = FakeScriptRunner()
        let sink = InMemoryLogSink()
        let store = InMemoryStateStore(meta: ["run_state": "stopped-armmond"])
        let ready = AsyncStream.makeStream(of: Void.self)
        let daemon = MonitorDaemon(
            configuration: MonitorRuntimeConfiguration(
                settings: MonitorSettings(clusterName: "prod", serverName: "n1"),
                groups: [.fixture("web"), .fixture("db", autoStart: false)],
                paths: paths,
                monitorPID: 1022,
                isAdmin: { _ in true },
                onReady: { ready.continuation.yield() },
                runIDSeed: 1
            ),
            dependencies: MonitorDependencies(
                scriptRunner: runner,
                logSink: sink,
                clock: ManualClock(),
                stateStore: store
            )
        )
        let status = try await withThrowingTaskGroup(of: ArmCore.ExitStatus?.self) { tasks in
            tasks.addTask { () -> ArmCore.ExitStatus? in await daemon.run() }
            tasks.addTask { () -> ArmCore.ExitStatus? in
                var events = ready.stream.makeAsyncIterator()
                _ = await events.next()
                let waited = try await exchange(
                    paths.socket,
                    RequestEnvelope(
                        command: "ARMGWAIT",
                        request: .waitGroup(group: "web", stopped: false, timeoutSeconds: 0)
                    )
                )
                #expect(waited.status == .success)
                let started = try await exchange(
                    paths.socket,
                    RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "db", server: nil))
                )
                #expect(started.status == .success)
                let dbUp = try await exchange(
                    paths.socket,
                    RequestEnvelope(
                        command: "ARMGWAIT",
                        request: .waitGroup(group: "db", stopped: false, timeoutSeconds: 0)
                    )
                )
                #expect(dbUp.status == .success)
                let document = try await exchange(
                    paths.socket,
                    RequestEnvelope(command: "ARMSTAT", request: .status(view: "group", name: nil))
                )
                #expect(
                    document.body["groups"]?.arrayValue?.compactMap { $0["state"]?.stringValue } == [
                        "started", "started",
                    ]
                )
                await daemon.shutdown()
                return nil
            }
            var exit: ArmCore.ExitStatus?
            for try await result in tasks where result != nil { exit = result }
            return exit
        }
        #expect(status == .success)
        let web = paths.scriptDirectory(group: "web")
        let db = paths.scriptDirectory(group: "db")
        #expect(runner.paths == [web + "/start.sh", db + "/start.sh", db + "/stop.sh", web + "/stop.sh"])
        #expect(runner.invocations(of: web + "/stop.sh").first?.environment["CLP_FACTOR"] == "SERVERSHUTDOWN")
        #expect(store.metaSnapshot["run_state"] == "stopped-armmond")
        let arm = sink.records(.arm).map { "\($0[2]) \($0[5])" }
        #expect(arm.first == "MONITOR MONITOR-01")
        #expect(arm.contains("ARMGSTRT ARMGSTRT-01"))
        #expect(sink.records(.arm).first?[3] == "1022")
        #expect(sink.records(.arm).first { $0[5] == "ARMGSTRT-01" }?[3] == String(getpid()))
        #expect(sink.records(.armsvr).first?[5] == "<< ArmCluster armmond for Linux Ver \(ArmVersion.string) >>")
        #expect(!FileManager.default.fileExists(atPath: paths.socket))
    }

    @Test func aStateDatabaseFailureEndsStartUp() async {
        let store = InMemoryStateStore()
        store.fail(with: .unsupportedSchema(version: 7))
        let sink = InMemoryLogSink()
        let status = await MonitorDaemon.run(
            configuration: MonitorRuntimeConfiguration(
                settings: MonitorSettings(clusterName: "prod", serverName: "n1"),
                groups: [],
                paths: ArmPaths(root: "/nonexistent-arm-root"),
                monitorPID: 1
            ),
            dependencies: MonitorDependencies(
                scriptRunner: FakeScriptRunner(),
                logSink: sink,
                clock: ManualClock(),
                stateStore: store
            )
        )
        #expect(status == .failed)
        #expect(sink.records(.events).map { $0[3] } == ["2"])
        #expect(sink.records(.armsvr).contains { $0[4] == "MON-004" })
        #expect(sink.lines(.arm).isEmpty)
    }

    @Test func aSocketThatCannotBeOpenedEndsStartUpAndKeepsTheRunState() async {
        let store = InMemoryStateStore(meta: ["run_state": "running"])
        let sink = InMemoryLogSink()
        let runner = FakeScriptRunner()
        let status = await MonitorDaemon.run(
            configuration: MonitorRuntimeConfiguration(
                settings: MonitorSettings(clusterName: "prod", serverName: "n1"),
                groups: [.fixture("web")],
                paths: ArmPaths(root: "/nonexistent-arm-root"),
                monitorPID: 1
            ),
            dependencies: MonitorDependencies(
                scriptRunner: runner,
                logSink: sink,
                clock: ManualClock(),
                stateStore: store
            )
        )
        #expect(status == .failed)
        #expect(store.metaSnapshot["run_state"] == "running")  // the next start still sees the unclean stop
        #expect(runner.invocations.isEmpty)
        #expect(sink.records(.armsvr).contains { $0[4] == "MON-004" })
        #expect(sink.lines(.arm).isEmpty)
    }
}
