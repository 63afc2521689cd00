import ArmCore
import ArmMonitor
import ArmTesting
import Testing

/// Three independent single-server nodes in one process on one manual clock, driven by a seeded random
/// script of requests, script failures, hangs (timeouts) and armmond deaths, and of ARMLOAD watches
/// (registrations, program deaths, READY=1, armkill, pause/continue) through `WatchStateMachine`
/// (STYLE §2.6a, issue 7).
@Suite(.timeLimit(.minutes(2))) struct NodeSimulationTests {
    private static func groups(_ server: String, _ random: inout SplitMix64) -> [GroupDefinition] {
        (0..<(2 + random.below(2))).map { index in
            var resources: [ResourceDefinition] = []
            for position in 0..<random.below(3) {
                let name = "r\(position)"
                if random.chance(20) {
                    resources.append(ResourceDefinition(name: name, kind: .fip(address: "10.0.0.\(position)")))
                } else {
                    resources.append(
                        ResourceDefinition(
                            name: name,
                            kind: .exec(
                                start: "/opt/\(server)/g\(index)/\(name)/start",
                                stop: "/opt/\(server)/g\(index)/\(name)/stop",
                                startTimeout: random.chance(50) ? .seconds(10) : nil,
                                stopTimeout: random.chance(50) ? .seconds(10) : nil,
                                environment: [:]
                            ),
                            shutdownOnDeactivateFailure: random.chance(70)
                        )
                    )
                }
            }
            return GroupDefinition(
                name: "g\(index)",
                servers: [server],
                autoStart: random.chance(50),
                startTimeout: .seconds(30),
                stopTimeout: .seconds(25),
                resources: resources
            )
        }
    }

    /// One random ARMLOAD operation on `member`: mostly registrations and deaths (so `/R` runs out and `/ACT`
    /// acts), some READY=1, armkill, pause and continue.
    private static func watchOperation(_ harness: NodeHarness, _ member: Int, _ random: inout SplitMix64) async {
        let keys = harness.members[member].watches.keys.sorted()
        let roll = random.below(100)
        if roll < 30 || keys.isEmpty {
            let names = harness.members[member].node.order
            let group = names[random.below(names.count)]
            let retry: Int? = random.chance(80) ? 1 + random.below(4) : nil
            let hours: Int? = retry != nil && random.chance(50) ? 1 : nil
            let finals: [FinalAction] = [.failover, .failover, .none, .none, .shutdown]
            let policy = ArmloadWatchPolicy(
                retry: retry,
                hours: hours,
                finalAction: finals[random.below(finals.count)],
                isWatched: random.chance(90)
            )
            let wait: Duration? = random.chance(30) ? .seconds(Int64(random.below(10))) : nil
            let wid = "w\(random.below(6))"
            let forms: [NodeHarness.ServiceForm] = [.program, .program, .program, .unit, .stopCommand]
            let form = forms[random.below(forms.count)]
            await harness.register(member, wid: wid, group: group, policy: policy, readinessWait: wait, form: form)
            return
        }
        let key = keys[random.below(keys.count)]
        switch roll {
        case 30..<70: harness.programDies(member, wid: key, signaled: random.chance(30))
        case 70..<78: await harness.programReady(member, wid: key)
        case 78..<88: await harness.armkill(member, wid: key, wait: .seconds(Int64(random.below(8))))
        case 88..<94: await harness.control(member, wid: key, pause: true)
        default: await harness.control(member, wid: key, pause: false)
        }
    }

    /// Runs one seed; returns the action log and every invariant violation seen after any step.
    private static func simulate(
        seed: UInt64,
        operations: Int,
        recording: Bool = true
    ) async -> (log: [String], violations: [String], steps: Int, watchCounts: [String: Int]) {
        var random = SplitMix64(seed: seed)
        let servers = ["n1", "n2", "n3"].map { ($0, groups($0, &random)) }
        let harness = NodeHarness(servers: servers, seed: seed ^ 0x5EED)
        harness.recording = recording
        var violations: [String] = []
        var steps = 0
        func check(_ label: String) async {
            steps += 1
            for violation in await harness.violations() { violations.append("seed \(seed) \(label): \(violation)") }
        }
        for index in harness.members.indices { await harness.boot(index) }
        await check("boot")
        for operation in 0..<operations {
            // Now and then more than an hour passes, so /H windows close.
            let pause = random.chance(3) ? 3_600 + random.below(600) : random.below(12)
            let target = harness.clock.now() + .seconds(Int64(pause))
            while let next = harness.nextTime, next <= target {
                await harness.step()
                await check("op \(operation) step")
            }
            harness.clock.advance(to: target)
            let member = random.below(harness.members.count)
            let names = harness.members[member].node.order
            let group = random.chance(5) ? "ghost" : names[random.below(names.count)]
            switch random.below(100) {
            case 0..<40: await harness.request(member) { .startGroup($0, group: group, server: nil, event: .start) }
            case 40..<70: await harness.request(member) { .stopGroup($0, group: group, factor: .groupStop) }
            case 70..<85:
                let timeout: Duration? = random.chance(80) ? .seconds(Int64(random.below(40))) : nil
                let target: GroupState = random.chance(50) ? .started : .stopped
                await harness.request(member) { .wait($0, group: group, target: .state(target), timeout: timeout) }
            case 85..<88: await harness.crash(member)
            default: break
            }
            await check("op \(operation)")
            if random.chance(70) {
                await watchOperation(harness, random.below(harness.members.count), &random)
                await check("op \(operation) watch")
            }
        }
        // Quiet: every sequence ends (hangs are killed at their deadlines) and every timed wait is answered.
        // (Running unit watches are checked every 30 s forever; every loop here is bounded.)
        var budget = 100_000
        while budget > 0, harness.isBusyBesidesUnitChecks, await harness.step() {
            budget -= 1
            await check("drain")
        }
        for member in harness.members {
            for name in member.node.order where member.node.groups[name]?.machine.isBusy == true {
                violations.append("seed \(seed): \(member.name) \(name) still busy when idle")
            }
            if member.openWaits.values.contains(where: { $0 != nil }) {
                violations.append("seed \(seed): \(member.name) has a timed wait never answered")
            }
            if !member.cleanups.isEmpty {
                violations.append("seed \(seed): \(member.name) group stop still waits for its watches")
            }
        }
        // Server shutdown stops every group in reverse order and answers.
        var shutdowns: [(Int, RequestID)] = []
        for index in harness.members.indices {
            shutdowns.append((index, await harness.request(index) { .stopAll($0) }))
        }
        budget = 100_000
        while budget > 0, await harness.step() {
            budget -= 1
            await check("shutdown")
        }
        if harness.nextTime != nil { violations.append("seed \(seed): not idle after stopAll") }
        for (index, id) in shutdowns {
            let member = harness.members[index]
            if member.replies[id] != .done { violations.append("seed \(seed): \(member.name) stopAll unanswered") }
            if !member.watches.isEmpty {
                violations.append(
                    "seed \(seed): \(member.name) watches left after stopAll: \(member.watches.keys.sorted())"
                )
            }
            for name in member.node.order {
                guard let machine = member.node.groups[name]?.machine else { continue }
                // A failed stop leaves the group started and failed (armstat started/failed).
                if machine.state != .stopped && !(machine.state == .started && machine.failed) {
                    violations.append("seed \(seed): \(member.name) \(name) \(machine.state) after stopAll")
                }
            }
            let refused = await harness.request(index) {
                .startGroup($0, group: member.node.order[0], server: nil, event: .start)
            }
            if harness.members[index].replies[refused] != .request(.refused(.shuttingDown)) {
                violations.append("seed \(seed): \(member.name) accepted a start while shutting down")
            }
        }
        return (harness.actionLog, violations, steps, harness.watchCounts)
    }

    @Test func threeNodesKeepEveryInvariantOverAThousandSeeds() async {
        var violations: [String] = []
        var steps = 0
        var counts: [String: Int] = [:]
        for seed in 1...1_000 as ClosedRange<UInt64> {
            let result = await Self.simulate(seed: seed, operations: 30, recording: false)
            steps += result.steps
            counts.merge(result.watchCounts, uniquingKeysWith: +)
            violations += result.violations.prefix(3)
            if violations.count > 20 { break }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
        #expect(steps > 50_000)  // invariants checked after every step
        // The random script reaches every watch path: restarts, /ACT, armkill, SIGKILL after SIGTERM, pause,
        // units and stop commands that work or fail.
        let kinds = [
            "launch", "restart", "window", "failover", "shutdown", "armkill", "sigkill", "release", "paused",
            "unitStop", "unitStopFailed", "stopCommand", "stopCommandFailed",
        ]
        for kind in kinds {
            #expect(counts[kind, default: 0] >= 20, "\(kind): \(counts[kind, default: 0])")
        }
    }

    @Test(arguments: [7, 42, 4_242] as [UInt64])
    func theSameSeedReplaysTheSameActionLogByteForByte(seed: UInt64) async {
        let first = await Self.simulate(seed: seed, operations: 60)
        let second = await Self.simulate(seed: seed, operations: 60)
        #expect(first.log.joined(separator: "\n") == second.log.joined(separator: "\n"))
        #expect(first.log.count > 100)
        #expect(first.log.contains { $0.contains(" watch w") })
        let other = await Self.simulate(seed: seed &+ 1, operations: 60)
        #expect(other.log != first.log)
    }

    @Test func theActionLogReadsAsTheNodeDecided() async {
        let web = GroupDefinition(
            name: "web",
            servers: ["n1"],
            autoStart: true,
            startTimeout: .seconds(30),
            stopTimeout: .seconds(30),
            resources: []
        )
        let harness = NodeHarness(
            servers: [("n1", [web])],
            seed: 1,
            faults: .init(fail: 0, die: 0, hang: 100, execFail: 0)
        )
        await harness.boot(0)
        let wait = await harness.request(0) { .wait($0, group: "web", target: .state(.started), timeout: .seconds(10)) }
        #expect(await harness.drain())
        #expect(harness.members[0].replies[wait] == .wait(.timedOut(seconds: 10)))
        #expect(harness.members[0].powerOffs == 2)  // start.sh and stop.sh both hung
        let log = harness.actionLog.joined(separator: "\n")
        #expect(log.contains("0.000 n1 run r1 web web/start.sh START - timeout=30s"))
        #expect(log.contains("30.000 n1 kill r1"))
        #expect(log.contains("30.000 n1 log scriptTimeout(group: \"web\", start: true)"))
        #expect(log.contains("60.000 n1 kill r2"))
        let status = harness.members[0].node.groups["web"]?.machine
        #expect(status?.state == .started && status?.failed == true)  // the clean-up stop hung too
        #expect(harness.members[0].sink.records(.events).map { $0[3] }.contains("9000"))
    }

    @Test func aWatchSpendsItsRetriesThenFailsItsGroupOver() async {
        let web = GroupDefinition(
            name: "web",
            servers: ["n1"],
            autoStart: true,
            startTimeout: .seconds(30),
            stopTimeout: .seconds(30),
            resources: []
        )
        let harness = NodeHarness(
            servers: [("n1", [web])],
            seed: 1,
            faults: .init(fail: 0, die: 0, hang: 0, execFail: 0, maxSeconds: 0)
        )
        harness.launchFailures = 0
        await harness.boot(0)
        #expect(await harness.drain())
        #expect(harness.members[0].node.groups["web"]?.machine.state == .started)
        let policy = ArmloadWatchPolicy(retry: 2, hours: 1, finalAction: .failover, isWatched: true)
        #expect(await harness.register(0, wid: "App", group: "web", policy: policy, readinessWait: nil))
        #expect(await harness.drain())
        #expect(harness.members[0].watches["app"]?.machine.phase == .running)
        for death in 1...3 {
            harness.programDies(0, wid: "app", signaled: false)
            #expect(await harness.drain())
            if death < 3 { #expect(harness.members[0].watches["app"]?.windowRestarts == death) }
            #expect(await harness.violations().isEmpty)
        }
        // The third death finds /R spent: /ACT failover stops the group, whose stop releases the WID.
        #expect(harness.members[0].node.groups["web"]?.machine.state == .stopped)
        #expect(harness.members[0].watches.isEmpty)
        let log = harness.actionLog.joined(separator: "\n")
        #expect(log.contains("watch App escalate(ArmCore.FailureAction.failover)"))
        #expect(harness.members[0].watchReplies.first == "App start started(ready: nil)")
    }
}
