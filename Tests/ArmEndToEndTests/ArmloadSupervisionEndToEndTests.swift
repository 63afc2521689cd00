import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// ARMLOAD supervision that the scenario tests prove only with fakes, here through the real armmond and
    /// armtool: `/H`, `/SCR`, `/WAIT` with sd_notify, armloadc pause/continue, events.log, and `/S` with a
    /// `[services]` entry (commands.md 2.1–2.3; config-and-files §1.10, §4.7).
    ///
    /// PID 1 is not systemd on the machines these tests run on, so `/S` with a systemd unit is proven only
    /// against the fake systemctl (ArmMonitorTests ArmloadSystemdTests); here `/S` of an unknown name must
    /// give ARMLOAD-21.
    @Suite struct ArmloadSupervision {
        typealias Watches = [String: [String: Any]]

        static func watches(_ rig: MonitorRig) async throws -> Watches { try await EndToEnd.Armload.watches(rig) }

        static func pid(_ entry: [String: Any]?) -> Int32? { EndToEnd.Armload.pid(entry) }

        /// The events.log records: TIMESTAMP, SERVER, SOURCE, ID, LEVEL, TEXT (config-and-files §4.7).
        static func events(_ rig: MonitorRig) -> [[String]] {
            Files.lines(rig.logPath("events.log")).map { $0.components(separatedBy: "\t") }
        }

        /// Kills the watch's program with SIGKILL and waits (bounded poll of armstat: the death is reported
        /// by armmond asynchronously) until `condition` holds.
        static func kill9(
            _ wid: String,
            in rig: MonitorRig,
            until condition: @escaping (Watches) -> Bool
        ) async throws -> Watches {
            let program = try #require(pid(try await watches(rig)[wid]), "\(wid) has no pid")
            #expect(kill(program, SIGKILL) == 0)
            // Until armmond has seen the death, the watch still shows the killed program running.
            let after = try await EndToEnd.Armload.eventually(rig, seconds: 30) { watches in
                let moved = pid(watches[wid]) != program || watches[wid]?["start_state"] as? String != "running"
                return moved && condition(watches)
            }
            #expect(condition(after), "\(wid) after kill -9 of \(program): \(after[wid] ?? [:])")
            return after
        }

        /// The watch is running again with a new program and `restarts` counted.
        static func runningAgain(_ wid: String, restarts: Int) -> (Watches) -> Bool {
            { watches in
                watches[wid]?["start_state"] as? String == "running" && pid(watches[wid]) != nil
                    && watches[wid]?["restarts"] as? Int == restarts
            }
        }

        @Test func slashHResetsTheRestartCountOnceItsWindowHasPassed() async throws {
            // /R 1 /H 1: one restart per hour. The window's start is kept in state.sqlite as wall time, so two
            // hours passing while armmond is down is two hours passing for the window: after the restart the
            // next failure must be restarted again instead of ending the watch (/ACT none).
            let scripts = [
                "web/start.sh":
                    "export PATH=@BIN@:$PATH\narmload HOURLY /R 1 /H 1 /ACT none /bin/sleep 1000 || exit 1\n",
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 20).status == 0)
                _ = try await Self.kill9("HOURLY", in: rig, until: Self.runningAgain("HOURLY", restarts: 1))

                await rig.stopMonitor(signal: SIGKILL)
                let database = rig.path + "/var/lib/armcluster/state.sqlite"
                let shift = try await ChildProcess.run(
                    "/usr/bin/sqlite3",
                    [
                        database,
                        "UPDATE armload SET window_start = window_start - 7200000 WHERE wid = 'HOURLY'; "
                            + "SELECT changes();",
                    ],
                    environment: E2E.baseEnvironment(),
                    outputIn: rig.scratch
                )
                #expect(shift.status == 0 && shift.stdout == "1\n", "\(shift)")
                try await rig.startMonitor()
                #expect(try await Self.watches(rig)["HOURLY"]?["restarts"] as? Int == 1)

                let after = try await Self.kill9("HOURLY", in: rig, until: Self.runningAgain("HOURLY", restarts: 1))
                #expect(after["HOURLY"]?["start_state"] as? String == "running")
                let restarted = rig.armLogRecords().filter { $0.id == "ARMLOAD-17" && $0.text.contains("WID=HOURLY") }
                #expect(restarted.count == 2, "\(restarted.map(\.text))")
            }
        }

        @Test func slashHWithoutAPassedWindowEndsTheWatchOnTheSecondFailure() async throws {
            // The control case of the test above: within the hour, /R 1 is spent and /ACT none ends the watch.
            let scripts = [
                "web/start.sh":
                    "export PATH=@BIN@:$PATH\narmload HOURLY /R 1 /H 1 /ACT none /bin/sleep 1000 || exit 1\n",
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 20).status == 0)
                _ = try await Self.kill9("HOURLY", in: rig, until: Self.runningAgain("HOURLY", restarts: 1))
                let after = try await Self.kill9("HOURLY", in: rig) { watches in
                    watches["HOURLY"]?["start_state"] as? String != "running"
                }
                #expect(after["HOURLY"]?["restarts"] as? Int == 1, "\(after["HOURLY"] ?? [:])")
                let actions = Self.events(rig).filter { $0.count == 6 && $0[3] == "14015" }.map { $0[5] }
                #expect(
                    actions == [
                        "Detected an error in the application (watch ID=HOURLY) of group web. (5)",
                        "Detected an error in the application (watch ID=HOURLY) of group web. (1)",
                    ],
                    "\(actions)"
                )
                #expect(try await rig.groupStatus()["state"] as? String == "started")
            }
        }

        @Test func slashSCRRestartsTheGroupsScriptsAndKeepsTheCount() async throws {
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                echo "start $ARMS_EVENT" >> @MARKERS@/runs
                armload APP /R 2 /SCR /bin/sleep 1000 || exit 1

                """,
                "web/stop.sh": "echo \"stop $ARMS_EVENT\" >> @MARKERS@/runs\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 20).status == 0)
                let after = try await Self.kill9("APP", in: rig, until: Self.runningAgain("APP", restarts: 1))
                #expect(after["APP"]?["start_state"] as? String == "running")
                // Action 4: stop.sh (factor GROUPRESTART), then start.sh again, which registered APP anew.
                let stops = rig.scriptRecords("web/stop.sh", kind: "BEGIN")
                #expect(stops.count == 1 && stops.first?.text.contains("factor=GROUPRESTART") == true, "\(stops)")
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 2)
                let runs = Files.lines(rig.markers + "/runs")
                #expect(runs.count == 3 && runs.first == "start START" && runs.last == "start START", "\(runs)")
                let ids = rig.armLogRecords().map(\.id)
                #expect(ids.contains("ARMLOAD-16") && !ids.contains("ARMLOAD-17"), "\(ids)")
                let failures = Self.events(rig).filter { $0.count == 6 && $0[3] == "14015" }.map { $0[5] }
                #expect(failures == ["Detected an error in the application (watch ID=APP) of group web. (4)"])
                // The watch runs again before start.sh has ended; the group is started once it has.
                #expect(try await rig.waitForGroup("started", seconds: 30).status == 0)
            }
        }

        @Test func slashWAITReturnsOnlyOnceTheProgramSendsReadyOverNotifySocket() async throws {
            // The program (python3, as a daemon using sd_notify would) reports that it waits on a FIFO, and
            // sends READY=1 to $NOTIFY_SOCKET only after the test writes to the FIFO; armload /WAIT 600 must
            // still be waiting until then (the group is starting), and return 0 right after.
            let program = """
                import os, signal, socket
                markers = os.environ["MARKERS"]
                open(markers + "/waiting", "w").close()
                with open(markers + "/gate") as gate:
                    gate.readline()
                address = os.environ["NOTIFY_SOCKET"]
                if address.startswith("@"):
                    address = "\\0" + address[1:]
                with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
                    notify.sendto(b"READY=1", address)
                signal.pause()
                """
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH MARKERS=@MARKERS@
                mkfifo @MARKERS@/gate
                armload READY /WAIT 600 /usr/bin/python3 -c '\(program)'
                echo "rc=$?" > @MARKERS@/armload
                armload EARLY /WAIT 600 /bin/sh -c 'exit 3'
                echo "rc=$?" > @MARKERS@/early

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                try await Self.waitForFile(rig.markers + "/waiting")
                #expect(!Files.exists(rig.markers + "/armload"), "armload returned before READY=1")
                #expect(try await rig.groupStatus()["state"] as? String == "starting")
                // O_RDWR never blocks on a FIFO; the line waits in it until the program reads it. The descriptor
                // stays open until armload has returned, so the program's open() always finds a writer.
                let gate = open(rig.markers + "/gate", O_RDWR)
                #expect(gate >= 0, "open gate: errno \(errno)")
                defer { close(gate) }
                #expect(write(gate, "go\n", 3) == 3)

                #expect(try await rig.waitForGroup("started", seconds: 60).status == 0)
                #expect(Files.read(rig.markers + "/armload") == "rc=0\n")
                let watch = try await Self.watches(rig)["READY"]
                #expect(watch?["start_state"] as? String == "running", "\(watch ?? [:])")
                // A program that ends before READY=1: the start failed, ARMLOAD-09, exit 1, the WID released.
                #expect(Files.read(rig.markers + "/early") == "rc=1\n")
                #expect(try await Self.watches(rig)["EARLY"] == nil)
                #expect(rig.armLogRecords().contains { $0.id == "ARMLOAD-09" && $0.text.contains("WID=EARLY") })
            }
        }

        @Test func armloadcPauseOnlyLogsAFailureAndContinueWatchesAgain() async throws {
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                armload KEPT /R 3 /bin/sleep 1000 || exit 1
                armload LEFT /R 3 /bin/sleep 1000 || exit 1

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 20).status == 0)
                for wid in ["KEPT", "LEFT"] {
                    let pause = try await rig.run("armloadc", wid, "/W", "pause")
                    #expect(pause.status == 0, "\(pause)")
                }
                #expect(try await Self.watches(rig)["KEPT"]?["monitor_state"] as? String == "paused")
                // continue on a monitoring watch and pause on a paused one are refused: ARMLOADC-03, exit 4.
                let resume = try await rig.run("armloadc", "KEPT", "/W", "continue")
                #expect(resume.status == 0, "\(resume)")
                #expect(try await Self.watches(rig)["KEPT"]?["monitor_state"] as? String == "monitoring")
                let again = try await rig.run("armloadc", "KEPT", "/W", "continue")
                #expect(again.status == 4 && again.stderr.contains("ARMLOADC is not in a state"), "\(again)")
                let twice = try await rig.run("armloadc", "LEFT", "/W", "pause")
                #expect(twice.status == 4, "\(twice)")

                // Paused: the death is logged and nothing else happens.
                let left = try await Self.kill9("LEFT", in: rig) { watches in
                    watches["LEFT"]?["start_state"] as? String != "running"
                }
                #expect(left["LEFT"]?["restarts"] as? Int == 0, "\(left["LEFT"] ?? [:])")
                // Watched again: restarted.
                _ = try await Self.kill9("KEPT", in: rig, until: Self.runningAgain("KEPT", restarts: 1))

                let lines = rig.armLogRecords()
                #expect(lines.contains { $0.id == "ARMLOAD-09" && $0.text.contains("WID=LEFT") })
                #expect(!lines.contains { $0.id == "ARMLOAD-17" && $0.text.contains("WID=LEFT") })
                #expect(lines.contains { $0.id == "ARMLOAD-17" && $0.text.contains("WID=KEPT") })
                let restarts = Self.events(rig).filter { $0.count == 6 && $0[3] == "14000" }
                #expect(restarts.map { $0[5] } == ["Restarted the application (watch ID=KEPT) of group web."])
                #expect(restarts.allSatisfy { isLogTimestamp($0[0]) && $0[1] == "node1" && $0[2] == "ARM" })
                #expect(restarts.allSatisfy { $0[4] == "INFO" }, "\(restarts)")
            }
        }

        @Test func slashSStartsAndRestartsAServicesEntryAndRefusesAnUnknownName() async throws {
            let config =
                RigConfig.web() + """

                    [services.sleeper]
                    start = ["/bin/sleep", "1000"]

                    """
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                armload SVC /S /R 1 sleeper || exit 1
                armload NOSUCH /S no-such-service-anywhere; echo "rc=$?" > @MARKERS@/unknown

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(config: config, scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 30).status == 0)
                // No systemd here (PID 1 is not systemd): the name is neither a [services] entry nor a unit.
                #expect(Files.read(rig.markers + "/unknown") == "rc=5\n")
                #expect(rig.armLogRecords().contains { $0.id == "ARMLOAD-21" && $0.text.contains("WID=NOSUCH") })

                let before = try await Self.watches(rig)["SVC"]
                #expect(before?["kind"] as? String != "program", "\(before ?? [:])")
                _ = try await Self.kill9("SVC", in: rig, until: Self.runningAgain("SVC", restarts: 1))
                #expect(rig.armLogRecords().contains { $0.id == "ARMLOAD-18" && $0.text.contains("WID=SVC") })
                let events = Self.events(rig).filter { $0.count == 6 }
                #expect(events.contains { $0[3] == "14016" && $0[5].hasSuffix("(watch ID=SVC) of group web. (5)") })
                #expect(events.contains { $0[3] == "14001" && $0[5].contains("(watch ID=SVC)") })
            }
        }

        /// Waits until a program has created `path` (bounded poll: no event crosses the process boundary).
        static func waitForFile(_ path: String) async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while !Files.exists(path) {
                guard ContinuousClock.now < deadline else { throw RigError("\(path) did not appear within 30 s") }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
