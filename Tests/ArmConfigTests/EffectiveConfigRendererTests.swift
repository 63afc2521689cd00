import ArmCore
import Testing

@testable import ArmConfig

@Suite(.timeLimit(.minutes(2))) struct EffectiveConfigRendererTests {
    private let sample =
        threeServers.replacingFirst(
            "public = \"10.1.0.1/24\"\n",
            with: "public = \"10.1.0.1/24\"\nmirror = [\"10.3.0.1/24\"]\n"
        ).replacingFirst(
            "public = \"10.1.0.2/24\"\n",
            with: "public = \"10.1.0.2/24\"\nmirror = [\"10.3.0.2/24\"]\n"
        ) + """
            [[group]]
            name = "db"
            servers = ["n1", "n2"]
            env = { PGDATA = "/srv/db/pgdata", "QUOTE" = "a\\"b" }
            [[group.resource]]
            name = "data"
            type = "mirror"
            file = "/var/lib/armcluster/data.img"
            size_mib = 64
            mount = "/srv/db"
            fs_type = "ext4"
            peers = ["n1", "n2"]
            initial_source = "n1"
            port = 20010
            [[group.resource]]
            name = "tune"
            type = "exec"
            start = "tune-start.sh"
            stop = "tune-stop.sh"
            [[monitor]]
            name = "m"
            type = "mirror"
            group = "db"
            resource = "data"
            [services.postgresql]
            type = "forking"
            start = ["/usr/bin/pg_ctl", "start"]
            pid_file = "/srv/db/pgdata/postmaster.pid"
            [log.files.armsvr]
            size_mib = 64

            """

    @Test func rendersDefaultsUnderAHashHeader() throws {
        let config = try #require(ConfigValidator.validate(text: sample, file: "c.toml").config)
        let text = EffectiveConfigRenderer.render(config, hash: "0123456789abcdef0123")
        #expect(text.hasPrefix("# hash 0123456789ab\n\n[cluster]\nname = \"lab\"\n"))
        #expect(text.contains("\n[cluster.timing]\nprofile = \"standard\"\nheartbeat_interval_ms = 1000\n"))
        #expect(text.contains("\n[cluster.partition]\nmethod = \"none\"\ntie_breaker = []\n"))
        #expect(text.contains("env = { PGDATA = \"/srv/db/pgdata\", QUOTE = \"a\\\"b\" }\n"))
        #expect(text.contains("\n[services.postgresql]\ntype = \"forking\"\n"))
        #expect(text.contains("stop = []\npid_file = \"/srv/db/pgdata/postmaster.pid\"\nuser = \"root\"\n"))
        #expect(text.contains("\n[log.files.armsvr]\nsize_mib = 64\ncount = 8\n"))
        #expect(text.contains("\n[log.files.armload]\nsize_mib = 4\ncount = 2\n"))
    }

    @Test func renderedConfigReadsBackToTheSameGroupsAndRendersIdentically() throws {
        let config = try #require(ConfigValidator.validate(text: sample, file: "c.toml").config)
        let text = EffectiveConfigRenderer.render(config, hash: "abc")
        let again = ConfigValidator.validate(text: text, file: "shown.toml")
        #expect(!again.hasErrors, "\(again.findings.map { $0.render() })")
        let reread = try #require(again.config)
        #expect(reread.groupDefinitions(scriptsRoot: "/s") == config.groupDefinitions(scriptsRoot: "/s"))
        #expect(reread.servers == config.servers && reread.monitors == config.monitors)
        #expect(reread.services == config.services && reread.log == config.log && reread.timing == config.timing)
        #expect(EffectiveConfigRenderer.render(reread, hash: "abc") == text)
    }
}
