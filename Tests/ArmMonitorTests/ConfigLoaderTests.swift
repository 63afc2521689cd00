import ArmConfig
import ArmCore
import ArmMonitor
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct ConfigLoaderTests {
    @Test func specExampleValidatesWithOnlyTheHeartbeatInformation() throws {
        let result = ConfigFixtures.load("example-3-servers.toml")
        #expect(
            result.findings.map { $0.render() } == [
                #"example-3-servers.toml:8:1: warning: heartbeat timeout 3000 ms (1000 ms x 3) is below the minimum 30000 ms for partition method "majority""#
            ]
        )
        let config = try #require(result.config)
        #expect(config.cluster.name == "prod_a")
        #expect(config.servers.map(\.name) == ["s1", "s2", "s3"])
        #expect(config.groups.map(\.name) == ["web", "db"])
        #expect(config.groups[1].resources.map(\.name) == ["db-data", "db-ip", "db-dumps", "db-tune"])
        #expect(config.groups[1].environment == [EnvironmentVariable(name: "PGDATA", value: "/srv/db/pgdata")])
        #expect(config.monitors.map(\.action) == [.failover, .failover, .failover, MonitorConfig.Action.none])
        #expect(config.services.map(\.name) == ["postgresql"])
        #expect(config.log.files[.armsvr] == LogFileSettings(sizeMiB: 64, count: 8))
        #expect(config.partition.tieBreaker == ["192.168.10.1"])
        let definitions = config.groupDefinitions(scriptsRoot: "/etc/armcluster/scripts")
        #expect(
            definitions[1].resources.last?.kind
                == .exec(
                    start: "/etc/armcluster/scripts/db/tune-start.sh",
                    stop: "/etc/armcluster/scripts/db/tune-stop.sh",
                    startTimeout: .seconds(1800),
                    stopTimeout: .seconds(1800),
                    environment: [:]
                )
        )
    }

    @Test func minimalSingleServerFileIsAccepted() throws {
        let result = ConfigFixtures.load("single-server.toml")
        #expect(result.findings.isEmpty)
        let config = try #require(result.config)
        #expect(config.isSingleServer)
        #expect(config.localServer(named: "node1")?.interconnect == [])
    }

    @Test func malformedTOMLReportsTheParsersMessageAndPosition() {
        let result = ConfigFixtures.load("malformed.toml")
        #expect(
            result.findings.map { $0.render() } == [
                "malformed.toml:2:8: unterminated string"
            ]
        )
        #expect(result.config == nil && result.hash == nil)
    }

    @Test func duplicateKeyUsesTheSpecMessage() {
        #expect(ConfigFixtures.rendered("duplicate-key.toml") == [#"duplicate-key.toml:4:1: duplicate key "name""#])
    }

    @Test func unknownKeysAreReportedWithSuggestions() {
        #expect(
            ConfigFixtures.rendered("unknown-key.toml") == [
                #"unknown-key.toml:5:1: unknown key "heartbeat_intervl_ms" in [cluster.timing]; did you mean "heartbeat_interval_ms"?"#,
                #"unknown-key.toml:14:1: unknown key "adress" in [[server]]"#,
            ]
        )
    }

    @Test func missingKeysPointAtTheirTableHeaders() {
        #expect(
            ConfigFixtures.rendered("missing-keys.toml") == [
                #"missing-keys.toml:1:1: missing required key "name" in [cluster]"#,
                #"missing-keys.toml:7:1: missing required key "id" in [[server]]"#,
                #"missing-keys.toml:11:1: missing required key "servers" in [[group]]"#,
                #"missing-keys.toml:14:3: missing required key "address" in [[group.resource]]"#,
            ]
        )
    }

    @Test func datesAndFloatsAreTypeErrors() {
        let text = """
            [cluster]
            name = 1979-05-27
            [cluster.partition]
            method = "none"
            [[server]]
            name = "n1"
            id = 1.5
            public = "10.0.0.1/8"
            """
        #expect(
            ConfigLoader.load(text: text, displayPath: "c.toml").findings.map { $0.render() } == [
                #"c.toml:2:1: "name" must be string, not datetime"#,
                #"c.toml:7:1: "id" must be integer, not float"#,
            ]
        )
    }

    @Test func unreadableFileIsAWholeFileFinding() {
        let result = ConfigLoader.load(path: ConfigFixtures.path("no-such-file.toml"), displayPath: "cluster.toml")
        #expect(
            result.findings.map { $0.render() } == ["cluster.toml:1:1: cannot read the file: No such file or directory"]
        )
    }

    @Test func invalidUTF8PointsAtTheFirstBadByte() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bad.toml"
        try Data([0x5B, 0x61, 0x5D, 0x0A, 0x78, 0x3D, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = ConfigLoader.load(path: path, displayPath: "bad.toml")
        #expect(result.findings.map { $0.render() } == ["bad.toml:2:3: the file is not valid UTF-8"])
    }

    @Test func defaultPathMovesUnderArmRoot() {
        #expect(ConfigLoader.defaultPath(armRoot: "") == "/etc/armcluster/cluster.toml")
        #expect(ConfigLoader.defaultPath(armRoot: "/tmp/n1") == "/tmp/n1/etc/armcluster/cluster.toml")
    }
}

/// A directory under /tmp removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "armcfg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ text: String, to relative: String, mode: Int) throws {
        let full = path + "/" + relative
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }
}
