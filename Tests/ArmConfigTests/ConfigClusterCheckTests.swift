import ArmCore
import Testing

@testable import ArmConfig

/// V9–V26: checks across sections.
@Suite(.timeLimit(.minutes(2))) struct ConfigClusterCheckTests {
    @Test func fixturesAreValid() {
        #expect(findings(minimalConfig).isEmpty)
        #expect(findings(threeServers).isEmpty)
        #expect(findings(twoServers).isEmpty)
    }

    // MARK: V9 duplicates

    @Test func serverNamesAreUniqueIgnoringCase() {
        let text = threeServers.replacingFirst("name = \"n2\"", with: "name = \"N1\"")
        #expect(findings(text) == [#"c.toml:14:8: duplicate server "N1" (first defined at 8:8)"#])
    }

    @Test func serverIDsAreUnique() {
        let text = threeServers.replacingFirst("id = 2", with: "id = 1")
        #expect(findings(text) == [#"c.toml:15:6: duplicate server id "1" (first defined at 9:6)"#])
    }

    @Test func resourceNamesAreUniqueAcrossGroups() {
        let text =
            threeServers + """
                [[group]]
                name = "a"
                servers = ["n1"]
                [[group.resource]]
                name = "job"
                type = "exec"
                start = "s.sh"
                stop = "t.sh"
                [[group]]
                name = "b"
                servers = ["n2"]
                [[group.resource]]
                name = "JOB"
                type = "exec"
                start = "s.sh"
                stop = "t.sh"

                """
        #expect(findings(text) == [#"c.toml:37:8: duplicate resource "JOB" (first defined at 29:8)"#])
    }

    @Test func serverListedTwiceInAGroupIsADuplicate() {
        let text = threeServers + "[[group]]\nname = \"web\"\nservers = [\"n1\", \"n1\"]\n"
        #expect(findings(text) == [#"c.toml:27:18: duplicate server "n1" (first defined at 27:12)"#])
    }

    // MARK: V10 references

    @Test func undefinedServerInAGroupPointsAtTheValue() {
        let text = threeServers + "[[group]]\nname = \"web\"\nservers = [\"n1\", \"n9\"]\n"
        #expect(findings(text) == [#"c.toml:27:18: server "n9" referenced here is not defined"#])
    }

    @Test func monitorOfAnUndefinedGroup() {
        let text =
            threeServers + """
                [[monitor]]
                name = "gw"
                type = "ip"
                group = "nope"
                targets = ["10.1.0.254"]

                """
        #expect(findings(text) == [#"c.toml:28:9: group "nope" referenced here is not defined"#])
    }

    @Test func mirrorMonitorMustNameAMirrorResource() {
        let text =
            threeServers + """
                [[group]]
                name = "web"
                servers = ["n1", "n2"]
                [[group.resource]]
                name = "web-ip"
                type = "fip"
                address = "10.1.0.100/24"
                [[monitor]]
                name = "m"
                type = "mirror"
                group = "web"
                resource = "web-ip"

                """
        #expect(findings(text) == [#"c.toml:36:12: resource "web-ip" referenced here is not a mirror"#])
    }

    @Test func managerEnabledOnReferencesServers() {
        let text = threeServers + "[manager]\nenabled_on = [\"n1\", \"s7\"]\n"
        #expect(findings(text) == [#"c.toml:26:21: server "s7" referenced here is not defined"#])
    }

    // MARK: V11 mirrors

    @Test func mirrorPeersMustCoverTheGroupAndHaveMirrorAddresses() {
        let text =
            threeServers + """
                [[group]]
                name = "db"
                servers = ["n1", "n2", "n3"]

                [[group.resource]]
                name = "data"
                type = "mirror"
                file = "/var/lib/armcluster/data.img"
                size_mib = 64
                mount = "/srv/db"
                fs_type = "ext4"
                peers = ["n1", "n2"]
                initial_source = "n3"
                port = 20010

                """
        #expect(
            findings(text) == [
                #"c.toml:5:1: warning: partition method "none" does not protect disk or mirror resources against a partition"#,
                #"c.toml:36:9: mirror "data" needs exactly 2 peers with mirror addresses that include every server of group "db""#,
                #"c.toml:37:1: "initial_source" = "n3" is not one of: n1, n2"#,
            ]
        )
    }

    @Test func mirrorNeedsExactlyOneOfDeviceAndFile() {
        let text =
            minimalConfig + """
                [[group.resource]]
                name = "data"
                type = "mirror"
                mount = "/srv/db"
                fs_type = "ext4"
                peers = ["n1", "n2"]
                initial_source = "n1"
                port = 20010

                """
        #expect(findings(text).first == #"c.toml:16:1: mirror "data" needs exactly one of: device, file"#)
    }

    // MARK: V12 addresses

    @Test func addressWithoutPrefixOrWithABadPrefixIsInvalid() {
        let noPrefix = threeServers.replacingFirst("[\"10.0.0.1/24\"", with: "[\"10.0.0.1\"")
        #expect(findings(noPrefix) == [#"c.toml:10:17: invalid address "10.0.0.1": expected address/prefix"#])
        let badPrefix = threeServers.replacingFirst("public = \"10.1.0.2/24\"", with: "public = \"10.1.0.2/33\"")
        #expect(findings(badPrefix) == [#"c.toml:17:10: invalid address "10.1.0.2/33": prefix length must be 0..32"#])
        let notAnAddress = threeServers.replacingFirst("public = \"10.1.0.2/24\"", with: "public = \"10.1.0.256/24\"")
        #expect(
            findings(notAnAddress) == [#"c.toml:17:10: invalid address "10.1.0.256/24": not an IPv4 or IPv6 address"#]
        )
    }

    @Test func listenAddressesNeedAPort() {
        let text = threeServers + "[manager]\nlisten = [\"0.0.0.0\", \"::1:20005\", \"[::1]:20005\"]\n"
        #expect(
            findings(text) == [
                #"c.toml:26:11: invalid address "0.0.0.0": expected host:port"#,
                #"c.toml:26:22: invalid address "::1:20005": write IPv6 addresses as [address]:port"#,
            ]
        )
    }

    @Test func floatingAddressMustNotBeAServerOrNetworkAddress() {
        let text =
            threeServers + """
                [[group]]
                name = "web"
                servers = ["n1", "n2"]
                [[group.resource]]
                name = "ip1"
                type = "fip"
                address = "10.1.0.1/24"
                [[group.resource]]
                name = "ip2"
                type = "fip"
                address = "10.1.0.0/24"

                """
        #expect(
            findings(text) == [
                #"c.toml:31:11: invalid address "10.1.0.1/24": used by server "n1""#,
                #"c.toml:35:11: invalid address "10.1.0.0/24": a network address"#,
            ]
        )
    }

    // MARK: V13–V16 interconnects

    @Test func everyServerNeedsTheSameNumberOfInterconnects() {
        let text = threeServers.replacingFirst(
            "interconnect = [\"10.0.0.2/24\", \"10.1.0.2/24\"]",
            with: "interconnect = [\"10.0.0.2/24\"]"
        )
        #expect(
            findings(text) == [
                #"c.toml:16:1: server "n2" has 1 interconnects; every server needs the same number, at least 2"#
            ]
        )
    }

    @Test func theIthInterconnectsShareOneNetwork() {
        let text = threeServers.replacingFirst("\"10.1.0.3/24\"]", with: "\"10.2.0.3/24\"]")
        #expect(
            findings(text) == [
                #"c.toml:22:32: interconnect 1 of server "n3" (10.2.0.3/24) is not in the network of server "n1" (10.1.0.1/24)"#
            ]
        )
    }

    @Test func oneAddressOnTwoServers() {
        let text = threeServers.replacingFirst(
            "interconnect = [\"10.0.0.2/24\", \"10.1.0.2/24\"]\npublic = \"10.1.0.2/24\"",
            with: "interconnect = [\"10.0.0.2/24\", \"10.1.0.1/24\"]\npublic = \"10.1.0.1/24\""
        )
        #expect(
            findings(text) == [
                #"c.toml:16:32: address 10.1.0.1/24 is used by servers "n1" and "n2""#,
                #"c.toml:17:10: address 10.1.0.1/24 is used by servers "n1" and "n2""#,
            ]
        )
    }

    @Test func twoAddressesOfOneServerInOneNetwork() {
        let text = threeServers.replacingFirst(
            "public = \"10.1.0.1/24\"\n",
            with: "public = \"10.1.0.1/24\"\nmirror = [\"10.1.0.11/24\"]\n"
        )
        #expect(
            findings(text) == [
                #"c.toml:12:11: address 10.1.0.11/24 of server "n1" is in the same network as 10.1.0.1/24"#
            ]
        )
    }

    @Test func publicLANMustNotBeThePrimaryInterconnect() {
        let text = threeServers.replacingFirst("public = \"10.1.0.1/24\"", with: "public = \"10.0.0.1/24\"")
        #expect(findings(text) == [#"c.toml:11:10: server "n1": the public LAN must not be the primary interconnect"#])
    }

    @Test func singleServerMayHaveNoInterconnectButAtMostFour() {
        let text = minimalConfig.replacingFirst(
            "id = 1\n",
            with:
                "id = 1\ninterconnect = [\"10.0.1.1/24\", \"10.0.2.1/24\", \"10.0.3.1/24\", \"10.0.4.1/24\", \"10.0.5.1/24\"]\n"
        )
        #expect(findings(text) == [#"c.toml:10:1: too many interconnects on server "n1" (5, at most 4)"#])
    }

    // MARK: V17 ports

    @Test func portsAreDistinct() {
        let text = threeServers + "[cluster.network]\ncontrol_port = 20003\n"
        #expect(findings(text) == ["c.toml:26:1: port 20003 is used twice (heartbeat_port and control_port)"])
    }

    // MARK: V18 counts

    @Test func aClusterNeedsAtLeastOneServer() {
        let text = "[cluster]\nname = \"x\"\n[cluster.partition]\nmethod = \"none\"\n"
        #expect(findings(text) == ["c.toml:1:1: a cluster needs 1 to 32 [[server]] entries"])
    }

    @Test func aClusterHasAtMost32Servers() {
        var text = "[cluster]\nname = \"x\"\n[cluster.partition]\nmethod = \"majority\"\n"
        for index in 1...33 {
            text += "[[server]]\nname = \"s\(index)\"\nid = \(min(index, 32))\n"
            text += "interconnect = [\"10.0.0.\(index)/24\", \"10.1.0.\(index)/24\"]\npublic = \"10.1.0.\(index)/24\"\n"
        }
        let reported = findings(text)
        #expect(reported.contains("c.toml:165:1: a cluster needs 1 to 32 [[server]] entries"))
        #expect(reported.contains(#"c.toml:167:6: duplicate server id "32" (first defined at 162:6)"#))
    }

    @Test func aServerTakesPartInAtMostEightMirrors() {
        var text = twoServers.replacingFirst(
            "public = \"10.1.0.1/24\"\n",
            with: "public = \"10.1.0.1/24\"\nmirror = [\"10.3.0.1/24\"]\n"
        ).replacingFirst(
            "public = \"10.1.0.2/24\"\n",
            with: "public = \"10.1.0.2/24\"\nmirror = [\"10.3.0.2/24\"]\n"
        )
        text += "[[group]]\nname = \"db\"\nservers = [\"n1\", \"n2\"]\n"
        for index in 1...9 {
            text += "[[group.resource]]\nname = \"m\(index)\"\ntype = \"mirror\"\ndevice = \"/dev/vg/m\(index)\"\n"
            text += "mount = \"/srv/m\(index)\"\nfs_type = \"xfs\"\npeers = [\"n1\", \"n2\"]\n"
            text += "initial_source = \"n1\"\nport = \(20010 + index)\n"
        }
        let reported = findings(text)
        #expect(reported.contains(#"c.toml:96:1: too many mirrors on server "n1" (9, at most 8)"#))
        #expect(reported.contains(#"c.toml:96:1: too many mirrors on server "n2" (9, at most 8)"#))
        #expect(reported.count == 3)
    }

    @Test func mirrorPeersAndInitialSourceAreServerReferences() {
        let text =
            threeServers + """
                [[group]]
                name = "db"
                servers = ["n1"]
                [[group.resource]]
                name = "data"
                type = "mirror"
                device = "/dev/vg/data"
                mount = "/srv/db"
                fs_type = "xfs"
                peers = ["n1", "x2"]
                initial_source = "x2"
                port = 20010

                """
        let reported = findings(text)
        #expect(reported.contains(#"c.toml:34:16: server "x2" referenced here is not defined"#))
        #expect(reported.contains(#"c.toml:35:18: server "x2" referenced here is not defined"#))
    }

    // MARK: V19 heartbeat minimums

    @Test func heartbeatBelowTheMethodMinimumIsAWarningUnlessSeedMinimumsAreEnforced() {
        let standard = threeServers(method: "majority")
        #expect(
            findings(standard) == [
                #"c.toml:5:1: warning: heartbeat timeout 3000 ms (1000 ms x 3) is below the minimum 30000 ms for partition method "majority""#
            ]
        )
        let seed =
            threeServers(method: "majority") + "[cluster.timing]\nprofile = \"seed\"\nheartbeat_interval_ms = 1000\n"
        #expect(
            findings(seed) == [
                #"c.toml:27:1: heartbeat timeout 10000 ms (1000 ms x 10) is below the minimum 30000 ms for partition method "majority""#
            ]
        )
        let seedDefaults = threeServers(method: "majority") + "[cluster.timing]\nprofile = \"seed\"\n"
        #expect(findings(seedDefaults).isEmpty)
    }

    @Test func fastProfileWithMethodNoneWarnsBelowThreeSeconds() {
        let text = minimalConfig + "[cluster.timing]\nprofile = \"fast\"\n"
        #expect(
            findings(text) == [
                #"c.toml:17:1: warning: heartbeat timeout 500 ms (100 ms x 5) is below the minimum 3000 ms for partition method "none""#
            ]
        )
    }

    // MARK: V20 partition requirements

    @Test func singleServerClusterNeedsMethodNone() {
        let text = minimalConfig.replacingFirst("method = \"none\"", with: "method = \"ping\"")
        #expect(findings(text) == [#"c.toml:5:1: a single-server cluster needs partition method "none""#])
    }

    @Test func majorityWithTwoServersNeedsATieBreaker() {
        let text = twoServers.replacingFirst(
            "method = \"none\"",
            with: "method = \"majority\"\n[cluster.timing]\nprofile = \"seed\""
        )
        #expect(findings(text) == [#"c.toml:5:1: partition method "majority" requires tie_breaker"#])
        let withTieBreaker = twoServers.replacingFirst(
            "method = \"none\"",
            with: "method = \"majority\"\ntie_breaker = [\"10.1.0.254\"]\n[cluster.timing]\nprofile = \"seed\""
        )
        #expect(findings(withTieBreaker).isEmpty)
    }

    @Test func pingNeedsATieBreakerAndDiskNeedsALockDevice() {
        #expect(
            findings(threeServers(method: "ping")) == [#"c.toml:5:1: partition method "ping" requires tie_breaker"#]
        )
        let disk = threeServers(method: "disk") + "[cluster.timing]\nprofile = \"seed\"\n"
        #expect(findings(disk) == [#"c.toml:5:1: partition method "disk" requires lock_device"#])
        let heartbeat = threeServers(method: "none", extraPartition: "disk_heartbeat = true\n")
        #expect(findings(heartbeat) == [#"c.toml:6:1: "disk_heartbeat" requires lock_device"#])
    }

    // MARK: V21 lock I/O timeout

    @Test func lockIOTimeoutMustBeUnderHalfTheHeartbeatTimeout() {
        let text =
            threeServers(method: "disk", extraPartition: "lock_device = \"/dev/sdb1\"\nlock_io_timeout_ms = 20000\n")
            + "[cluster.timing]\nprofile = \"seed\"\n"
        #expect(findings(text) == [#"c.toml:7:1: "lock_io_timeout_ms" must be less than half the heartbeat timeout"#])
    }

    // MARK: V22 warnings

    @Test func tieBreakerOutsideEveryInterconnectNetworkIsAWarning() {
        let text = threeServers(method: "ping", extraPartition: "tie_breaker = [\"10.1.0.254\", \"192.168.9.1\"]\n")
        #expect(findings(text) == ["c.toml:6:30: warning: tie-breaker 192.168.9.1 is in no interconnect network"])
    }

    @Test func dryRunFencingIsAWarning() {
        let text = threeServers(method: "none", extraPartition: "fence_action = \"dry-run\"\n")
        #expect(
            findings(text) == [
                #"c.toml:6:1: warning: "fence_action" = "dry-run" kills nothing; use it on test rigs only"#
            ]
        )
    }

    // MARK: V23 ARMLOAD watches

    @Test func watchMonitorsOnOneServerAreLimitedByMaxWatches() {
        let text =
            twoServers + """
                [armload]
                max_watches = 1
                [[monitor]]
                name = "a"
                type = "process"
                wid = "A"
                [[monitor]]
                name = "b"
                type = "process"
                wid = "B"

                """
        #expect(
            findings(text) == [
                #"c.toml:20:1: server "n1" can have 2 ARMLOAD watches; at most 1"#,
                #"c.toml:20:1: server "n2" can have 2 ARMLOAD watches; at most 1"#,
            ]
        )
    }

    // MARK: V24

    @Test func mirrorBitmapBlockAndLimitSyntax() {
        let text =
            twoServers.replacingFirst(
                "public = \"10.1.0.1/24\"\n",
                with: "public = \"10.1.0.1/24\"\nmirror = [\"10.3.0.1/24\"]\n"
            ).replacingFirst(
                "public = \"10.1.0.2/24\"\n",
                with: "public = \"10.1.0.2/24\"\nmirror = [\"10.3.0.2/24\"]\n"
            ) + """
                [[group]]
                name = "db"
                servers = ["n1", "n2"]
                [[group.resource]]
                name = "data"
                type = "mirror"
                device = "/dev/vg0/data"
                mount = "/srv/db"
                fs_type = "ext4"
                peers = ["n1", "n2"]
                initial_source = "n1"
                port = 20010
                bitmap_block_kib = 6
                resync_limit = "fast"
                replication_limit = "100 MiB/s"

                """
        #expect(
            findings(text) == [
                #"c.toml:5:1: warning: partition method "none" does not protect disk or mirror resources against a partition"#,
                #"c.toml:33:1: "bitmap_block_kib" = 6 is not a power of two"#,
                #"c.toml:34:1: "resync_limit" = "fast" must be "0", "N%" (1..100) or "N MiB/s""#,
            ]
        )
    }

    // MARK: V26

    @Test func tlsCanBeDisabledOnlyOnLoopback() {
        let open = threeServers + "[manager]\nlisten = [\"0.0.0.0:20005\"]\ntls = false\n"
        #expect(findings(open) == ["c.toml:27:1: TLS can be disabled only on loopback addresses"])
        let loopback = threeServers + "[manager]\nlisten = [\"127.0.0.1:20005\", \"[::1]:20005\"]\ntls = false\n"
        #expect(findings(loopback).isEmpty)
    }

    // MARK: Monitors

    @Test func serverLevelMonitorCannotFailOverAGroup() {
        let text =
            threeServers + """
                [[monitor]]
                name = "disk"
                type = "disk"
                path = "/var/tmp"
                action = "failover"

                """
        #expect(findings(text) == [#"c.toml:29:1: "action" = "failover" needs a group"#])
    }

    @Test func processMonitorNeedsExactlyOneTarget() {
        let text =
            threeServers + "[[monitor]]\nname = \"p\"\ntype = \"process\"\nwid = \"W\"\npid_file = \"/run/p.pid\"\n"
        #expect(findings(text) == [#"c.toml:25:1: monitor "p" needs exactly one of: wid, pid_file, process_name"#])
    }

    // MARK: Report

    @Test func findingsAreSortedByPositionAndCutAt100() {
        var text = minimalConfig
        for index in 0..<120 {
            text += "unknown\(index) = 1\n"
        }
        let reported = findings(text)
        #expect(reported.count == 101)
        #expect(reported.first == "c.toml:16:1: unknown key \"unknown0\" in [[group]]")
        #expect(reported[99] == "c.toml:115:1: unknown key \"unknown99\" in [[group]]")
        #expect(reported.last == "c.toml:116:1: too many errors")
    }

    @Test func findingsRenderAsTextAndJSON() {
        let warning = ConfigFinding(file: "a \"b\".toml", line: 3, column: 7, severity: .warning, message: "x")
        #expect(warning.render() == "a \"b\".toml:3:7: warning: x")
        #expect(
            warning.renderJSON()
                == #"{"file":"a \"b\".toml","line":3,"column":7,"severity":"warning","message":"x"}"#
        )
        #expect(ConfigFindings.renderJSON([]) == "[]\n")
    }

    @Test func checkOutputExitsTenOnlyForErrors() {
        let validation = ConfigValidator.validate(text: minimalConfig + "bogus = 1\n", file: "c.toml")
        let text = ConfigFindings.checkOutput(validation.findings, json: false)
        #expect(text.output == "" && text.status == 10)
        #expect(text.errors == "c.toml:16:1: unknown key \"bogus\" in [[group]]\n")
        let warning = ConfigFinding(file: "c.toml", line: 1, column: 1, severity: .warning, message: "w")
        let json = ConfigFindings.checkOutput([warning], json: true)
        #expect(json.errors == "" && json.status == 0)
        #expect(json.output == #"[{"file":"c.toml","line":1,"column":1,"severity":"warning","message":"w"}]"# + "\n")
    }
}
