import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// V25 where it matters (issue 8 item 5): `armcfg check` and armmond's start report bad scripts, and
    /// armmond never runs as root a script that others can write.
    @Suite struct ScriptHygiene {
        static let scripts = [
            "web/start.sh": "touch @MARKERS@/start.ran\n",
            "web/stop.sh": "touch @MARKERS@/stop.ran\n",
        ]

        @Test func armcfgCheckReportsANonExecutableStartScriptAndSummarisesAGoodFile() async throws {
            try await withMonitor(scripts: Self.scripts, startingMonitor: false) { rig in
                let config = rig.path + "/etc/armcluster/cluster.toml"
                let start = rig.path + "/etc/armcluster/scripts/web/start.sh"
                #expect(chmod(start, 0o644) == 0)
                let bad = try await rig.run("armcfg", "check")
                #expect(bad.status == 10, "\(bad)")
                #expect(bad.stdout.isEmpty, "\(bad)")
                #expect(bad.stderrLines == ["\(config):12:1: script \"\(start)\" is not executable"], "\(bad)")

                #expect(chmod(start, 0o755) == 0)
                let good = try await rig.run("armcfg", "check")
                #expect(good.status == 0, "\(good)")
                #expect(good.stderr.isEmpty, "\(good)")
                #expect(good.stdoutLines == ["\(config): OK, 1 server, 1 group"], "\(good)")
            }
        }

        @Test func aWorldWritableStartScriptIsRefusedWithAMessageAndTheGroupFails() async throws {
            let config = RigConfig.web(groupExtra: "auto_start = false")
            try await withMonitor(config: config, scripts: Self.scripts, startingMonitor: false) { rig in
                let start = rig.path + "/etc/armcluster/scripts/web/start.sh"
                #expect(chmod(start, 0o777) == 0)
                let monitor = try await rig.startMonitor()
                #expect(
                    monitor.stderr.contains("warning: script \"\(start)\" is writable by non-root"),
                    "armmond reports V25 at start: \(monitor.stderr)"
                )

                let request = try await rig.run("armgstrt", "web")
                #expect(request.status == 0, "\(request)")
                let stopped = try await rig.waitForGroup("stopped")
                #expect(stopped.status == 0, "\(stopped)")
                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == "stopped")
                #expect(group["failed"] as? Bool == true)

                #expect(!Files.exists(rig.markers + "/start.ran"), "the world-writable start.sh must not run")
                #expect(Files.exists(rig.markers + "/stop.ran"), "stop.sh (mode 0755) ran after the failed start")
                let end = try #require(rig.scriptRecords("web/start.sh", kind: "END").last)
                #expect(end.text.hasPrefix("exec-failed errno=1 (Operation not permitted) "), "\(end.text)")
                let refusal = Files.lines(rig.logPath("armsvr.log")).first { $0.contains("\tRSC-019\t") }
                let fields = try #require(refusal?.components(separatedBy: "\t"))
                #expect(
                    Array(fields.dropFirst()) == [
                        "node1", "RSC", "ERROR", "RSC-019",
                        "Script \(start) of group web is writable by non-root (owner uid 0, mode 0777); it was not run.",
                    ]
                )
            }
        }
    }
}
