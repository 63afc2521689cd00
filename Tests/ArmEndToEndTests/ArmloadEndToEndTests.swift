import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// ARMLOAD supervision through the real armmond and armtool (commands.md 2.1–2.3; issue 4).
    @Suite struct Armload {
        /// The `armload` entries of `armstat --json armload`, by WID.
        static func watches(_ rig: MonitorRig) async throws -> [String: [String: Any]] {
            let result = try await rig.run("armstat", "--json", "armload")
            #expect(result.status == 0, "\(result)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let list = document?["armload"] as? [[String: Any]] ?? []
            return Dictionary(
                uniqueKeysWithValues: list.compactMap { entry in
                    (entry["wid"] as? String).map { ($0, entry) }
                }
            )
        }

        /// Polls armstat (bounded) until `condition` holds for the watches; used only where the event is a
        /// process death the monitor reports asynchronously.
        static func eventually(
            _ rig: MonitorRig,
            seconds: Int = 15,
            _ condition: ([String: [String: Any]]) -> Bool
        ) async throws -> [String: [String: Any]] {
            let deadline = ContinuousClock.now + .seconds(seconds)
            var current = try await watches(rig)
            while !condition(current) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                current = try await watches(rig)
            }
            return current
        }

        static func groupGone(_ pgid: Int32) async throws -> Bool { try await E2E.processGroupGone(pgid) }

        static func pid(_ entry: [String: Any]?) -> Int32? { (entry?["pid"] as? NSNumber).map { $0.int32Value } }

        @Test func aCrashLoopSpendsItsRetriesThenFailsTheGroupOver() async throws {
            let scripts = [
                "web/start.sh":
                    "export PATH=@BIN@:$PATH\narmload CRASH /R 2 /bin/sh -c 'echo crashing; exit 7' || exit 1\n",
                "web/stop.sh": "echo stop\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                // Two restarts (100 and 200 ms of backoff), the third death exhausts /R 2: action 2, which on a
                // single server cannot move the group, so it is stopped (ARMLOAD-19, ARMLOAD-25).
                let stopped = try await rig.waitForGroup("stopped", seconds: 20)
                #expect(stopped.status == 0, "\(stopped)")
                let ids = rig.armLogRecords().map(\.id)
                #expect(ids.filter { $0 == "ARMLOAD-17" }.count == 2, "\(ids)")
                #expect(ids.filter { $0 == "ARMLOAD-09" }.count == 3, "\(ids)")
                #expect(ids.contains("ARMLOAD-19") && ids.contains("ARMLOAD-25"), "\(ids)")
                let runs = Files.lines(rig.logPath("armload/CRASH.log")).filter { $0.contains("\tBEGIN\t") }
                #expect(runs.count == 3)
                #expect(Files.lines(rig.logPath("armload/CRASH.log")).contains { $0.hasSuffix("\tOUT\tcrashing") })
                let stop = rig.scriptRecords("web/stop.sh", kind: "BEGIN")
                #expect(stop.last?.text.contains("factor=GROUPFAILOVER") == true, "\(stop)")
            }
        }

        @Test func syncReturnsTheProgramsStatusAndSignals() async throws {
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                armload PREP /W /bin/sh -c 'echo prepared; exit 3'; echo "rc=$?" > @MARKERS@/sync
                armload TERM /W /bin/sh -c 'kill -TERM $$'; echo "rc=$?" > @MARKERS@/signal
                armload GONE /W /no/such/program; echo "rc=$?" > @MARKERS@/missing
                armkill PREP; armkill TERM
                exit 0

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                let started = try await rig.waitForGroup("started", seconds: 20)
                #expect(started.status == 0, "\(started)")
                #expect(Files.read(rig.markers + "/sync") == "rc=3\n")
                #expect(Files.read(rig.markers + "/signal") == "rc=143\n")
                #expect(Files.read(rig.markers + "/missing") == "rc=127\n")
                let printed = rig.scriptRecords("web/start.sh", kind: "OUT").contains { $0.text == "prepared" }
                #expect(printed)
                let lines = rig.armLogRecords()
                let prepEnded = lines.contains {
                    $0.id == "ARMLOAD-09" && $0.text.contains("WID=PREP") && $0.text.hasSuffix("is 3.")
                }
                #expect(prepEnded)
                let goneFailed = lines.contains { $0.id == "ARMLOAD-11" && $0.text.contains("WID=GONE") }
                #expect(goneFailed)
                #expect(lines.filter { $0.id == "ARMKILL-01" }.count == 2)
            }
        }

        @Test func slashURunsTheProgramAsThatAccount() async throws {
            let config = RigConfig.web() + "\n[armload]\nusers = [\"nobody\"]\n"
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                cd /tmp
                armload ASNOBODY /U nobody /bin/sleep 1000 || exit 1
                armload STRANGER /U daemon /bin/sleep 1000; echo "rc=$?" > @MARKERS@/unlisted
                exit 0

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(config: config, scripts: scripts) { rig in
                let started = try await rig.waitForGroup("started", seconds: 20)
                #expect(started.status == 0, "\(started)")
                let pid = try #require(Self.pid(try await Self.watches(rig)["ASNOBODY"]))
                let status = Files.lines("/proc/\(pid)/status")
                let uids = status.first { $0.hasPrefix("Uid:") }?.split(separator: "\t").dropFirst().map(String.init)
                let gids = status.first { $0.hasPrefix("Gid:") }?.split(separator: "\t").dropFirst().map(String.init)
                #expect(uids == ["65534", "65534", "65534", "65534"], "\(status)")
                #expect(gids == ["65534", "65534", "65534", "65534"], "\(status)")
                let environment = (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)) ?? ""
                #expect(environment.split(separator: "\0").contains("USER=nobody"))
                // An account not listed in [armload] users: ARMLOAD-12, exit 5, nothing started.
                #expect(Files.read(rig.markers + "/unlisted") == "rc=5\n")
                #expect(try await Self.watches(rig)["STRANGER"] == nil)
            }
        }

        @Test func theTwoHundredFiftySeventhWatchIsRefused() async throws {
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                for i in $(seq 256); do armload W$i /bin/sleep 1000 || exit 1; done
                armload W257 /bin/sleep 1000; echo "rc=$?" > @MARKERS@/limit
                exit 0

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                #expect(try await rig.waitForGroup("started", seconds: 120).status == 0)
                #expect(Files.read(rig.markers + "/limit") == "rc=8\n")
                let watches = try await Self.watches(rig)
                #expect(watches.count == 256)
                #expect(watches["W257"] == nil)
                #expect(watches.values.allSatisfy { $0["start_state"] as? String == "running" })
                #expect(rig.armLogRecords().contains { $0.id == "ARMLOAD-04" && $0.text.contains("WID=W257") })
                // Stopping the group stops and releases every watch (commands.md 2.1 "Group stop cleanup").
                let pids = watches.values.compactMap { Self.pid($0) }
                #expect(try await rig.run("armgstop", "web").status == 0)
                #expect(try await rig.waitForGroup("stopped", seconds: 120).status == 0)
                #expect(try await Self.watches(rig).isEmpty)
                for pid in pids { #expect(try await Self.groupGone(pid), "program \(pid) survived the group stop") }
            }
        }

        @Test func armmondKilledAndRestartedReattachesWithoutDuplicates() async throws {
            let scripts = [
                "web/start.sh": """
                export PATH=@BIN@:$PATH
                armload KEEP /R 3 /bin/sleep 1000 || exit 1
                armload PLAIN /bin/sleep 1000 || exit 1
                exit 0

                """,
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                let started = try await rig.waitForGroup("started", seconds: 20)
                #expect(started.status == 0, "\(started)")
                let before = try await Self.watches(rig)
                let keep = try #require(Self.pid(before["KEEP"]))
                let plain = try #require(Self.pid(before["PLAIN"]))

                await rig.stopMonitor(signal: SIGKILL)
                _ = try await rig.startMonitor()
                let after = try await Self.watches(rig)
                #expect(Self.pid(after["KEEP"]) == keep && Self.pid(after["PLAIN"]) == plain)
                #expect(rig.scriptRecords("web/start.sh", kind: "BEGIN").count == 1, "start.sh ran again")
                #expect(kill(keep, 0) == 0 && kill(plain, 0) == 0)

                // The re-attached watch still works: kill -9 its program and it is restarted (/R 3).
                kill(keep, SIGKILL)
                let restarted = try await Self.eventually(rig) { watches in
                    let pid = Self.pid(watches["KEEP"])
                    return pid != nil && pid != keep && watches["KEEP"]?["start_state"] as? String == "running"
                }
                let newPid = try #require(Self.pid(restarted["KEEP"]))
                #expect(newPid != keep)
                #expect(restarted["KEEP"]?["restarts"] as? Int == 1)
                // Exactly one program per watch: no duplicate was started.
                let sleepers = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap(Int32.init)
                    .filter { pid in
                        let stat = Files.read("/proc/\(pid)/cmdline")
                        let environment = Files.read("/proc/\(pid)/environ")
                        return stat.hasPrefix("/bin/sleep\u{0}1000")
                            && environment.contains("ARM_ROOT=\(rig.path)\u{0}")
                    }
                #expect(Set(sleepers) == [newPid, plain], "\(sleepers)")
            }
        }

        @Test func armkillLeavesNoProcessOfTheProgramsGroupBehind() async throws {
            let scripts = [
                "web/start.sh":
                    "export PATH=@BIN@:$PATH\narmload TREE /bin/sh -c 'sleep 1000 & sleep 1000 & wait' || exit 1\n",
                "web/stop.sh": "exit 0\n",
            ]
            try await withMonitor(scripts: scripts) { rig in
                let started = try await rig.waitForGroup("started", seconds: 20)
                #expect(started.status == 0, "\(started)")
                let pid = try #require(Self.pid(try await Self.watches(rig)["TREE"]))
                #expect(kill(-pid, 0) == 0, "the program is its own process group")

                let stop = try await rig.run("armloadc", "TREE", "/W", "stop", "5")
                #expect(stop.status == 0, "\(stop)")
                #expect(try await Self.watches(rig)["TREE"]?["start_state"] as? String == "stopped")
                #expect(try await Self.groupGone(pid))
                let start = try await rig.run("armloadc", "TREE", "/W", "start")
                #expect(start.status == 0, "\(start)")
                let again = try #require(Self.pid(try await Self.watches(rig)["TREE"]))
                #expect(again != pid)

                let killed = try await rig.run("armkill", "TREE", "/WAIT", "5")
                #expect(killed.status == 0, "\(killed)")
                #expect(try await Self.groupGone(again), "a process of the program's group survived armkill")
                #expect(try await Self.watches(rig)["TREE"] == nil)
                let unknown = try await rig.run("armkill", "TREE")
                #expect(unknown.status == 5)
                #expect(unknown.stderr.hasPrefix("armkill: ARMKILL received an invalid WID (TREE)"))
            }
        }
    }
}
