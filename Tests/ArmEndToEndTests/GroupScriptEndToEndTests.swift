import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// Group start and stop through the real daemon: script environment, armscr.log, timeouts, failures
    /// (commands.md 1.6, 1.8, 2.6–2.8; config-and-files §1.7, §4.4).
    @Suite struct GroupScripts {
        /// Writes what the script saw: its environment, cwd and stdin.
        static let recordingScript = """
            {
              env
              echo "SEEN_CWD=$(pwd -P)"
              echo "SEEN_STDIN=$(readlink /proc/$$/fd/0)"
            } > "@MARKERS@/$(basename "$0" .sh).env"
            echo "$(basename "$0") says hello"
            echo "$(basename "$0") complains" >&2

            """

        @Test func startAndStopScriptsSeeTheDocumentedEnvironmentAndAreLogged() async throws {
            let scripts = ["web/start.sh": Self.recordingScript, "web/stop.sh": Self.recordingScript]
            try await withMonitor(config: RigConfig.web(groupExtra: "auto_start = false"), scripts: scripts) { rig in
                let before = try await rig.groupStatus()
                #expect(before["state"] as? String == "stopped")

                let start = try await rig.run("armgstrt", "web")
                #expect(start.status == 0, "\(start)")
                #expect(start.stderr.isEmpty)
                let started = try await rig.waitForGroup("started", seconds: 10)
                #expect(started.status == 0, "\(started)")

                let scriptDirectory = rig.path + "/etc/armcluster/scripts/web"
                let startEnvironment = rig.markerEnvironment("start.env")
                #expect(startEnvironment["ARMS_EVENT"] == "START")
                #expect(startEnvironment["CLP_EVENT"] == "START")
                #expect(startEnvironment["ARMS_GROUP"] == "web")
                #expect(startEnvironment["CLP_GROUPNAME"] == "web")
                #expect(startEnvironment["ARMS_SERVER"] == "HOME")
                #expect(startEnvironment["CLP_SERVER"] == "HOME")
                #expect(startEnvironment["ARMS_PRIORITY"] == "1")
                #expect(startEnvironment["CLP_PRIORITY"] == "1")
                #expect(startEnvironment["ARMS_FACTOR"] == nil)
                #expect(startEnvironment["ARM_ROOT"] == rig.path)
                #expect(startEnvironment["LANG"] == "C.UTF-8")
                #expect(startEnvironment["CLP_SCRIPT_PATH"] == scriptDirectory)
                #expect(startEnvironment["PATH"]?.hasPrefix(E2E.binDirectory + ":") == true)
                #expect(startEnvironment["SEEN_CWD"] == scriptDirectory)
                #expect(startEnvironment["SEEN_STDIN"] == "/dev/null")

                let stop = try await rig.run("armgstop", "web")
                #expect(stop.status == 0, "\(stop)")
                let stopped = try await rig.waitForGroup("stopped", seconds: 10)
                #expect(stopped.status == 0, "\(stopped)")

                let stopEnvironment = rig.markerEnvironment("stop.env")
                #expect(stopEnvironment["ARMS_FACTOR"] == "GROUPSTOP")
                #expect(stopEnvironment["CLP_FACTOR"] == "GROUPSTOP")
                // commands.md 1.6: the stop script of every stop that is not a failover has ARMS_EVENT=START.
                #expect(stopEnvironment["ARMS_EVENT"] == "START")
                #expect(stopEnvironment["ARMS_GROUP"] == "web")
                #expect(stopEnvironment["SEEN_CWD"] == scriptDirectory)
                #expect(stopEnvironment["SEEN_STDIN"] == "/dev/null")

                // armscr.log (config-and-files §4.4): 8 TAB fields, 29-character timestamps.
                let records = rig.scriptRecords()
                #expect(!records.isEmpty)
                for record in records {
                    #expect(record.fields.count == 8, "\(record.fields)")
                    guard record.fields.count == 8 else { continue }
                    #expect(isLogTimestamp(record.timestamp), "\(record.timestamp)")
                    #expect(record.server == "node1")
                    #expect(record.group == "web")
                    #expect(record.run.count == 8 && record.run.allSatisfy(\.isHexDigit), "\(record.run)")
                }
                try checkRun(of: "web/start.sh", in: records, factor: "-")
                try checkRun(of: "web/stop.sh", in: records, factor: "GROUPSTOP")
            }
        }

        /// One run of `script`: BEGIN, OUT, ERR, END with one RUN id and the §4.4 texts.
        func checkRun(of script: String, in records: [ScriptRecord], factor: String) throws {
            let run = records.filter { $0.fields.count == 8 && $0.script == script }
            let kinds = run.map(\.kind)
            #expect(kinds == ["BEGIN", "OUT", "ERR", "END"], "\(script): \(kinds)")
            #expect(Set(run.map(\.run)).count == 1, "\(script): one RUN id per run")
            #expect(run.allSatisfy { $0.event == "START" })
            let name = (script as NSString).lastPathComponent
            let begin = try #require(run.first { $0.kind == "BEGIN" })
            #expect(begin.beginPID != nil, "\(begin.text)")
            #expect(begin.text.hasSuffix(" timeout=1800s factor=\(factor)"), "\(begin.text)")
            #expect(run.first { $0.kind == "OUT" }?.text == "\(name) says hello")
            #expect(run.first { $0.kind == "ERR" }?.text == "\(name) complains")
            let end = try #require(run.first { $0.kind == "END" })
            #expect(end.text.hasPrefix("exit=0 duration="), "\(end.text)")
            #expect(end.text.hasSuffix("s"), "\(end.text)")
        }

        @Test func aStartScriptPastItsTimeoutIsKilledWithItsProcessGroupAndTheGroupFails() async throws {
            let scripts = [
                "web/start.sh": "sleep 1000 &\necho \"child $!\"\nsleep 100000\n",
                "web/stop.sh": "echo stopping\n",
            ]
            let config = RigConfig.web(groupExtra: "auto_start = false\nstart_timeout_s = 10")
            try await withMonitor(config: config, scripts: scripts) { rig in
                let start = try await rig.run("armgstrt", "web")
                #expect(start.status == 0, "\(start)")
                // The start runs into its 10 s timeout, then the clean-up stop leaves the group stopped.
                let stopped = try await rig.waitForGroup("stopped", seconds: 60)
                #expect(stopped.status == 0, "\(stopped)")

                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == "stopped")
                #expect(group["failed"] as? Bool == true)

                let end = try #require(rig.scriptRecords("web/start.sh", kind: "END").last)
                #expect(end.text.hasPrefix("timeout duration="), "\(end.text)")
                let begin = try #require(rig.scriptRecords("web/start.sh", kind: "BEGIN").last)
                let processGroup = try #require(begin.beginPID)
                let childLine = rig.scriptRecords("web/start.sh", kind: "OUT").first { $0.text.hasPrefix("child ") }
                let child = try #require(childLine.flatMap { Int32($0.text.dropFirst(6)) })
                #expect(!rig.scriptRecords("web/stop.sh", kind: "END").isEmpty, "the clean-up stop ran stop.sh")

                // Every process of the script's process group, the background child included, is gone.
                #expect(
                    try await E2E.processGroupGone(processGroup),
                    "process group \(processGroup) of start.sh still exists"
                )
                let childAlive = kill(child, 0) == 0 && isProcess(child, inGroup: processGroup)
                #expect(!childAlive, "background child \(child) survived")
            }
        }

        /// Whether `pid` still exists in process group `group` (guards against PID reuse).
        func isProcess(_ pid: Int32, inGroup group: Int32) -> Bool { getpgid(pid) == group }

        @Test func aFailingStartScriptLeavesTheGroupStoppedAndFailedAfterRunningStop() async throws {
            let scripts = [
                "web/start.sh": "echo giving up\nexit 3\n",
                "web/stop.sh": "touch @MARKERS@/stop.ran\necho cleaning up\n",
            ]
            try await withMonitor(config: RigConfig.web(groupExtra: "auto_start = false"), scripts: scripts) { rig in
                let start = try await rig.run("armgstrt", "web")
                #expect(start.status == 0, "armgstrt returns once the start is accepted: \(start)")
                let stopped = try await rig.waitForGroup("stopped")
                #expect(stopped.status == 0, "\(stopped)")

                let group = try await rig.groupStatus()
                #expect(group["state"] as? String == "stopped")
                #expect(group["failed"] as? Bool == true)
                let text = try await rig.run("armstat", "group", "web")
                #expect(text.stdoutLines.contains { $0.split(separator: " ").starts(with: ["web", "stopped/failed"]) })

                #expect(rig.scriptRecords("web/start.sh", kind: "END").last?.text.hasPrefix("exit=3 ") == true)
                #expect(Files.exists(rig.markers + "/stop.ran"), "stop.sh ran after the failed start")
                let stopEnd = try #require(rig.scriptRecords("web/stop.sh", kind: "END").last)
                #expect(stopEnd.text.hasPrefix("exit=0 "))

                let serverLog = Files.lines(rig.logPath("armsvr.log"))
                let failure = serverLog.first { $0.contains("\tRSC-005\t") }
                let fields = try #require(failure?.components(separatedBy: "\t"))
                #expect(fields.count == 6)
                #expect(
                    Array(fields.dropFirst()) == [
                        "node1", "RSC", "ERROR", "RSC-005", "Start processing of group web failed.",
                    ]
                )
            }
        }
    }
}
