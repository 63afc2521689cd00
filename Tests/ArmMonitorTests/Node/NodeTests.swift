import ArmCore
import ArmMonitor
import ArmTesting
import Testing

/// The node's own rules, stepped by the harness with scripts that always succeed.
@Suite(.timeLimit(.minutes(1))) struct NodeTests {
    private static let web = GroupDefinition(
        name: "web",
        servers: ["n1"],
        autoStart: false,
        startTimeout: .seconds(30),
        stopTimeout: .seconds(30),
        resources: [
            ResourceDefinition(
                name: "app",
                kind: .exec(
                    start: "/opt/app/start",
                    stop: "/opt/app/stop",
                    startTimeout: nil,
                    stopTimeout: nil,
                    environment: [:]
                )
            )
        ]
    )

    private func harness(
        faults: NodeHarness.ScriptFaults = .init(fail: 0, die: 0, hang: 0, execFail: 0, maxSeconds: 3)
    )
        async -> NodeHarness
    {
        let harness = NodeHarness(servers: [("n1", [Self.web])], seed: 9, faults: faults)
        await harness.boot(0)
        return harness
    }

    @Test func aStartRunsTheResourceThenStartShAndAnswersAWaiterOnlyOnceStored() async {
        let harness = await harness()
        let wait = await harness.request(0) { .wait($0, group: "WEB", target: .state(.started), timeout: nil) }
        let start = await harness.request(0) { .startGroup($0, group: "web", server: nil, event: .start) }
        #expect(harness.members[0].replies[start] == .request(.accepted(server: "n1")))
        #expect(harness.members[0].replies[wait] == nil)
        #expect(await harness.drain())
        #expect(harness.members[0].replies[wait] == .wait(.satisfied))
        let runs = harness.actionLog.filter { $0.contains(" run r") }
        #expect(runs.count == 2)
        #expect(runs.first?.contains("/opt/app/start START") == true)
        #expect(runs.last?.contains("web/start.sh START") == true)
        #expect(harness.members[0].store.record("web")?.state == .started)
        #expect(harness.members[0].node.groups["web"]?.sequence.resourceStates == [.started])
    }

    @Test func aCancelledWaitIsAnsweredCancelledAndAStaleExitChangesNothing() async {
        let harness = await harness()
        let wait = await harness.request(0) { .wait($0, group: "web", target: .state(.started), timeout: nil) }
        await harness.request(0) { _ in .cancelWait(wait) }
        #expect(harness.members[0].replies[wait] == .wait(.cancelled))
        await harness.request(0) { _ in .scriptExited(run: 99, .exited(0)) }
        #expect(harness.members[0].node.groups["web"]?.machine.state == .stopped)
    }

    @Test func everyStopAllIsAnsweredAndStartsAreRefusedAfterwards() async {
        let harness = await harness()
        await harness.request(0) { .startGroup($0, group: "web", server: nil, event: .start) }
        let first = await harness.request(0) { .stopAll($0) }
        let second = await harness.request(0) { .stopAll($0) }
        #expect(await harness.drain())
        #expect(harness.members[0].replies[first] == .done)
        #expect(harness.members[0].replies[second] == .done)
        #expect(harness.members[0].node.groups["web"]?.machine.state == .stopped)
        let refused = await harness.request(0) { .startGroup($0, group: "web", server: nil, event: .start) }
        #expect(harness.members[0].replies[refused] == .request(.refused(.shuttingDown)))
    }

    @Test func aCrashInTheMiddleOfAStartStopsTheGroupAndMarksItFailed() async {
        let harness = await harness(faults: .init(fail: 0, die: 0, hang: 100, execFail: 0))
        await harness.request(0) { .startGroup($0, group: "web", server: nil, event: .start) }
        await harness.crash(0)
        let machine = harness.members[0].node.groups["web"]?.machine
        #expect(machine?.state == .stopping && machine?.failed == true)
        #expect(harness.actionLog.last { $0.contains(" run r") }?.contains("web/stop.sh START SERVERSHUTDOWN") == true)
    }
}
