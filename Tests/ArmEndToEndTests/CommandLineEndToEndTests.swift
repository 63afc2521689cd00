import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// What every command does with --help and bad options, through the links users run (commands.md
    /// 1.1, 1.2, 1.5, 1.7), and how armtool is linked (STYLE §1).
    @Suite struct Commands {
        /// commands.md 1.5: usage errors exit 2, except armcall (125) and plain armgetcd (255).
        static func usageStatus(of command: String) -> Int32 {
            switch command {
            case "armcall": 125
            case "armgetcd": 255
            default: 2
            }
        }

        @Test func everyCommandAnswersHelpAndRejectsAnUnknownOptionWithOneLine() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                let names = try await MonitorRig.linkNames()
                #expect(names.count >= 30, "\(names)")
                for program in ["armsh", "armmond", "armmgrd", "armstat", "armcfg", "armgstrt"] {
                    #expect(names.contains(program), "armtool --help lists \(program)")
                }
                for name in names {
                    let help = try await rig.run(name, "--help")
                    #expect(help.status == 0, "\(name) --help: \(help)")
                    #expect(help.stdout.hasPrefix("Usage: \(name)"), "\(name) --help: \(help.stdout.prefix(80))")
                    #expect(help.stderr.isEmpty, "\(name) --help: \(help.stderr)")

                    let bad = try await rig.run(name, "--no-such-option")
                    #expect(bad.status == Self.usageStatus(of: name), "\(name) --no-such-option: \(bad)")
                    // commands.md 1.2: the invalid-parameter line, then `Try 'CMD --help'.`
                    #expect(bad.stderrLines.count == 2, "\(name) --no-such-option: \(bad.stderr)")
                    #expect(bad.stderrLines.last == "Try '\(name) --help'.", "\(name): \(bad.stderr)")
                    #expect(bad.stderr.hasPrefix("\(name): "), "\(name) --no-such-option: \(bad.stderr)")
                }
            }
        }

        @Test func theCommandListMatchesTheManualPages() async throws {
            var repository = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { repository.deleteLastPathComponent() }
            var pages: Set<String> = []
            for section in ["man1", "man8"] {
                let directory = repository.appendingPathComponent("man/" + section).path
                for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
                    pages.insert((file as NSString).deletingPathExtension)
                }
            }
            pages.remove("armtool")
            #expect(Set(try await MonitorRig.linkNames()) == pages)
        }

        @Test func anUppercaseLinkDispatchesLikeTheLowercaseOne() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                try FileManager.default.createSymbolicLink(
                    atPath: rig.bin + "/ARMGSTRT",
                    withDestinationPath: E2E.armtool
                )
                let upper = try await rig.run("ARMGSTRT", "--help")
                let lower = try await rig.run("armgstrt", "--help")
                #expect(upper.status == 0)
                #expect(upper.stdout == lower.stdout && upper.stdout.hasPrefix("Usage: armgstrt"))

                let bad = try await rig.run("ARMGSTRT", "--no-such-option")
                #expect(bad.status == 2)
                #expect(bad.stderrLines.count == 2 && bad.stderr.hasPrefix("armgstrt: "), "\(bad.stderr)")

                let viaArmtool = try await rig.run("armtool", "armgstrt", "--help")
                #expect(viaArmtool.status == 0 && viaArmtool.stdout == lower.stdout)
            }
        }

        @Test func armLogLinesHaveSevenFieldsAndTheCommandsPIDWithOrWithoutArmmond() async throws {
            try await withMonitor(config: RigConfig.web(groupExtra: "auto_start = false")) { rig in
                let monitor = try #require(rig.monitor)
                let bad = try await rig.run("armgstrt", "-bad")
                #expect(bad.status == 2, "\(bad)")
                #expect(bad.stderrLines.count == 2 && bad.stderr.hasPrefix("armgstrt: "))
                let start = try await rig.run("armgstrt", "web")
                #expect(start.status == 0, "\(start)")
                #expect(try await rig.waitForGroup("started", seconds: 10).status == 0)

                let records = rig.armLogRecords()
                #expect(records.count >= 4)
                for record in records {
                    #expect(record.fields.count == 7, "\(record.fields)")
                    guard record.fields.count == 7 else { continue }
                    #expect(isLogTimestamp(record.timestamp), "\(record.fields)")
                    #expect(record.server == "node1")
                    #expect(["INFO", "WARN", "ERROR"].contains(record.severity), "\(record.fields)")
                    let idParts = record.id.split(separator: "-")
                    #expect(idParts.count == 2 && idParts[0] == record.source, "\(record.fields)")
                    #expect(idParts.last?.count == 2 && idParts.last?.allSatisfy(\.isNumber) == true)
                    #expect(Int32(record.pid) != nil, "\(record.fields)")
                    if record.source == "MONITOR" {
                        #expect(record.pid == String(monitor.pid), "MONITOR lines carry armmond's PID")
                    } else {
                        #expect(record.pid != String(monitor.pid), "command lines carry the command's PID")
                    }
                }
                let usageLine = records.first { $0.pid == String(bad.pid) }
                #expect(
                    usageLine?.fields.dropFirst(2).dropLast() == ["ARMGSTRT", String(bad.pid), "ERROR", "ARMGSTRT-02"]
                )
                #expect(usageLine?.text.hasPrefix("ARMGSTRT received an invalid parameter.") == true)
                let startLine = records.first { $0.pid == String(start.pid) }
                #expect(startLine?.id == "ARMGSTRT-01" && startLine?.severity == "INFO")
                #expect(startLine?.text == "ARMGSTRT succeeded. group-name=web server-name=node1")
                #expect(records.contains { $0.id == "MONITOR-01" && $0.text == "Monitor started." })

                // armmond down: the command appends its line itself, with its own PID and the local
                // server name (ARM_SERVER, else the configured server: the rig's only one; commands.md 1.3,
                // 1.7; issue 8).
                #expect(await rig.stopMonitor() == 0)
                let alone = try await rig.run("armgstrt", "-bad", environment: ["ARM_SERVER": "node1"])
                #expect(alone.status == 2, "\(alone)")
                let hostless = try await rig.run("armgstrt", "-bad", environment: ["ARM_SERVER": "elsewhere"])
                #expect(hostless.status == 2, "\(hostless)")
                let unnamed = try await rig.run("armgstrt", "-bad")
                #expect(unnamed.status == 2, "\(unnamed)")
                let after = rig.armLogRecords()
                let aloneLine = try #require(after.first { $0.pid == String(alone.pid) })
                #expect(aloneLine.fields.count == 7 && isLogTimestamp(aloneLine.timestamp))
                #expect(
                    Array(aloneLine.fields[1...5]) == ["node1", "ARMGSTRT", String(alone.pid), "ERROR", "ARMGSTRT-02"]
                )
                let hostlessLine = try #require(after.first { $0.pid == String(hostless.pid) })
                #expect(hostlessLine.server == "elsewhere")
                #expect(hostlessLine.id == "ARMGSTRT-02")
                let unnamedLine = try #require(after.first { $0.pid == String(unnamed.pid) })
                #expect(unnamedLine.server == "node1", "not the host name \(E2E.shortHostname())")
            }
        }

        @Test func armtoolLinksNeitherFoundationNorArgumentParser() async throws {
            let scratch = try TemporaryDirectory(prefix: "arm-e2e-ldd")
            defer { scratch.remove() }
            let ldd = try await ChildProcess.run(
                "/usr/bin/ldd",
                [E2E.armtool],
                environment: E2E.baseEnvironment(),
                outputIn: scratch.path
            )
            // armtool is linked fully static on Linux (Package.swift): no shared library at all, so none of
            // Foundation or readline; what it contains statically is checked below.
            #expect(ldd.status != 0 && (ldd.stdout + ldd.stderr).contains("not a dynamic executable"), "\(ldd)")

            let binary = try #require(FileManager.default.contents(atPath: E2E.armtool))
            #expect(binary.count > 0)
            #expect(binary.range(of: Data("ArgumentParser".utf8)) == nil, "armtool contains ArgumentParser symbols")
            #expect(binary.range(of: Data("FoundationEssentials".utf8)) == nil, "armtool contains Foundation symbols")
            #expect(binary.range(of: Data("rl_readline_version".utf8)) == nil, "armtool contains readline")
        }
    }
}
