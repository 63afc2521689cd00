import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// armmond crashes, restarts, second instances and armstat without armmond (commands.md 2.29, 2.32;
    /// config-and-files §1.5, §3.2).
    @Suite struct DaemonLifecycle {
        @Test func aStartedGroupSurvivesKill9OfArmmondWithoutRunningStartAgain() async throws {
            try await withMonitor { rig in
                let started = try await rig.waitForGroup("started", seconds: 10)
                #expect(started.status == 0, "\(started)")
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 1)

                let status = await rig.stopMonitor(signal: SIGKILL)
                #expect(status == 128 + SIGKILL)
                try await rig.startMonitor()

                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == "started")
                #expect(group["failed"] as? Bool == false)
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 1, "start.sh was not run again")
                #expect(rig.scriptRecords("web/stop.sh", kind: "BEGIN").isEmpty)
            }
        }

        @Test func aStartCaughtInProgressByKill9EndsStoppedAndFailedAfterTheRestart() async throws {
            let scripts = [
                // Blocks on a FIFO nobody writes: the start is still running when armmond dies.
                "web/start.sh": "touch @MARKERS@/start.entered\nread line < @MARKERS@/gate\n",
                "web/stop.sh": "touch @MARKERS@/stop.ran\n",
            ]
            try await withMonitor(config: RigConfig.web(groupExtra: "auto_start = false"), scripts: scripts) { rig in
                #expect(mkfifo(rig.markers + "/gate", 0o600) == 0)
                let start = try await rig.run("armgstrt", "web")
                #expect(start.status == 0, "\(start)")
                try await waitForFile(rig.markers + "/start.entered")
                #expect(try await rig.groupStatus()["state"] as? String == "starting")

                await rig.stopMonitor(signal: SIGKILL)
                try await rig.startMonitor()
                let stopped = try await rig.waitForGroup("stopped")
                #expect(stopped.status == 0, "\(stopped)")

                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == "stopped")
                #expect(group["failed"] as? Bool == true)
                #expect(Files.exists(rig.markers + "/stop.ran"), "stop.sh ran after the restart")
                #expect(rig.scriptRecords("web/stop.sh", kind: "BEGIN").count == 1)
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 1, "start.sh was not run again")
                #expect(try await rig.databaseGroupState() == "stopped|1")
            }
        }

        /// Waits until a script has created `path` (bounded poll: the script's process becoming ready).
        func waitForFile(_ path: String) async throws {
            let deadline = ContinuousClock.now + .seconds(15)
            while !Files.exists(path) {
                guard ContinuousClock.now < deadline else { throw RigError("\(path) did not appear within 15 s") }
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        @Test func armmondRestartsAfterACrashWhileArmstatReadsTheStateDatabase() async throws {
            // Regression: armstat's read-only fallback held a lock on state.sqlite while the restarted armmond
            // ran `PRAGMA journal_mode = WAL`, which failed at once with SQLITE_BUSY: armmond exited 1 with
            // event 2 ("Install ArmCluster again"). Fixed with a busy timeout in GRDBStateStore.
            try await withMonitor { rig in
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)
                for _ in 0..<12 {
                    await rig.stopMonitor(signal: SIGKILL)
                    // armstat after armstat while armmond comes up: first from the database, then live.
                    let readers = try ChildProcess(
                        "/bin/bash",
                        [
                            "-c",
                            "for i in $(seq 60); do armstat cluster >/dev/null 2>&1; s=$?; [ $s = 0 ] || [ $s = 3 ] || exit $s; done",
                        ],
                        environment: rig.environment(["PATH": rig.bin + ":/usr/bin:/bin"]),
                        outputIn: rig.scratch
                    )
                    try await rig.startMonitor()
                    #expect(await readers.wait() == 0, "armstat exits 0 or 3")
                }
                #expect(try await rig.groupStatus()["state"] as? String == "started")
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 1)
            }
        }

        @Test func aSecondArmmondIsRefusedWithExit8AndThePIDOfTheFirst() async throws {
            try await withMonitor { rig in
                let first = try #require(rig.monitor)
                let second = try await ChildProcess.run(
                    E2E.armmond,
                    ["/F"],
                    environment: rig.environment(),
                    outputIn: rig.scratch,
                    limit: .seconds(20)
                )
                #expect(second.status == 8, "\(second)")
                #expect(second.stderr == "armmond: already running (pid \(first.pid))\n")
                #expect(first.exitStatus == nil, "the first armmond still runs")
                #expect(try await rig.run("armstat").status == 0)
                #expect(Files.read(rig.path + "/run/armcluster/armmond.pid") == "\(first.pid)\n")
            }
        }

        @Test func aSecondArmmondStartedInTheBackgroundIsAlsoRefused() async throws {
            try await withMonitor { rig in
                let first = try #require(rig.monitor)
                do {
                    let second = try await ChildProcess.run(
                        E2E.armmond,
                        [],
                        environment: rig.environment(),
                        outputIn: rig.scratch,
                        limit: .seconds(20)
                    )
                    #expect(second.status == 8, "\(second)")
                    #expect(second.stderr == "armmond: already running (pid \(first.pid))\n")
                }
                #expect(first.exitStatus == nil, "the first armmond still runs")
            }
        }

        @Test func backgroundArmmondAfterKill9ReturnsOnlyOnceItsSocketAnswers() async throws {
            try await withMonitor { rig in
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)
                await rig.stopMonitor(signal: SIGKILL)
                let background = try await ChildProcess.run(
                    E2E.armmond,
                    [],
                    environment: rig.environment(),
                    outputIn: rig.scratch,
                    limit: .seconds(70)
                )
                #expect(background.status == 0, "\(background)")
                // armmond returned only once its socket answers: armstat succeeds at once, no retry needed.
                // The daemon (not our child) is killed by the rig's clean-up through its ARM_ROOT.
                let status = try await rig.run("armstat", "cluster")
                let logs = Files.read(rig.logPath("armsvr.log")) + Files.read(rig.logPath("events.log"))
                #expect(status.status == 0, "\(status) \(logs)")
                #expect(try await rig.groupStatus()["state"] as? String == "started")
            }
        }

        @Test func scriptChildrenHoldNoDescriptorOfArmmondSoArmstatFailsFastAfterItsDeath() async throws {
            let scripts = [
                "web/start.sh": "sleep 1000 &\necho \"child $!\"\n",
                "web/stop.sh": "echo stop\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)
                let line = rig.scriptRecords("web/start.sh", kind: "OUT").first { $0.text.hasPrefix("child ") }
                let child = try #require(line.flatMap { Int32($0.text.dropFirst(6)) })
                let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/fd")) ?? []
                let inherited = descriptors.compactMap(Int.init).filter { $0 > 2 }.sorted().map { number in
                    "\(number) -> "
                        + ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child)/fd/\(number)"))
                            ?? "?")
                }
                #expect(!descriptors.isEmpty, "the background child \(child) runs")
                await rig.stopMonitor(signal: SIGKILL)
                do {
                    #expect(inherited.isEmpty, "descriptors of start.sh's background child: \(inherited)")
                    // It answers (exit 3) instead of waiting on a socket a script child keeps open; how fast is
                    // a benchmark's question (scripts/bench/command-latency, "armmond down").
                    let status = try await rig.run("armstat", limit: .seconds(20))
                    #expect(status.status == 3, "\(status)")
                }
            }
        }

        @Test func armstatShowsServerGroupAndResourceFromTheRunningMonitor() async throws {
            try await withMonitor { rig in
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)
                let result = try await rig.run("armstat")
                #expect(result.status == 0, "\(result)")
                #expect(result.stderr.isEmpty)
                let rows = result.stdoutLines.map { $0.split(separator: " ").map(String.init) }
                #expect(rows.first?.starts(with: ["Cluster", "demo", "state", "normal"]) == true, "\(result.stdout)")
                #expect(rows.contains { $0.starts(with: ["*", "node1", "normal"]) }, "\(result.stdout)")
                #expect(rows.contains { $0.starts(with: ["web", "started", "node1"]) }, "\(result.stdout)")
                #expect(rows.contains { $0 == ["script", "web", "exec", "started"] }, "\(result.stdout)")
            }
        }

        @Test func armstatWithoutArmmondExits3AndShowsTheLastStateFromTheDatabase() async throws {
            // A fresh root: no monitor, no database.
            try await withMonitor(startingMonitor: false) { rig in
                let result = try await rig.run("armstat", limit: .seconds(20))
                #expect(result.status == 3, "\(result)")
                // The seed-style line, then the plain one of commands.md 1.4.
                #expect(result.stderrLines.count == 2 && result.stderr.hasPrefix("armstat: "), "\(result)")
                #expect(result.stderrLines.last?.hasPrefix("armstat: armmond is not running here") == true, "\(result)")
            }
            // A monitor that ran the group and was killed: the database still has it.
            try await withMonitor { rig in
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)
                await rig.stopMonitor(signal: SIGKILL)

                let result = try await rig.run("armstat", limit: .seconds(20))
                #expect(result.status == 3, "\(result)")
                // The seed-style line, then the plain one of commands.md 1.4.
                #expect(result.stderrLines.count == 2 && result.stderr.hasPrefix("armstat: "), "\(result)")
                #expect(result.stderrLines.last?.hasPrefix("armstat: armmond is not running here") == true, "\(result)")
                let header = "# armmond unreachable; last state from "
                let first = result.stdoutLines.first ?? ""
                #expect(first.hasPrefix(header), "\(result.stdout)")
                #expect(isLogTimestamp(String(first.dropFirst(header.count))), "\(first)")
                let rows = result.stdoutLines.map { $0.split(separator: " ").map(String.init) }
                #expect(rows.contains { $0.starts(with: ["Cluster", "demo", "state", "stopped"]) }, "\(result.stdout)")
                #expect(rows.contains { $0.starts(with: ["web", "started", "node1"]) }, "\(result.stdout)")

                let json = try await rig.run("armstat", "--json")
                #expect(json.status == 3)
                let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
                #expect(document?["source"] as? String == "database", "\(json.stdout)")
                let groups = document?["groups"] as? [[String: Any]] ?? []
                #expect(groups.contains { $0["name"] as? String == "web" && $0["state"] as? String == "started" })
            }
        }
    }
}
