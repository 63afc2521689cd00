import ArmCore
import Testing

@testable import ArmConfig

@Suite(.timeLimit(.minutes(2))) struct ClusterConfigTests {
    private func config(_ text: String) throws -> ClusterConfig {
        let validation = ConfigValidator.validate(text: text, file: "c.toml")
        #expect(!validation.hasErrors, "\(validation.findings.map { $0.render() })")
        return try #require(validation.config)
    }

    @Test func minimalSingleServerConfigGetsEveryDefault() throws {
        let config = try config(minimalConfig)
        #expect(config.isSingleServer)
        #expect(config.cluster.name == "solo")
        #expect(config.cluster.keyFile == "/etc/armcluster/cluster.key")
        #expect(config.cluster.shutdownAction == .poweroff)
        #expect(config.partition.method == PartitionSettings.Method.none)
        #expect(config.servers == [ServerConfig(name: "n1", id: 1, interconnect: [], publicAddress: "192.168.1.10/24")])
        #expect(config.localServer(named: "n1")?.id == 1)
        #expect(config.localServer(named: "n2") == nil)
        #expect(config.network == NetworkSettings())
        #expect(config.timing == TimingSettings(profile: .standard))
        #expect(config.heartbeatTimeoutMilliseconds == 3000)
        let group = try #require(config.groups.first)
        #expect(group.autoStart && group.failback == .manual && !group.exclusive)
        #expect(group.maxFailovers == 1)
        #expect(group.failoverWindowSeconds == 3600)
        #expect(group.startTimeoutSeconds == 1800 && group.stopTimeoutSeconds == 1800)
        #expect(config.log.files[.armsvr] == LogFileSettings(sizeMiB: 32, count: 8))
        #expect(config.manager.listen == ["127.0.0.1:20005"])
        #expect(config.armload.maxWatches == 256)
    }

    @Test(arguments: [
        ("standard", 1000, 3, false, 500, 1000),
        ("fast", 100, 5, false, 300, 200),
        ("seed", 3000, 10, true, 1000, 10000),
    ])
    func profilesGiveTheirDefaults(
        profile: String,
        interval: Int,
        count: Int,
        enforce: Bool,
        fenceDeadline: Int,
        lockIO: Int
    ) throws {
        let text = minimalConfig + "[cluster.timing]\nprofile = \"\(profile)\"\nstartup_sync_wait_min = 5\n"
        let config = ConfigValidator.validate(text: text, file: "c.toml").config
        #expect(config?.timing.heartbeatIntervalMilliseconds == interval)
        #expect(config?.timing.heartbeatTimeoutCount == count)
        #expect(config?.timing.enforceSeedMinimums == enforce)
        #expect(config?.partition.fenceDeadlineMilliseconds == fenceDeadline)
        #expect(config?.partition.lockIOTimeoutMilliseconds == lockIO)
    }

    @Test func explicitKeysOverrideTheProfile() throws {
        let text =
            minimalConfig.replacingFirst(
                "method = \"none\"",
                with: "method = \"none\"\nfence_deadline_ms = 700"
            ) + "[cluster.timing]\nprofile = \"fast\"\nheartbeat_interval_ms = 1000\nenforce_seed_minimums = true\n"
        let config = try config(text)
        #expect(config.timing.profile == .fast)
        #expect(config.timing.heartbeatIntervalMilliseconds == 1000)
        #expect(config.timing.heartbeatTimeoutCount == 5)
        #expect(config.timing.enforceSeedMinimums)
        #expect(config.partition.fenceDeadlineMilliseconds == 700)
        #expect(config.partition.lockIOTimeoutMilliseconds == 200)
    }

    @Test func monitorDefaultsDependOnGroupAndType() throws {
        let text =
            minimalConfig + """
                [[monitor]]
                name = "gw"
                type = "ip"
                group = "web"
                targets = ["192.168.1.1"]
                [[monitor]]
                name = "root-disk"
                type = "disk"
                path = "/var/tmp"

                """
        let monitors = try config(text).monitors
        #expect(monitors.map(\.when) == [.active, .always])
        #expect(monitors.map(\.action) == [.failover, MonitorConfig.Action.none])
        #expect(monitors.map(\.timeoutSeconds) == [20, 60])
    }

    @Test func groupDefinitionsResolveScriptPathsAndTimeouts() throws {
        let text =
            minimalConfig + """
                start_timeout_s = 0
                env = { APP = "1" }
                [[group.resource]]
                name = "job"
                type = "exec"
                start = "job-start.sh"
                stop = "${ARM_ROOT}/opt/job-stop.sh"
                stop_timeout_s = 30
                [[group.resource]]
                name = "ip"
                type = "fip"
                address = "192.168.1.50/24"
                on_deactivate_failure = "ignore"
                [[group.resource]]
                name = "data"
                type = "disk"
                device = "/dev/sdb1"
                mount = "/var/lib/armcluster/data"
                fs_type = "xfs"

                """
        let definitions = try config(text).groupDefinitions(
            scriptsRoot: "/rig/etc/armcluster/scripts/",
            armRoot: "/rig"
        )
        let web = try #require(definitions.first)
        #expect(web.name == "web" && web.servers == ["n1"])
        #expect(web.startTimeout == nil && web.stopTimeout == .seconds(1800))
        #expect(web.environment == ["APP": "1"])
        #expect(
            web.resources == [
                ResourceDefinition(
                    name: "job",
                    kind: .exec(
                        start: "/rig/etc/armcluster/scripts/web/job-start.sh",
                        stop: "/rig/opt/job-stop.sh",
                        startTimeout: nil,
                        stopTimeout: .seconds(30),
                        environment: [:]
                    )
                ),
                ResourceDefinition(
                    name: "ip",
                    kind: .fip(address: "192.168.1.50/24"),
                    shutdownOnDeactivateFailure: false
                ),
                ResourceDefinition(
                    name: "data",
                    kind: .disk(device: "/dev/sdb1", mount: "/rig/var/lib/armcluster/data")
                ),
            ]
        )
    }

    @Test func productPathsMoveUnderArmRoot() {
        #expect(
            ArmRootPath.resolve("/etc/armcluster/cluster.key", armRoot: "/tmp/n1")
                == "/tmp/n1/etc/armcluster/cluster.key"
        )
        #expect(ArmRootPath.resolve("/etc/armclusterx/k", armRoot: "/tmp/n1") == "/etc/armclusterx/k")
        #expect(ArmRootPath.resolve("${ARM_ROOT}/data", armRoot: "/tmp/n1/") == "/tmp/n1/data")
        #expect(ArmRootPath.resolve("/run/armcluster", armRoot: "/") == "/run/armcluster")
        #expect(ArmRootPath.resolve("/srv/db", armRoot: "/tmp/n1") == "/srv/db")
    }

    @Test func addressesParseBothFamilies() {
        #expect(IPAddress("fe80::1")?.description == "fe80::1")
        #expect(IPAddress("::ffff:10.0.0.1")?.bytes.suffix(4) == [10, 0, 0, 1])
        #expect(IPAddress("1:2:3:4:5:6:7:8:9") == nil)
        #expect(IPAddress("10.0.0.01") == nil)
        let network = try? CIDRAddress.parse("2001:db8::10/64").get()
        #expect(network?.contains(IPAddress("2001:db8::ffff") ?? IPAddress(bytes: [])) == true)
        #expect(network?.contains(IPAddress("2001:db9::1") ?? IPAddress(bytes: [])) == false)
        #expect((try? CIDRAddress.parse("10.1.2.255/24").get())?.isBroadcastAddress == true)
        #expect(HostPort.parse("[::1]:80") == .success(HostPort(host: "::1", port: 80)))
        #expect(HostPort.parse("localhost:0") == .failure(AddressSyntaxError("port must be 1..65535")))
    }

    @Test func spellingSuggestionsStayWithinTwoEdits() {
        #expect(Spelling.distance("kitten", "sitting") == 3)
        #expect(Spelling.suggestion(for: "intrcnect", among: ConfigKeys.server) == nil)
        #expect(Spelling.suggestion(for: "interconect", among: ConfigKeys.server) == "interconnect")
    }
}

