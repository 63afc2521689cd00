import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// Errors in plain words and the daemon's stop (issue 8; commands.md 1.2, 1.4, 2.29, 2.32), on the real
    /// binaries.
    @Suite struct PlainErrors {
        @Test func anUnreachableMonitorSaysSoInPlainWordsAndLogsTheConfiguredServer() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                // armmond makes the log directory; without it the command skips its line silently.
                try FileManager.default.createDirectory(
                    atPath: rig.logPath(""),
                    withIntermediateDirectories: true
                )
                let result = try await rig.run("armgstrt", "web")
                #expect(result.status == 3, "\(result)")
                #expect(result.stderrLines.count == 2, "\(result)")
                #expect(result.stderrLines.first?.hasPrefix("armgstrt: ARMGSTRT failed in internal processing") == true)
                let socket = rig.path + "/run/armcluster/armmond.sock"
                #expect(
                    result.stderrLines.last
                        == "armgstrt: armmond is not running here (no socket at \(socket)); start it with 'armmond' or 'systemctl start armmond'",
                    "\(result)"
                )
                // The rig's cluster.toml has one server, node1; the environment has no ARM_SERVER.
                let record = try #require(rig.armLogRecords().last)
                #expect(record.server == "node1", "\(record.fields)")
                #expect(record.id == "ARMGSTRT-03", "\(record.fields)")
            }
        }

        @Test func anUnknownSlashOptionIsReportedAsOneWithTheHelpHint() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                let result = try await rig.run("armgstrt", "/X", "web")
                #expect(result.status == 2, "\(result)")
                #expect(result.stderrLines.count == 2, "\(result)")
                #expect(result.stderrLines.first?.hasSuffix("(unknown option /X)") == true, "\(result)")
                #expect(result.stderrLines.last == "Try 'armgstrt --help'.", "\(result)")
                #expect(!result.stderr.contains("invalid group"), "not an invalid group name: \(result)")
            }
        }

        @Test func slashJSONWorksLikeDashDashJSON() async throws {
            try await withMonitor { rig in
                for spelling in ["/JSON", "-JSON", "--json", "/json"] {
                    let result = try await rig.run("armstat", spelling, "group", "web")
                    #expect(result.status == 0, "\(spelling): \(result)")
                    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                    #expect(document?["armstat"] as? Int == 1, "\(spelling): \(result.stdout)")
                    #expect(result.stdoutLines.count == 1)
                }
                let refused = try await rig.run("armgstrt", "/JSON", "web")
                #expect(refused.status == 2, "\(refused)")
                #expect(refused.stderrLines.first?.contains("--json is not supported here") == true, "\(refused)")
            }
        }

        @Test func armstatNamesWhatItDoesNotKnowAndShowsAnEmptyWatchList() async throws {
            try await withMonitor { rig in
                let cases = [
                    (["group", "nosuch"], "armstat: no such group nosuch"),
                    (["server", "node9"], "armstat: no such server node9"),
                    (["armload", "NOPE"], "armstat: no such WID NOPE"),
                ]
                for (arguments, line) in cases {
                    let result = try await rig.run("armstat", arguments)
                    #expect(result.status == 5, "\(arguments): \(result)")
                    #expect(result.stderrLines == [line], "\(arguments): \(result)")
                }
                let watches = try await rig.run("armstat", "armload")
                #expect(watches.status == 0, "\(watches)")
                let words = watches.stdoutLines.map { $0.split(separator: " ").map(String.init) }
                #expect(
                    words.first == ["WID", "GROUP", "KIND", "PID/UNIT", "START", "MONITOR", "RESTARTS"],
                    "\(watches)"
                )
                #expect(watches.stdoutLines.last == "  (no watches)", "\(watches)")
            }
        }

        @Test func armmondStopEndsTheDaemonOfThisRootAndSaysWhenNoneRuns() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                let none = try await rig.run("armmond", "/STOP", "5")
                #expect(none.status == 3, "\(none)")
                #expect(none.stderr.hasPrefix("armmond: not running here"), "\(none)")

                // In the background, as `armmond` alone starts it.
                let started = try await rig.run("armmond")
                #expect(started.status == 0, "\(started)")
                #expect(try await rig.run("armstat", "cluster").status == 0)
                let pid = try #require(Int32(Files.read(rig.path + "/run/armcluster/armmond.pid").filter(\.isNumber)))

                let stopped = try await rig.run("armmond", "/STOP", "30")
                #expect(stopped.status == 0, "\(stopped)")
                #expect(Self.hasEnded(pid), "armmond (pid \(pid)) still runs")
                #expect(try await rig.run("armstat", "cluster").status == 3)
                // Its groups were stopped on the way out (factor SERVERSHUTDOWN).
                #expect(rig.scriptRecords("web/stop.sh", kind: "END").count == 1, "\(rig.scriptRecords())")

                #expect(try await rig.run("armmond", "/STOP").status == 3)
                let usage = try await rig.run("armmond", "30")
                #expect(usage.status == 2, "\(usage)")
                #expect(usage.stderrLines.last == "Try 'armmond --help'.", "\(usage)")
            }
        }

        /// Whether a process is gone or a zombie (the background armmond is nobody's child here).
        static func hasEnded(_ pid: Int32) -> Bool {
            let stat = Files.read("/proc/\(pid)/stat")
            guard let close = stat.lastIndex(of: ")") else { return true }
            return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        }

        @Test func armmondStopByAnotherUserIsRefusedAndLeavesArmmondRunning() async throws {
            try await withMonitor { rig in
                for directory in [rig.path, rig.path + "/.e2e", rig.bin] { chmod(directory, 0o755) }
                let result = try await ChildProcess.run(
                    "/usr/bin/setpriv",
                    ["--reuid=65534", "--regid=65534", "--clear-groups", rig.bin + "/armmond", "/STOP", "1"],
                    environment: rig.environment(["HOME": "/"]),
                    outputIn: rig.scratch
                )
                #expect(result.status == 7, "\(result)")
                #expect(result.stderr.hasPrefix("armmond: cannot stop it"), "\(result)")
                #expect(rig.monitor?.exitStatus == nil, "armmond still runs")
                #expect(try await rig.run("armstat", "cluster").status == 0)
            }
        }

        @Test func armmondStopEndsAForegroundArmmondToo() async throws {
            try await withMonitor { rig in
                let monitor = try #require(rig.monitor)
                let stopped = try await rig.run("armmond", "/STOP")
                #expect(stopped.status == 0, "\(stopped)")
                #expect(await monitor.wait(atMost: .seconds(30)) == 0)
            }
        }
    }
}
