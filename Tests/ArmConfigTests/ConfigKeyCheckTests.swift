import ArmCore
import Testing

@testable import ArmConfig

/// V2–V8: keys, types, ranges, enumerations, required keys and names.
@Suite(.timeLimit(.minutes(2))) struct ConfigKeyCheckTests {
    // MARK: V2 unknown keys

    @Test func misspeltKeySuggestsTheValidOne() {
        let text = minimalConfig.replacingFirst("name = \"n1\"", with: "nmae = \"n1\"")
        #expect(
            findings(text) == [
                "c.toml:7:1: missing required key \"name\" in [[server]]",
                "c.toml:8:1: unknown key \"nmae\" in [[server]]; did you mean \"name\"?",
                "c.toml:14:12: server \"n1\" referenced here is not defined",
            ]
        )
    }

    @Test func unknownKeyFarFromEveryValidKeyHasNoSuggestion() {
        let text = minimalConfig + "colour = \"red\"\n"
        #expect(findings(text) == ["c.toml:16:1: unknown key \"colour\" in [[group]]"])
    }

    @Test func unknownTopLevelTableNamesTheTable() {
        let text = minimalConfig + "[clusterr]\nx = 1\n"
        #expect(findings(text) == ["c.toml:16:2: unknown table [clusterr]; did you mean \"cluster\"?"])
    }

    @Test func unknownSubTableIsAnUnknownKeyOfItsParent() {
        let text = minimalConfig + "[cluster.timming]\nprofile = \"fast\"\n"
        #expect(findings(text) == ["c.toml:16:10: unknown key \"timming\" in [cluster]; did you mean \"timing\"?"])
    }

    @Test func keysOfAnotherResourceTypeAreUnknown() {
        let text =
            minimalConfig + """
                [[group.resource]]
                name = "job"
                type = "exec"
                start = "start-job.sh"
                stop = "stop-job.sh"
                address = "192.168.1.50/24"

                """
        #expect(findings(text) == ["c.toml:21:1: unknown key \"address\" in [[group.resource]]"])
    }

    @Test func onlyKnownLogFilesMayBeSized() {
        let text = minimalConfig + "[log.files.armsrv]\nsize_mib = 4\n"
        #expect(findings(text) == ["c.toml:16:12: unknown key \"armsrv\" in [log.files]; did you mean \"armsvr\"?"])
    }

    // MARK: V3 types

    @Test func integerGivenAsStringIsATypeError() {
        let text = minimalConfig.replacingFirst("id = 1", with: "id = \"1\"")
        #expect(findings(text) == ["c.toml:9:1: \"id\" must be integer, not string"])
    }

    @Test func listGivenAsStringIsATypeError() {
        let text = minimalConfig.replacingFirst("servers = [\"n1\"]", with: "servers = \"n1\"")
        #expect(findings(text) == ["c.toml:14:1: \"servers\" must be array of strings, not string"])
    }

    @Test func listWithANonStringElementIsATypeError() {
        let text = minimalConfig.replacingFirst("servers = [\"n1\"]", with: "servers = [\"n1\", 2]")
        #expect(findings(text) == ["c.toml:14:1: \"servers\" must be array of strings, not array containing integer"])
    }

    @Test func singleServerTableInsteadOfArrayOfTablesIsATypeError() {
        let text = minimalConfig.replacingFirst("[[server]]", with: "[server]")
        #expect(
            findings(text) == [
                "c.toml:7:2: \"server\" must be array of tables, not table",
                "c.toml:14:12: server \"n1\" referenced here is not defined",
            ]
        )
    }

    @Test func booleanGivenAsStringIsATypeError() {
        let text = minimalConfig + "auto_start = \"yes\"\n"
        #expect(findings(text) == ["c.toml:16:1: \"auto_start\" must be boolean, not string"])
    }

    // MARK: V4 ranges

    @Test func portOutOfRange() {
        let text = minimalConfig + "[cluster.network]\nheartbeat_port = 70000\n"
        #expect(findings(text) == ["c.toml:17:1: \"heartbeat_port\" = 70000 is out of range 1..65535"])
    }

    @Test func keepaliveRangeFollowsTheIdleTimeout() {
        let text = minimalConfig + "[cluster.network]\nidle_timeout_s = 60\nkeepalive_s = 30\n"
        #expect(findings(text) == ["c.toml:18:1: \"keepalive_s\" = 30 is out of range 5..20"])
    }

    @Test func scriptTimeoutOfOneToNineSecondsIsRefused() {
        let text = minimalConfig + "start_timeout_s = 5\nstop_timeout_s = 0\n"
        #expect(findings(text) == ["c.toml:16:1: \"start_timeout_s\" = 5 is out of range 10..86400 (or 0)"])
    }

    @Test func startupWaitOfZeroNeedsSeedMinimumsOff() {
        let seed = minimalConfig + "[cluster.timing]\nprofile = \"seed\"\nstartup_sync_wait_min = 0\n"
        #expect(
            findings(seed) == [
                "c.toml:18:1: \"startup_sync_wait_min\" = 0 requires \"enforce_seed_minimums\" = false"
            ]
        )
        let standard = minimalConfig + "[cluster.timing]\nstartup_sync_wait_min = 0\n"
        #expect(findings(standard).isEmpty)
        let tooShort = minimalConfig + "[cluster.timing]\nstartup_sync_wait_min = 3\n"
        #expect(findings(tooShort) == ["c.toml:17:1: \"startup_sync_wait_min\" = 3 is out of range 5..99 (or 0)"])
    }

    // MARK: V5 enumerations

    @Test func enumerationListsItsValues() {
        let text = minimalConfig.replacingFirst("name = \"solo\"", with: "name = \"solo\"\nshutdown_action = \"halt\"")
        #expect(
            findings(text).first == "c.toml:3:1: \"shutdown_action\" = \"halt\" is not one of: poweroff, reboot, exit"
        )
    }

    @Test func resourceTypeMustBeKnown() {
        let text = minimalConfig + "[[group.resource]]\nname = \"r\"\ntype = \"nfs\"\n"
        #expect(findings(text) == ["c.toml:18:1: \"type\" = \"nfs\" is not one of: exec, fip, disk, mirror, share"])
    }

    // MARK: V6 required keys

    @Test func missingKeyPointsAtTheTableHeader() {
        let text = minimalConfig.replacingFirst("name = \"solo\"\n", with: "")
        #expect(findings(text) == ["c.toml:1:1: missing required key \"name\" in [cluster]"])
    }

    @Test func missingClusterTableIsAWholeFileError() {
        let text = "[[server]]\nname = \"n1\"\nid = 1\npublic = \"10.0.0.1/8\"\n"
        #expect(
            findings(text) == [
                "c.toml:1:1: missing required key \"name\" in [cluster]",
                "c.toml:1:1: missing required key \"method\" in [cluster.partition]",
            ]
        )
    }

    @Test func missingPartitionTablePointsAtTheClusterHeader() {
        let text = minimalConfig.replacingFirst("[cluster.partition]\nmethod = \"none\"\n", with: "")
        #expect(findings(text) == ["c.toml:1:1: missing required key \"method\" in [cluster.partition]"])
    }

    @Test func execResourceNeedsStartAndStop() {
        let text = minimalConfig + "\n[[group.resource]]\nname = \"job\"\ntype = \"exec\"\n"
        #expect(
            findings(text) == [
                "c.toml:17:1: missing required key \"start\" in [[group.resource]]",
                "c.toml:17:1: missing required key \"stop\" in [[group.resource]]",
            ]
        )
    }

    // MARK: V7, V8 names

    @Test func groupNameRuleUsesTheSpecText() {
        let text = minimalConfig.replacingFirst("name = \"web\"", with: "name = \"-web\"")
        #expect(
            findings(text) == [
                #"c.toml:13:8: invalid group name "-web": letters, digits and "-"; must not start with "-""#
            ]
        )
    }

    @Test func clusterNameLongerThan31Characters() {
        let long = String(repeating: "a", count: 32)
        let text = minimalConfig.replacingFirst("name = \"solo\"", with: "name = \"\(long)\"")
        #expect(
            findings(text) == ["c.toml:2:8: cluster name \"aaaaaaaaaaaaaaaaaaaa\u{2026}\" is longer than 31 characters"]
        )
    }

    @Test func serverNameMustStartWithALetterOrDigit() {
        let text = minimalConfig.replacingFirst("name = \"n1\"", with: "name = \"_n1\"")
        #expect(
            findings(text).first
                == #"c.toml:8:8: invalid server name "_n1": letters, digits, "_" and "-"; must start with a letter or digit"#
        )
    }

    @Test func watchIDsReservedPrefixesAndLength() {
        let reserved =
            minimalConfig + """
                [[monitor]]
                name = "m"
                type = "process"
                wid = "nec_web"

                """
        #expect(
            findings(reserved) == [
                #"c.toml:19:7: invalid WID "nec_web": letters, digits, "_" and "-"; must start with a letter or digit and not with "NEC_" or "ARM_""#
            ]
        )
        let long =
            minimalConfig
            + "[[monitor]]\nname = \"m\"\ntype = \"process\"\nwid = \"\(String(repeating: "W", count: 256))\"\n"
        #expect(findings(long) == ["c.toml:19:7: WID \"WWWWWWWWWWWWWWWWWWWW\u{2026}\" is longer than 255 characters"])
    }

    @Test func resourceNameScriptIsReserved() {
        let text =
            minimalConfig + """
                [[group.resource]]
                name = "script"
                type = "exec"
                start = "a.sh"
                stop = "b.sh"

                """
        #expect(findings(text) == [#"c.toml:17:8: invalid resource name "script": reserved for the group's scripts"#])
    }

    @Test func shareNameRuleAllowsDollar() {
        let text =
            minimalConfig + """
                [[group.resource]]
                name = "dump"
                type = "share"
                share_name = "DUMP$"
                path = "/srv/dump"

                """
        #expect(findings(text).isEmpty)
        let bad = text.replacingFirst("DUMP$", with: "DU MP")
        #expect(
            findings(bad) == [
                #"c.toml:19:14: invalid share name "DU MP": letters, digits, "_", ".", "$" and "-"; must not start with "-""#
            ]
        )
    }

    // MARK: V24 and paths

    @Test func environmentNamesAreCheckedAndArmsPrefixIsReserved() {
        let text = minimalConfig + "env = { ARMS_EVENT = \"x\", \"1BAD\" = \"y\", OK = \"z\" }\n"
        #expect(
            findings(text) == [
                "c.toml:16:9: environment variable \"ARMS_EVENT\" is reserved",
                "c.toml:16:27: invalid environment variable name \"1BAD\"",
            ]
        )
    }

    @Test func onlyALeadingArmRootIsSubstituted() {
        let good = minimalConfig.replacingFirst(
            "name = \"solo\"",
            with: "name = \"solo\"\nkey_file = \"${ARM_ROOT}/k\""
        )
        #expect(findings(good).isEmpty)
        let bad = minimalConfig.replacingFirst("name = \"solo\"", with: "name = \"solo\"\nkey_file = \"/x/${HOME}/k\"")
        #expect(
            findings(bad) == [
                "c.toml:3:1: \"key_file\" = \"/x/${HOME}/k\": the only substitution allowed is a leading ${ARM_ROOT}"
            ]
        )
    }
}