@Suite(.timeLimit(.minutes(2))) struct LocalFileRulesTests {
    private let key = String(repeating: "ab", count: 32) + "\n"

    @Test func keyFileMustExistBePrivateAndHoldHexDigits() {
        #expect(LocalFileRules.keyFileProblem(status: nil, contents: nil) == "does not exist")
        let loose = LocalFileStatus(isRegular: true, mode: 0o644, owner: 0)
        #expect(LocalFileRules.keyFileProblem(status: loose, contents: key) == "has mode 0644, must be 0600")
        let tight = LocalFileStatus(isRegular: true, mode: 0o600, owner: 0)
        #expect(LocalFileRules.keyFileProblem(status: tight, contents: key) == nil)
        #expect(
            LocalFileRules.keyFileProblem(status: tight, contents: "abc\n")
                == "must hold one line of 64 to 128 hex digits"
        )
        #expect(LocalFileRules.keyFileProblem(status: tight, contents: String(repeating: "0", count: 130)) != nil)
    }

    @Test func scriptsMustBeExecutableRootOwnedAndNotWritableByOthers() {
        let good = LocalFileStatus(isRegular: true, mode: 0o750, owner: 0)
        #expect(LocalFileRules.scriptProblem(path: "/s/start.sh", status: good) == nil)
        #expect(LocalFileRules.scriptProblem(path: "/s/start.sh", status: nil) == #"script "/s/start.sh" is missing"#)
        let plain = LocalFileStatus(isRegular: true, mode: 0o640, owner: 0)
        #expect(LocalFileRules.scriptProblem(path: "/s/a", status: plain) == #"script "/s/a" is not executable"#)
        let groupWritable = LocalFileStatus(isRegular: true, mode: 0o770, owner: 0)
        #expect(
            LocalFileRules.scriptProblem(path: "/s/a", status: groupWritable)
                == #"script "/s/a" is writable by non-root"#
        )
        let userOwned = LocalFileStatus(isRegular: true, mode: 0o750, owner: 1000)
        #expect(
            LocalFileRules.scriptProblem(path: "/s/a", status: userOwned) == #"script "/s/a" is writable by non-root"#
        )
        #expect(LocalFileRules.scriptProblem(path: "/s/a", status: userOwned, requiredOwner: 1000) == nil)
    }
}

@Suite(.timeLimit(.minutes(2))) struct LocalFileStatusTests {
    @Test func onlyRootMayWriteAScriptArmmondRuns() {
        #expect(!LocalFileStatus(isRegular: true, mode: 0o755, owner: 0).isWritableByOthers())
        #expect(!LocalFileStatus(isRegular: true, mode: 0o4700, owner: 0).isWritableByOthers())
        #expect(LocalFileStatus(isRegular: true, mode: 0o775, owner: 0).isWritableByOthers())
        #expect(LocalFileStatus(isRegular: true, mode: 0o757, owner: 0).isWritableByOthers())
        #expect(LocalFileStatus(isRegular: true, mode: 0o700, owner: 1000).isWritableByOthers())
        #expect(!LocalFileStatus(isRegular: true, mode: 0o700, owner: 1000).isWritableByOthers(requiredOwner: 1000))
    }

    @Test func octalHasFourDigits() {
        #expect(LocalFileStatus.octal(0o644) == "0644")
        #expect(LocalFileStatus.octal(0o4755) == "4755")
    }
}
