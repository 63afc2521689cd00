import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// cluster.toml findings from `armcfg check` and `armmond` (commands.md 2.30, 2.32; config-and-files §2).
    @Suite struct Configuration {
        /// V2 (unknown key, indented, with a suggestion) and V6 (the missing key it was meant to be).
        static let misspelledKey = """
            [cluster]
            name = "demo"
            [cluster.partition]
            method = "none"
            [[server]]
            name = "node1"
            id = 1
            public = "192.0.2.10/24"
            [[group]]
            name = "web"
              servrs = ["node1"]

            """

        /// V1: a key without a value on line 3.
        static let syntaxError = """
            [cluster]
            name = "demo"
            shutdown_action =
            """

        @Test func armcfgCheckReportsFileLineColumnForUnknownKeysWithASuggestion() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                let file = rig.path + "/misspelled.toml"
                try Files.write(Self.misspelledKey, to: file)
                let result = try await rig.run("armcfg", "check", file)
                #expect(result.status == 10, "\(result)")
                #expect(result.stdout.isEmpty)
                #expect(
                    result.stderrLines == [
                        "\(file):9:1: missing required key \"servers\" in [[group]]",
                        "\(file):11:3: unknown key \"servrs\" in [[group]]; did you mean \"servers\"?",
                    ]
                )

                let json = try await rig.run("armcfg", "check", "--json", file)
                #expect(json.status == 10, "\(json)")
                #expect(json.stdoutLines.count == 1, "one JSON document on one line")
                let findings = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
                let unknown = try #require(
                    findings?.first { ($0["message"] as? String)?.hasPrefix("unknown key") == true }
                )
                #expect(unknown["file"] as? String == file)
                #expect(unknown["line"] as? Int == 11)
                #expect(unknown["column"] as? Int == 3)
                #expect(unknown["severity"] as? String == "error")
                #expect(
                    unknown["message"] as? String == "unknown key \"servrs\" in [[group]]; did you mean \"servers\"?"
                )
                #expect(findings?.count == 2)
            }
        }

        @Test func armcfgCheckReportsTheSyntaxErrorPosition() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                let file = rig.path + "/broken.toml"
                try Files.write(Self.syntaxError, to: file)
                let result = try await rig.run("armcfg", "check", file)
                #expect(result.status == 10, "\(result)")
                #expect(result.stderrLines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("\(file):3:18: "), "\(result.stderr)")

                let json = try await rig.run("armcfg", "check", "--json", file)
                #expect(json.status == 10)
                let findings = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
                #expect(findings?.count == 1)
                #expect(findings?.first?["line"] as? Int == 3)
                #expect(findings?.first?["severity"] as? String == "error")
            }
        }

        @Test func armmondRefusesAMalformedConfigurationWithExit10() async throws {
            try await withMonitor(config: Self.misspelledKey, startingMonitor: false) { rig in
                let configPath = rig.path + "/etc/armcluster/cluster.toml"
                let result = try await ChildProcess.run(
                    E2E.armmond,
                    ["/F"],
                    environment: rig.environment(),
                    outputIn: rig.scratch,
                    limit: .seconds(30)
                )
                #expect(result.status == 10, "\(result)")
                #expect(result.stderr.contains("\(configPath):11:3: unknown key \"servrs\""), "\(result.stderr)")
                #expect(!Files.exists(rig.path + "/run/armcluster/armmond.sock"))

                let check = try await rig.run("armcfg", "check")
                #expect(check.status == 10, "armcfg check defaults to ARM_ROOT's cluster.toml: \(check)")
                #expect(check.stderrLines.first?.hasPrefix(configPath + ":9:1: ") == true, "\(check.stderr)")
            }
        }

        @Test func aValidConfigurationChecksCleanAndShowsWithItsHash() async throws {
            try await withMonitor { rig in
                let check = try await rig.run("armcfg", "check")
                #expect(check.status == 0, "\(check)")
                #expect(check.stderr.isEmpty)
                let show = try await rig.run("armcfg", "show")
                #expect(show.status == 0, "\(show)")
                let first = show.stdoutLines.first ?? ""
                #expect(first.hasPrefix("# hash ") && first.count == 19, "\(first)")
                #expect(show.stdout.contains("[[group]]\nname = \"web\"\nservers = [\"node1\"]\n"))
            }
        }
    }
}
