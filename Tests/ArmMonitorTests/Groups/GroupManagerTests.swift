import ArmCore
import ArmMonitor
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct GroupManagerTests {
    private let app = ResourceDefinition(
        name: "app",
        kind: .exec(
            start: "/opt/app/start",
            stop: "/opt/app/stop",
            startTimeout: .seconds(30),
            stopTimeout: nil,
            environment: ["APP_PORT": "8080"]
        )
    )

    @Test func startAndStopRunResourcesAndScriptsInOrderWithTheirEnvironment() async throws {
        let harness = Harness(groups: [
            .fixture("web", autoStart: false, resources: [app], environment: ["MODE": "prod"])
        ])
        harness.runner.script(
            harness.start("web"),
            outcome: .exited(0),
            output: [.init(.stdout, "starting nginx"), .init(.stderr, "warn")]
        )
        try await harness.run { manager in
            _ = try await manager.prepare()
            #expect(await manager.startGroup("WEB") == .accepted(server: "n1"))
            #expect(await manager.waitFor(group: "web", stopped: false, timeout: nil) == .satisfied)
            #expect(await manager.stopGroup("web") == .accepted(server: "n1"))
            #expect(await manager.waitFor(group: "web", stopped: true, timeout: nil) == .satisfied)
        }
        #expect(
            harness.runner.paths == ["/opt/app/start", harness.start("web"), harness.stop("web"), "/opt/app/stop"]
        )
        let invocations = harness.runner.invocations
        let start = invocations[1]
        #expect(start.environment["ARMS_EVENT"] == "START")
        #expect(start.environment["CLP_EVENT"] == "START")
        #expect(start.environment["ARMS_GROUP"] == "web")
        #expect(start.environment["MODE"] == "prod")
        #expect(start.environment["CLP_FACTOR"] == nil)
        #expect(start.workingDirectory == "/srv/n1/etc/armcluster/scripts/web")
        #expect(start.timeout == .seconds(600))
        #expect(invocations[0].environment["APP_PORT"] == "8080")
        #expect(invocations[0].timeout == .seconds(30))
        let stop = invocations[2]
        #expect(stop.environment["CLP_FACTOR"] == "GROUPSTOP")
        #expect(stop.environment["ARMS_FACTOR"] == "GROUPSTOP")
        #expect(stop.environment["ARMS_EVENT"] == "START")
        #expect(invocations[3].timeout == .seconds(300))  // the group's stop timeout

        #expect(
            harness.serverLines() == [
                "RSC-003 Start processing of group web started.",
                "RSC-009 Activation processing of resource app started.",
                "RSC-010 Activation processing of resource app succeeded. (elapsed time 0 seconds)",
                "RSC-004 Start processing of group web succeeded.",
                "RSC-006 Stop processing of group web started.",
                "RSC-012 Deactivation processing of resource app started.",
                "RSC-013 Deactivation processing of resource app succeeded. (elapsed time 0 seconds)",
                "RSC-007 Stop processing of group web succeeded.",
            ]
        )
        #expect(
            harness.eventLines() == ["2007 Started group web on server n1.", "2006 Stopped group web on server n1."]
        )
        #expect(
            harness.sink.lines(.armsvr).first?.hasPrefix("2025-03-14T09:12:03.417+09:00\tn1\tRSC\tINFO\tRSC-003\t")
                == true
        )

        let script = harness.sink.records(.armscr).filter { $0[4] == "web/start.sh" }
        #expect(
            script.map { Array($0[1...]) } == [
                ["n1", "web", "START", "web/start.sh", script[0][5], "BEGIN", "pid=4001 timeout=600s factor=-"],
                ["n1", "web", "START", "web/start.sh", script[0][5], "OUT", "starting nginx"],
                ["n1", "web", "START", "web/start.sh", script[0][5], "ERR", "warn"],
                ["n1", "web", "START", "web/start.sh", script[0][5], "END", "exit=0 duration=0.000s"],
            ]
        )
        let runs = Set(harness.sink.records(.armscr).map { $0[5] })
        #expect(runs.count == 4)  // one RUN per script run
        #expect(runs.allSatisfy { $0.count == 8 && $0.allSatisfy(\.isHexDigit) })
        #expect(
            harness.sink.records(.armscr).contains {
                $0[4] == "/opt/app/stop" && $0[6] == "BEGIN" && $0[7].hasSuffix("factor=GROUPSTOP")
            }
        )

        let record = try #require(harness.store.record("web"))
        #expect(record.state == .stopped)
        #expect(!record.failed)
        #expect(record.owner == "n1")
        #expect(
            harness.store.historySnapshot.map {
                "\($0.action) \($0.fromServer ?? "-") \($0.toServer ?? "-") \($0.factor) \($0.result)"
            }
                == ["start - n1 - success", "stop n1 - GROUPSTOP success"]
        )
    }

    @Test func aFailedStartScriptStopsTheGroupAndMarksItFailed() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false, resources: [app])])
        harness.runner.script(harness.start("web"), outcome: .exited(3))
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(harness.runner.paths == ["/opt/app/start", harness.start("web"), harness.stop("web"), "/opt/app/stop"])
        #expect(harness.runner.invocations[2].environment["CLP_FACTOR"] == "GROUPSTOP")
        #expect(harness.serverLines().contains("RSC-005 Start processing of group web failed."))
        #expect(harness.sink.records(.armsvr).contains { $0[3] == "ERROR" && $0[4] == "RSC-005" })
        #expect(harness.sink.records(.armscr).contains { $0[6] == "END" && $0[7] == "exit=3 duration=0.000s" })
        let status = try #require(await harness.manager.status().first)
        #expect(status.state == .stopped)
        #expect(status.failed)
        #expect(harness.store.record("web")?.failed == true)
        #expect(harness.store.historySnapshot.map(\.result) == ["failure", "success"])
    }

    @Test func aFailedResourceSkipsTheRestAndOnlyStopsWhatWasStarted() async throws {
        let later = ResourceDefinition(
            name: "later",
            kind: .exec(
                start: "/opt/later/start",
                stop: "/opt/later/stop",
                startTimeout: nil,
                stopTimeout: nil,
                environment: [:]
            )
        )
        let harness = Harness(groups: [.fixture("web", autoStart: false, resources: [app, later])])
        harness.runner.script("/opt/app/start", outcome: .signaled(9))
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(harness.runner.paths == ["/opt/app/start", harness.stop("web"), "/opt/app/stop"])
        #expect(harness.serverLines().contains("RSC-011 Activation processing of resource app failed."))
        #expect(harness.sink.records(.armscr).contains { $0[7] == "signal=SIGKILL duration=0.000s" })
        let status = try #require(await harness.manager.status().first)
        #expect(status.failed && status.state == .stopped)
    }

    @Test func aStartScriptTimeoutIsAFailureAndLogsEvent9000() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.script(harness.start("web"), outcome: .timedOut)
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(
            harness.eventLines().first?.hasPrefix("9000 Execution of the start script of group web did not complete")
                == true
        )
        #expect(harness.sink.records(.events).first?[4] == "ERROR")
        #expect(harness.sink.records(.armscr).contains { $0[6] == "END" && $0[7] == "timeout duration=0.000s" })
        #expect(harness.runner.paths == [harness.start("web"), harness.stop("web")])
        let status = try #require(await harness.manager.status().first)
        #expect(status.state == .stopped && status.failed)
    }

    @Test func aScriptTimeoutAsksThePowerPortToShutTheServerDown() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.script(harness.start("web"), outcome: .timedOut)
        let power = FakePowerControl()
        try await harness.run { manager in
            await manager.setScriptTimeoutAction { reason in await power.shutdown(reboot: false, reason: reason) }
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(power.requests.count == 1)
        #expect(power.requests.first?.reboot == false)
        #expect(power.requests.first?.reason.contains("web") == true)
    }

    @Test func aStopScriptTimeoutLeavesTheGroupStartedAndFailed() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.script(harness.stop("web"), outcome: .timedOut)
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
            _ = await manager.stopGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(harness.eventLines().contains { $0.hasPrefix("9001 Execution of the stop script of group web") })
        #expect(harness.serverLines().contains("RSC-008 Stop processing of group web failed."))
        let status = try #require(await harness.manager.status().first)
        #expect(status.state == .started && status.failed)
    }

    @Test func anIgnoredDeactivationFailureDoesNotFailTheStop() async throws {
        let tolerant = ResourceDefinition(
            name: "app",
            kind: .exec(
                start: "/opt/app/start",
                stop: "/opt/app/stop",
                startTimeout: nil,
                stopTimeout: nil,
                environment: [:]
            ),
            shutdownOnDeactivateFailure: false
        )
        let harness = Harness(groups: [.fixture("web", autoStart: false, resources: [tolerant])])
        harness.runner.script("/opt/app/stop", outcome: .exited(1))
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
            _ = await manager.stopGroup("web")
            await manager.waitUntilSettled("web")
        }
        #expect(
            harness.serverLines().contains(
                "RSC-015 Deactivation processing of resource app failed. ArmCluster ignores this error."
            )
        )
        let status = try #require(await harness.manager.status().first)
        #expect(status.state == .stopped && !status.failed)
    }

    @Test func outputBeyondTheLineLimitIsCountedAsDropped() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)], scriptOutputLines: 2)
        harness.runner.script(
            harness.start("web"),
            outcome: .exited(0),
            output: (1...5).map { FakeScriptRunner.OutputLine(.stdout, "line \($0)") }
        )
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        let kinds = harness.sink.records(.armscr).map { $0[6] }
        #expect(kinds == ["BEGIN", "OUT", "OUT", "END"])
        #expect(harness.sink.records(.armscr).last?[7] == "exit=0 duration=0.000s dropped=3")
    }

    @Test func aMissingScriptEndsAsExecFailed() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.script(harness.start("web"), outcome: .execFailed(errno: 2))
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
        }
        let records = harness.sink.records(.armscr).filter { $0[4] == "web/start.sh" }
        #expect(records.map { $0[6] } == ["BEGIN", "END"])
        #expect(records[0][7] == "pid=- timeout=600s factor=-")
        #expect(records[1][7] == "exec-failed errno=2 (No such file or directory) duration=0.000s")
        #expect(
            harness.eventLines().contains(
                "9003 Failed to execute the start script of group web. No such file or directory"
            )
        )
    }

    @Test func requestsAreRefusedByStateAndServer() async throws {
        let harness = Harness(groups: [
            .fixture("web", autoStart: false), .fixture("other", servers: ["n2"], autoStart: false),
        ])
        harness.runner.hold(harness.start("web"))
        try await harness.run { manager in
            _ = try await manager.prepare()
            #expect(await manager.startGroup("nope") == .groupNotFound)
            #expect(await manager.stopGroup("nope") == .groupNotFound)
            #expect(await manager.startGroup("web", on: "n7") == .serverNotFound)
            #expect(await manager.startGroup("other") == .refused(.serverNotInPolicy))
            #expect(await manager.stopGroup("web") == .refused(.groupState(.alreadyStoppingOrStopped)))
            #expect(await manager.startGroup("web", on: "N1") == .accepted(server: "n1"))
            #expect(await manager.startGroup("web") == .refused(.groupState(.alreadyStartingOrStarted)))
            harness.runner.release(harness.start("web"))
            await manager.waitUntilSettled("web")
        }
    }

    @Test func fiftyConcurrentRequestsLeaveAConsistentState() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false, resources: [app])])
        let outcomes = try await harness.run { manager in
            _ = try await manager.prepare()
            let outcomes = await withTaskGroup(of: (Bool, GroupManager.RequestOutcome).self) { tasks in
                for index in 0..<50 {
                    tasks.addTask {
                        let isStart = index % 3 != 1
                        return (isStart, isStart ? await manager.startGroup("web") : await manager.stopGroup("web"))
                    }
                }
                var outcomes: [(Bool, GroupManager.RequestOutcome)] = []
                for await outcome in tasks { outcomes.append(outcome) }
                return outcomes
            }
            await manager.waitUntilSettled("web")
            return outcomes
        }
        let acceptedStarts = outcomes.filter { $0.0 && $0.1 == .accepted(server: "n1") }.count
        let acceptedStops = outcomes.filter { !$0.0 && $0.1 == .accepted(server: "n1") }.count
        #expect(outcomes.count == 50)
        #expect(
            outcomes.allSatisfy {
                $0.1 == .accepted(server: "n1") || $0.1 == .refused(.groupState(.alreadyStartingOrStarted))
                    || $0.1 == .refused(.groupState(.alreadyStoppingOrStopped))
            }
        )
        // Accepted requests alternate start, stop, start… from stopped.
        #expect(acceptedStarts - acceptedStops == 0 || acceptedStarts - acceptedStops == 1)
        #expect(acceptedStarts >= 1)
        #expect(harness.runner.invocations(of: harness.start("web")).count == acceptedStarts)
        #expect(harness.runner.invocations(of: harness.stop("web")).count == acceptedStops)
        #expect(harness.runner.maxConcurrentRuns(inDirectory: harness.paths.scriptDirectory(group: "web")) == 1)
        #expect(harness.runner.maxConcurrentRuns(of: "/opt/app/start") == 1)
        let status = try #require(await harness.manager.status().first)
        #expect(status.state == (acceptedStarts > acceptedStops ? .started : .stopped))
        #expect(!status.failed)
        #expect(harness.store.record("web")?.state == status.state)
    }

    @Test func afterAnUncleanStopAStartedGroupStaysAndAStartingOneIsStoppedAndFailed() async throws {
        let store = InMemoryStateStore(
            meta: ["run_state": "running", "created_at": "1"],
            groups: [
                GroupRecord(name: "web", owner: "n1", state: .started, failed: false, updatedAt: 1),
                GroupRecord(name: "db", owner: "n1", state: .starting, failed: false, updatedAt: 1),
            ]
        )
        let harness = Harness(groups: [.fixture("db"), .fixture("web"), .fixture("idle")], store: store)
        let (report, autoStarted) = try await harness.run { manager in
            let report = try await manager.prepare()
            let autoStarted = await manager.autoStart()
            await manager.waitUntilSettled("db")
            return (report, autoStarted)
        }
        #expect(report == .init(uncleanStop: true, reattached: ["web"], interrupted: ["db"]))
        #expect(autoStarted.isEmpty)
        #expect(harness.runner.paths == [harness.stop("db")])  // start.sh is not re-run
        #expect(harness.runner.invocations[0].environment["CLP_FACTOR"] == "SERVERSHUTDOWN")
        let status = await harness.manager.status()
        #expect(
            status.map { "\($0.definition.name) \($0.state) \($0.failed)" } == [
                "db stopped true", "web started false", "idle stopped false",
            ]
        )
        #expect(status[1].server == "n1")
        #expect(status[1].resources.map(\.state) == ["started"])
        #expect(harness.eventLines().first == "1101 The previous shutdown was performed from outside ArmCluster.")
        #expect(store.metaSnapshot["run_state"] == "running")
        #expect(store.metaSnapshot["created_at"] == "1")
        #expect(store.record("db")?.failed == true)
        #expect(store.record("idle")?.state == .stopped)  // a row for the new group
    }

    @Test func aCleanStartResetsStateAndStartsAutoStartGroups() async throws {
        let store = InMemoryStateStore(
            meta: ["run_state": "stopped-armmond"],
            groups: [GroupRecord(name: "web", owner: "n1", state: .started, failed: false, updatedAt: 1)]
        )
        let harness = Harness(
            groups: [.fixture("web"), .fixture("batch", autoStart: false), .fixture("remote", servers: ["n2"])],
            store: store
        )
        let started = try await harness.run { manager in
            let report = try await manager.prepare()
            #expect(!report.uncleanStop)
            let started = await manager.autoStart()
            await manager.waitUntilSettled("web")
            return started
        }
        #expect(started == ["web"])
        #expect(harness.runner.paths == [harness.start("web")])
        #expect(harness.runner.invocations[0].environment["ARMS_EVENT"] == "START")
        #expect(harness.serverLines().first == "RSC-001 Group web will be started automatically.")
        #expect(store.metaSnapshot["run_state"] == "running")
        #expect(store.metaSnapshot["cluster_name"] == "prod")
        #expect(store.metaSnapshot["server_name"] == "n1")
        #expect(store.metaSnapshot["created_at"] != nil)
        let status = await harness.manager.status()
        #expect(status.map(\.state) == [.started, .stopped, .stopped])
    }

    @Test func stopAllStopsInReverseOrderAndRecordsACleanExit() async throws {
        let harness = Harness(groups: [.fixture("a"), .fixture("b"), .fixture("c", autoStart: false)])
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.autoStart()
            await manager.waitUntilSettled("a")
            await manager.waitUntilSettled("b")
            await manager.stopAll()
            #expect(await manager.startGroup("c") == .refused(.shuttingDown))
            try await manager.markCleanExit()
        }
        let paths = harness.runner.paths
        #expect(Set(paths.prefix(2)) == [harness.start("a"), harness.start("b")])  // auto-starts run side by side
        #expect(paths.dropFirst(2) == [harness.stop("b"), harness.stop("a")])
        #expect(harness.runner.invocations[2].environment["CLP_FACTOR"] == "SERVERSHUTDOWN")
        #expect(harness.serverLines().contains("RSC-002 Group b will be stopped automatically."))
        #expect(harness.store.metaSnapshot["run_state"] == "stopped-armmond")
        #expect(await harness.manager.status().map(\.state) == [.stopped, .stopped, .stopped])
    }

    @Test func armgwaitResolvesWhenTheGroupStarts() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.hold(harness.start("web"))
        try await harness.run { manager in
            _ = try await manager.prepare()
            async let waited = manager.waitFor(group: "web", stopped: false, timeout: .seconds(30))
            #expect(await manager.startGroup("web") == .accepted(server: "n1"))
            await harness.runner.waitForHeld(harness.start("web"))
            harness.runner.release(harness.start("web"))
            #expect(await waited == .satisfied)
        }
    }

    @Test func armgwaitSeesAStartEvenWhenAQueuedStopFollowsAtOnce() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        harness.runner.hold(harness.start("web"))
        try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await harness.runner.waitForHeld(harness.start("web"))
            #expect(await manager.stopGroup("web") == .accepted(server: "n1"))  // queued behind the start
            async let waited = manager.waitFor(group: "web", stopped: false, timeout: nil)
            harness.runner.release(harness.start("web"))
            #expect(await waited == .satisfied)
            await manager.waitUntilSettled("web")
        }
        #expect(harness.runner.paths == [harness.start("web"), harness.stop("web")])
    }

    @Test func armgwaitTimesOutOnTheMonitorClock() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        try await harness.run { manager in
            _ = try await manager.prepare()
            async let waited = manager.waitFor(group: "web", stopped: false, timeout: .seconds(5))
            await harness.clock.waitForSleepers(count: 1)
            harness.clock.advance(by: .seconds(4))
            #expect(harness.clock.sleeperCount == 1)
            harness.clock.advance(by: .seconds(1))
            #expect(await waited == .timedOut(seconds: 5))
        }
    }

    @Test func armgwaitForAStoppedGroupAnswersAtOnce() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        try await harness.run { manager in
            _ = try await manager.prepare()
            #expect(await manager.waitFor(group: "web", stopped: true, timeout: .seconds(5)) == .satisfied)
        }
    }

    @Test func armgwaitForAnUnknownGroupTimesOut() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        try await harness.run { manager in
            _ = try await manager.prepare()
            async let waited = manager.waitFor(group: "ghost", stopped: true, timeout: .seconds(2))
            await harness.clock.waitForSleepers(count: 1)
            harness.clock.advance(by: .seconds(2))
            #expect(await waited == .timedOut(seconds: 2))
        }
    }

    @Test func aCancelledWaitEnds() async throws {
        let harness = Harness(groups: [.fixture("web", autoStart: false)])
        try await harness.run { manager in
            _ = try await manager.prepare()
            let waiting = Task { await manager.waitFor(group: "web", stopped: false, timeout: nil) }
            waiting.cancel()
            #expect(await waiting.value == .cancelled)
        }
    }
}
