import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Synchronization
import Testing

/// A systemd as `systemctl` shows it: units by name; `start` and `stop` move a unit to a chosen state.
final class FakeSystemd: Sendable {
    struct Unit: Sendable {
        var active = "inactive"
        var execMainCode = 0
        var execMainStatus = 0
        var mainPID = 0
        /// The state `systemctl start` leads to.
        var afterStart = "active"
    }

    private let units = Mutex<[String: Unit]>([:])

    init(_ units: [String: Unit]) { self.units.withLock { $0 = units } }

    /// Changes a unit.
    func update(_ name: String, _ change: @Sendable (inout Unit) -> Void) {
        units.withLock { units in
            if var unit = units[name] {
                change(&unit)
                units[name] = unit
            }
        }
    }

    /// Answers one systemctl run.
    func answer(_ arguments: [String]) -> FakeScriptRunner.Behaviour {
        guard let verb = arguments.first, let name = arguments.last else { return .init(outcome: .exited(1)) }
        return units.withLock { units in
            switch verb {
            case "show":
                guard let unit = units[name] else {
                    let lines = ["LoadState=not-found", "ActiveState=inactive"]
                    return .init(output: lines.map { .init(.stdout, $0) })
                }
                let lines = [
                    "LoadState=loaded", "ActiveState=\(unit.active)", "SubState=x",
                    "ExecMainCode=\(unit.execMainCode)", "ExecMainStatus=\(unit.execMainStatus)",
                    "MainPID=\(unit.active == "active" ? unit.mainPID : 0)",
                ]
                return .init(output: lines.map { .init(.stdout, $0) })
            case "start":
                let next = units[name]?.afterStart ?? "inactive"
                units[name]?.active = next
                return .init()
            case "stop":
                units[name]?.active = "inactive"
                return .init()
            default:
                return .init(outcome: .exited(1))
            }
        }
    }
}

/// armload /S on systemd units (commands.md 2.1 "Service form /S", "Watching"; 2.2).
@Suite(.timeLimit(.minutes(2))) struct ArmloadSystemdTests {
    static let systemctl = "/usr/bin/systemctl"

    static func harness(_ systemd: FakeSystemd) -> ArmloadHarness {
        let harness = ArmloadHarness(systemdAvailable: true)
        harness.runner.respond(systemctl) { systemd.answer($0) }
        return harness
    }

    static func calls(_ h: ArmloadHarness) -> [String] {
        h.runner.invocations(of: systemctl).map { $0.arguments.joined(separator: " ") }
    }

    static let show = "show -p LoadState,ActiveState,SubState,ExecMainCode,ExecMainStatus,MainPID"

    @Test func aStartedUnitThatBecomesActiveIsRegisteredAsAService() async throws {
        let systemd = FakeSystemd(["nginx": .init(mainPID: 321)])
        try await Self.harness(systemd).run { h in
            let response = await h.armload("W", ["nginx"]) { $0.isService = true }
            #expect(response.messageID == "ARMLOAD-01")
            #expect(Self.calls(h) == ["\(Self.show) nginx", "start --no-block nginx", "\(Self.show) nginx"])
            let status = try #require(await h.status("W"))
            #expect(status.kind == "service" && status.unit == "nginx" && status.pid == 321)
            #expect(status.startState == "running")
        }
    }

    @Test func aUnitThatFailsToStartAnswersARMLOAD24WithItsExitStatus() async throws {
        let systemd = FakeSystemd(["nginx": .init(execMainCode: 1, execMainStatus: 3, afterStart: "failed")])
        try await Self.harness(systemd).run { h in
            let response = await h.armload("W", ["nginx"]) { $0.isService = true }
            #expect(response.messageID == "ARMLOAD-24" && response.status == .failed)
            #expect(response.arguments == [.string("W"), .int(3)])
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func aUnitNotActiveWithinTheWaitAnswersARMLOAD06AndIsStoppedAgain() async throws {
        let systemd = FakeSystemd(["nginx": .init(afterStart: "activating")])
        try await Self.harness(systemd).run { h in
            async let answer = h.armload("W", ["nginx"]) {
                $0.isService = true
                $0.startTimeout = 3
            }
            for _ in 0..<3 {
                await h.clock.waitForSleepers(count: 1)
                h.clock.advance(by: .seconds(1))
            }
            let response = await answer
            #expect(response.messageID == "ARMLOAD-06" && response.status == .timeout)
            #expect(Self.calls(h).last == "stop --no-block nginx")
            #expect(Self.calls(h).count { $0.hasPrefix("show") } == 5)
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func anActiveUnitIsBusyWithoutAttachAndAdoptedWithIt() async throws {
        let systemd = FakeSystemd(["nginx": .init(active: "active", mainPID: 77)])
        try await Self.harness(systemd).run { h in
            let busy = await h.armload("W", ["nginx"]) { $0.isService = true }
            #expect(busy.messageID == "ARMLOAD-24" && busy.status == .busy)
            #expect(busy.arguments == [.string("W"), .int(0x72)])
            let adopted = await h.armload("W", ["nginx"]) {
                $0.isService = true
                $0.attach = true
            }
            #expect(adopted.messageID == "ARMLOAD-01")
            #expect(!Self.calls(h).contains { $0.hasPrefix("start") })
            #expect(await h.status("W")?.pid == 77)
        }
    }

    @Test func aWatchedUnitThatFailsIsReportedAndStartedAgain() async throws {
        let systemd = FakeSystemd(["nginx": .init(mainPID: 10)])
        try await Self.harness(systemd).run { h in
            let response = await h.armload("W", ["nginx"]) {
                $0.isService = true
                $0.retry = 1
            }
            #expect(response.messageID == "ARMLOAD-01")
            await h.clock.waitForSleepers(count: 1)
            systemd.update("nginx") {
                $0.active = "failed"
                $0.execMainCode = 1
                $0.execMainStatus = 2
            }
            h.clock.advance(by: .seconds(5))
            await h.waitForArm("ARMLOAD-18")
            #expect(h.armLines().contains { $0.contains("ARMLOAD-14") && $0.contains("are 1 and 2") })
            #expect(Self.calls(h).count { $0 == "start --no-block nginx" } == 2)
            await h.waitForEvent("14001")
            #expect(await h.status("W")?.restarts == 1)
        }
    }

    @Test func armkillStopsTheUnitAndReleasesTheWID() async throws {
        let systemd = FakeSystemd(["nginx": .init(mainPID: 10)])
        try await Self.harness(systemd).run { h in
            _ = await h.armload("W", ["nginx"]) { $0.isService = true }
            let response = await h.armkill("W")
            #expect(response == ControlResponse(status: .success, messageID: "ARMKILL-01", arguments: ["W"]))
            #expect(Self.calls(h).contains("stop --no-block nginx"))
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func anUnknownUnitAnswersARMLOAD21AfterTryingTheServiceSuffix() async throws {
        try await Self.harness(FakeSystemd([:])).run { h in
            let response = await h.armload("W", ["ghost"]) { $0.isService = true }
            #expect(response.messageID == "ARMLOAD-21" && response.status == .notFound)
            #expect(Self.calls(h) == ["\(Self.show) ghost", "\(Self.show) ghost.service"])
            #expect(await h.supervisor.status().isEmpty)
        }
    }
}
