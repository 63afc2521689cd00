import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct RequestHandlerTests {
    private let peer = PeerCredentials(pid: 4242, uid: 0, gid: 0)

    private func handler(_ harness: Harness) -> RequestHandler {
        RequestHandler(
            manager: harness.manager,
            log: harness.log,
            settings: harness.settings,
            configurationText: { pending in pending ? nil : "[cluster]\nname = \"prod\"\n" }
        )
    }

    @Test func armgstrtSucceedsAndLogsWithTheCallersPID() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let handler = handler(harness)
        let response = try await harness.run { manager in
            _ = try await manager.prepare()
            let response = await handler.handle(
                RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "web", server: nil)),
                from: peer
            )
            await manager.waitUntilSettled("web")
            return response
        }
        #expect(response == ControlResponse(status: .success, messageID: "ARMGSTRT-01", arguments: ["web", "n1"]))
        #expect(
            harness.sink.lines(.arm) == [
                "2025-03-14T09:12:03.417+09:00\tn1\tARMGSTRT\t4242\tINFO\tARMGSTRT-01\tARMGSTRT succeeded. group-name=web server-name=n1"
            ]
        )
        #expect(harness.serverLines().contains("STC-039 Accepted a start instruction for group web from the API."))
    }

    @Test func armgstrtOfAnUnknownGroupIsNotFound() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let response = await handler(harness).handle(
            RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "ghost", server: nil)),
            from: peer
        )
        #expect(response.status == .notFound)
        #expect(response.messageID == "ARMGSTRT-02")
        #expect(response.arguments == ["ghost", "n1"])
        #expect(harness.sink.records(.arm).first?[4] == "ERROR")
    }

    @Test func armgstrtOfAStartedGroupIsRefusedWithAWarning() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let handler = handler(harness)
        let response = try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
            return await handler.handle(
                RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "web", server: "n1")),
                from: peer
            )
        }
        #expect(response.status == .refused)
        #expect(response.messageID == "ARMGSTRT-04")
        #expect(response.arguments == ["web", "n1"])
        #expect(
            harness.sink.records(.arm).last.map { Array($0[2...]) } == [
                "ARMGSTRT", "4242", "WARN", "ARMGSTRT-04",
                "ARMGSTRT is not in a state where the specified operation can be performed. group-name=web server=n1",
            ]
        )
    }

    @Test func armgstopAnswersAcceptedRefusedAndNotFound() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let handler = handler(harness)
        let responses = try await harness.run { manager in
            _ = try await manager.prepare()
            let refused = await handler.handle(
                RequestEnvelope(command: "ARMGSTOP", request: .stopGroup(group: "web")),
                from: peer
            )
            let missing = await handler.handle(
                RequestEnvelope(command: "ARMGSTOP", request: .stopGroup(group: "x")),
                from: peer
            )
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
            let accepted = await handler.handle(
                RequestEnvelope(command: "ARMGSTOP", request: .stopGroup(group: "web")),
                from: peer
            )
            await manager.waitUntilSettled("web")
            return [refused, missing, accepted]
        }
        #expect(responses.map(\.status) == [.refused, .notFound, .success])
        #expect(responses.map(\.messageID) == ["ARMGSTOP-03", "ARMGSTOP-02", "ARMGSTOP-01"])
        #expect(harness.sink.records(.arm).map { $0[4] } == ["WARN", "ERROR", "INFO"])
    }

    @Test func armgwaitTimesOutWithTheSecondsWaitedAndNamesAnUnknownGroup() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let handler = handler(harness)
        let response = try await harness.run { manager in
            _ = try await manager.prepare()
            async let response = handler.handle(
                RequestEnvelope(
                    command: "ARMGWAIT",
                    request: .waitGroup(group: "ghost", stopped: false, timeoutSeconds: 3)
                ),
                from: peer
            )
            await harness.clock.waitForSleepers(count: 1)
            harness.clock.advance(by: .seconds(3))
            return await response
        }
        #expect(
            response
                == ControlResponse(status: .timeout, messageID: "ARMGWAIT-03", arguments: [3], detail: "no such group")
        )
        #expect(harness.sink.records(.arm).last?[6] == "ARMGWAIT timed out. ( 3)")
    }

    @Test func armgwaitSucceeds() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        let handler = handler(harness)
        let response = try await harness.run { manager in
            _ = try await manager.prepare()
            return await handler.handle(
                RequestEnvelope(
                    command: "ARMGWAIT",
                    request: .waitGroup(group: "web", stopped: true, timeoutSeconds: 0)
                ),
                from: peer
            )
        }
        #expect(response == ControlResponse(status: .success, messageID: "ARMGWAIT-01"))
    }

    @Test func appendLogWritesKnownIDsAndIgnoresUnknownOnes() async {
        let harness = Harness(groups: [])
        let handler = handler(harness)
        let known = await handler.handle(
            RequestEnvelope(
                command: "ARMGSTRT",
                request: .appendLog(LogRecord(id: "ARMGSTRT-02", arguments: ["bad name", ""]))
            ),
            from: peer
        )
        let unknown = await handler.handle(
            RequestEnvelope(command: "ARMXYZ", request: .appendLog(LogRecord(id: "ARMXYZ-55", arguments: []))),
            from: peer
        )
        #expect(known.status == .success)
        #expect(unknown.status == .success)
        #expect(
            harness.sink.records(.arm).map { Array($0[2...]) } == [
                [
                    "ARMGSTRT", "4242", "ERROR", "ARMGSTRT-02",
                    "ARMGSTRT received an invalid parameter. group-name=bad name server-name=",
                ]
            ]
        )
    }

    @Test func aDeniedRequestIsInternalStep3WithCode0xd() async {
        let harness = Harness(groups: [.fixture("web")])
        let response = await handler(harness).deny(
            RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "web", server: nil)),
            from: PeerCredentials(pid: 99, uid: 1000, gid: 1000)
        )
        #expect(response.status == .permissionDenied)
        #expect(response.messageID == "ARMGSTRT-91")
        #expect(response.arguments == [3, 13])
        #expect(
            harness.sink.records(.arm).first.map { Array($0[2...]) } == [
                "ARMGSTRT", "99", "ERROR", "ARMGSTRT-91",
                "ARMGSTRT failed in internal processing (003). The error code is 0xd.",
            ]
        )
    }

    @Test func showConfigAndNames() async {
        let harness = Harness(groups: [.fixture("web"), .fixture("db")])
        let handler = handler(harness)
        let shown = await handler.handle(
            RequestEnvelope(command: "ARMCFG", request: .showConfig(pending: false)),
            from: peer
        )
        #expect(shown.body == .string("[cluster]\nname = \"prod\"\n"))
        let pending = await handler.handle(
            RequestEnvelope(command: "ARMCFG", request: .showConfig(pending: true)),
            from: peer
        )
        #expect(pending.status == .notFound)
        let groups = await handler.handle(
            RequestEnvelope(command: "ARMSH", request: .listNames(kind: "groups")),
            from: peer
        )
        #expect(groups.body == .array([.string("web"), .string("db")]))
        let servers = await handler.handle(
            RequestEnvelope(command: "ARMSH", request: .listNames(kind: "servers")),
            from: peer
        )
        #expect(servers.body == .array([.string("n1")]))
        let wids = await handler.handle(
            RequestEnvelope(command: "ARMSH", request: .listNames(kind: "wids")),
            from: peer
        )
        #expect(wids.body == .array([]))
        #expect(harness.sink.lines(.arm).isEmpty)
    }
}
