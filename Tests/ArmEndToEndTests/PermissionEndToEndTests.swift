import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// Who may talk to armmond (commands.md 1.4; config-and-files §1.2 `socket_mode`, §3.1).
    @Suite struct Permissions {
        /// `setpriv` (util-linux) runs a command as nobody without armadm or any supplementary group.
        static let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]

        /// Runs a command of the rig as nobody.
        func runAsNobody(_ rig: MonitorRig, _ command: String, _ arguments: String...) async throws -> CommandResult {
            try await ChildProcess.run(
                "/usr/bin/setpriv",
                Self.asNobody + [rig.bin + "/" + command] + arguments,
                environment: rig.environment(["HOME": "/"]),
                outputIn: rig.scratch
            )
        }

        /// nobody must reach ARM_ROOT and the links: the temporary root is 0700 from mkdtemp.
        func openUp(_ rig: MonitorRig) {
            for directory in [rig.path, rig.path + "/.e2e", rig.bin] { chmod(directory, 0o755) }
        }

        @Test func withSocketMode0666OthersMayReadStatusButNotStartGroups() async throws {
            let config = RigConfig.web(clusterExtra: "socket_mode = \"0666\"", groupExtra: "auto_start = false")
            try await withMonitor(config: config) { rig in
                openUp(rig)
                var runDirectory = stat()
                #expect(stat(rig.path + "/run/armcluster", &runDirectory) == 0)
                #expect(runDirectory.st_mode & 0o777 == 0o755, "run/armcluster is searchable with socket_mode 0666")

                let status = try await runAsNobody(rig, "armstat")
                #expect(status.status == 0, "\(status)")
                #expect(status.stdout.contains("web"))

                let start = try await runAsNobody(rig, "armgstrt", "web")
                #expect(start.status == 7, "\(start)")
                #expect(start.stderrLines.count == 1 && start.stderr.hasPrefix("armgstrt: "), "\(start.stderr)")
                let stop = try await runAsNobody(rig, "armgstop", "web")
                #expect(stop.status == 7, "\(stop)")
                #expect(stop.stderrLines.count == 1 && stop.stderr.hasPrefix("armgstop: "), "\(stop.stderr)")
                #expect(try await rig.groupStatus()["state"] as? String == "stopped", "the refused start did nothing")
                // armmond logs the refusal with the command's PID (commands.md 1.4: internal step 003, 0xd).
                let denied = try #require(rig.armLogRecords().first { $0.pid == String(start.pid) })
                #expect(denied.source == "ARMGSTRT" && denied.severity == "ERROR" && denied.id.hasPrefix("ARMGSTRT-"))
                #expect(denied.text.hasPrefix("ARMGSTRT failed in internal processing ("), "\(denied.text)")
                #expect(denied.text.contains("003). The error code is 0xd."), "\(denied.text)")
                #expect(rig.scriptRecords().isEmpty)

                // root may: so the 7 above was the permission check, not the group's state.
                let asRoot = try await rig.run("armgstrt", "web")
                #expect(asRoot.status == 0, "\(asRoot)")
            }
        }

        @Test func withTheDefaultSocketModeOthersCannotEvenReadStatus() async throws {
            try await withMonitor { rig in
                openUp(rig)
                let status = try await runAsNobody(rig, "armstat")
                #expect(status.status == 7, "\(status)")
                #expect(status.stderrLines.count == 1 && status.stderr.hasPrefix("armstat: "), "\(status.stderr)")
            }
        }
    }
}
