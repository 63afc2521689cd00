import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// Many commands at once against one group (commands.md 2.6, 2.7; issue: concurrent armgstrt/armgstop).
    @Suite struct Concurrency {
        /// Scripts that take a little while and notice an overlapping run of any script of the group.
        static let slowScript = """
            if ! mkdir @MARKERS@/running 2>/dev/null; then echo overlap >> @MARKERS@/overlaps; fi
            sleep 0.2
            rmdir @MARKERS@/running
            echo done

            """

        @Test func fiftyConcurrentStartsAndStopsSettleWithoutOverlappingScripts() async throws {
            let scripts = ["web/start.sh": Self.slowScript, "web/stop.sh": Self.slowScript]
            try await withMonitor(scripts: scripts) { rig in
                let ready = try await rig.waitForGroup("started", seconds: 10)
                #expect(ready.status == 0, "\(ready)")

                // 50 commands launched at once: even ones start, odd ones stop.
                var children: [(command: String, child: ChildProcess)] = []
                for index in 0..<50 {
                    let command = index.isMultiple(of: 2) ? "armgstrt" : "armgstop"
                    children.append((command, try rig.launch(command, ["web"])))
                }
                var results: [(command: String, result: CommandResult)] = []
                for (command, child) in children { results.append((command, await child.result())) }
                for (command, result) in results {
                    #expect([0, 4].contains(result.status), "\(command): \(result)")
                    if result.status == 4 {
                        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("\(command): "), "\(result)")
                    }
                }
                #expect(results.contains { $0.result.status == 0 }, "some request was accepted")

                // Settle. A queued request is not visible, but it always points where the refusal rules
                // say: a `starting` group that gets a stop (accepted or refused) ends stopped, a
                // `stopping` one that gets a start ends started; `started`/`stopped` have nothing queued.
                let observed = try await rig.groupStatus()["state"] as? String ?? ""
                let target: String
                switch observed {
                case "started", "stopped":
                    target = observed
                case "starting":
                    let stop = try await rig.run("armgstop", "web")
                    #expect([0, 4].contains(stop.status), "\(stop)")
                    target = "stopped"
                default:
                    let start = try await rig.run("armgstrt", "web")
                    #expect([0, 4].contains(start.status), "\(start)")
                    target = "started"
                }
                let wait = try await rig.waitForGroup(target)
                #expect(wait.status == 0, "settling into \(target) after \(observed): \(wait)")

                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == target)
                #expect(group["failed"] as? Bool == false)
                #expect(try await rig.databaseGroupState() == "\(target)|0", "group_state agrees with armstat")

                // No two script runs of the group overlap: BEGIN and END alternate with the same RUN id,
                // and starts and stops alternate (auto-start first).
                let boundaries = rig.scriptRecords().filter { $0.kind == "BEGIN" || $0.kind == "END" }
                #expect(boundaries.count.isMultiple(of: 2))
                var expectedScript = "web/start.sh"
                for pair in stride(from: 0, to: boundaries.count - 1, by: 2) {
                    let begin = boundaries[pair]
                    let end = boundaries[pair + 1]
                    #expect(begin.kind == "BEGIN" && end.kind == "END", "\(begin.fields) then \(end.fields)")
                    #expect(begin.run == end.run && begin.script == end.script, "\(begin.fields) / \(end.fields)")
                    #expect(begin.script == expectedScript, "runs alternate: \(begin.fields)")
                    #expect(end.text.hasPrefix("exit=0 "), "\(end.fields)")
                    expectedScript = expectedScript == "web/start.sh" ? "web/stop.sh" : "web/start.sh"
                }
                #expect(!Files.exists(rig.markers + "/overlaps"), "a script saw another one running")

                // ARM.LOG: exactly one line per command, with its PID and SOURCE.
                let records = rig.armLogRecords()
                for (command, result) in results {
                    let lines = records.filter { $0.fields.count == 7 && $0.pid == String(result.pid) }
                    #expect(lines.count == 1, "\(command) pid \(result.pid): \(lines.map(\.fields))")
                    #expect(lines.first?.source == command.uppercased())
                    let expectedID = result.status == 0 ? "\(command.uppercased())-01" : nil
                    if let expectedID { #expect(lines.first?.id == expectedID) }
                }
            }
        }
    }
}
