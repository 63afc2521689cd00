import ArmConfig
import ArmCore
import ArmMonitor
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct ConfigCheckTests {
    @Test func findingsGoToStderrAndAnErrorExitsTen() {
        let result = ConfigCheck.run(
            path: ConfigFixtures.path("unknown-key.toml"),
            displayPath: "unknown-key.toml",
            json: false,
            armRoot: "",
            files: .live
        )
        #expect(result.output == "")
        #expect(
            result.errors
                == #"""
                unknown-key.toml:5:1: unknown key "heartbeat_intervl_ms" in [cluster.timing]; did you mean "heartbeat_interval_ms"?
                unknown-key.toml:14:1: unknown key "adress" in [[server]]

                """#
        )
        #expect(result.status == 10)
    }

    @Test func jsonFindingsGoToStdout() {
        let result = ConfigCheck.run(
            path: ConfigFixtures.path("missing-keys.toml"),
            displayPath: "missing-keys.toml",
            json: true,
            armRoot: "",
            files: .live
        )
        #expect(result.errors == "")
        #expect(result.status == 10)
        #expect(
            result.output.hasPrefix(
                #"[{"file":"missing-keys.toml","line":1,"column":1,"severity":"error","message":"missing required key \"name\" in [cluster]"},"#
            )
        )
        #expect(result.output.hasSuffix("}]\n"))
    }

    @Test func warningsAloneExitZero() {
        let result = ConfigCheck.run(
            path: ConfigFixtures.path("example-3-servers.toml"),
            displayPath: "/etc/armcluster/cluster.toml",
            json: false,
            armRoot: "",
            files: .live
        )
        #expect(result.status == 0)
        #expect(result.errors.hasPrefix("/etc/armcluster/cluster.toml:8:1: warning: heartbeat timeout 3000 ms"))
    }

    @Test func validFilePrintsNothing() {
        let result = ConfigCheck.run(
            path: ConfigFixtures.path("single-server.toml"),
            displayPath: "single-server.toml",
            json: true,
            armRoot: "",
            files: .live
        )
        #expect(result.output == "[]\n" && result.errors == "" && result.status == 0)
    }

    @Test func keyFileIsCheckedOnTheLocalServer() throws {
        let root = try TemporaryDirectory()
        let keyPath = root.path + "/etc/armcluster/cluster.key"
        func check() -> (output: String, errors: String, status: Int32) {
            ConfigCheck.run(
                path: ConfigFixtures.path("single-server.toml"),
                displayPath: "c.toml",
                json: false,
                armRoot: root.path,
                localServer: "node1",
                files: .live
            )
        }
        #expect(check().errors == "c.toml:2:1: key file \"\(keyPath)\": does not exist\n")
        #expect(check().status == 10)
        try root.write(String(repeating: "0f", count: 32) + "\n", to: "etc/armcluster/cluster.key", mode: 0o644)
        #expect(check().errors == "c.toml:2:1: key file \"\(keyPath)\": has mode 0644, must be 0600\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath)
        #expect(check().errors == "" && check().status == 0)
    }

    @Test func scriptsOfTheLocalGroupsAreChecked() throws {
        let root = try TemporaryDirectory()
        try root.write(String(repeating: "0f", count: 32) + "\n", to: "etc/armcluster/cluster.key", mode: 0o600)
        let scripts = root.path + "/etc/armcluster/scripts/web/"
        func check() -> (output: String, errors: String, status: Int32) {
            ConfigCheck.run(
                path: ConfigFixtures.path("single-server.toml"),
                displayPath: "c.toml",
                json: false,
                armRoot: root.path,
                localServer: "node1",
                checkScripts: true,
                scriptOwner: getuid(),
                files: .live
            )
        }
        #expect(
            check().errors == """
                c.toml:13:1: script "\(scripts)start.sh" is missing
                c.toml:13:1: script "\(scripts)stop.sh" is missing
                c.toml:13:1: script "\(scripts)job-start.sh" is missing
                c.toml:13:1: script "\(scripts)job-stop.sh" is missing

                """
        )
        for name in ["start.sh", "stop.sh", "job-start.sh"] {
            try root.write("#!/bin/sh\n", to: "etc/armcluster/scripts/web/\(name)", mode: 0o750)
        }
        try root.write("#!/bin/sh\n", to: "etc/armcluster/scripts/web/job-stop.sh", mode: 0o777)
        #expect(check().errors == "c.toml:13:1: script \"\(scripts)job-stop.sh\" is writable by non-root\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: scripts + "job-stop.sh")
        #expect(check().status == 0 && check().errors == "")
    }
}
