import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct ScriptEnvironmentTests {
    private let group = GroupDefinition(
        name: "web",
        servers: ["n1", "n2"],
        environment: ["APP_MODE": "prod", "LANG": "ja_JP.UTF-8"]
    )
    private let paths = ArmPaths(root: "/srv/n1")

    @Test func startScriptsGetTheEventAndNoFactor() {
        let environment = ScriptEnvironment.make(
            paths: paths,
            armtoolDirectory: "/opt/arm/bin",
            group: group,
            localServer: "n1",
            phase: .start(.start)
        )
        #expect(
            environment == [
                "PATH": "/opt/arm/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "LANG": "ja_JP.UTF-8",
                "APP_MODE": "prod",
                "ARM_ROOT": "/srv/n1",
                "ARM_SERVER": "n1",
                "CLP_SCRIPT_PATH": "/srv/n1/etc/armcluster/scripts/web",
                "ARMS_EVENT": "START", "CLP_EVENT": "START",
                "ARMS_SERVER": "HOME", "CLP_SERVER": "HOME",
                "ARMS_DISK": "SUCCESS", "CLP_DISK": "SUCCESS",
                "ARMS_GROUP": "web", "CLP_GROUPNAME": "web",
                "ARMS_PRIORITY": "1", "CLP_PRIORITY": "1",
            ]
        )
    }

    @Test func stopScriptsGetTheFactor() {
        let environment = ScriptEnvironment.make(
            paths: paths,
            armtoolDirectory: "/opt/arm/bin",
            group: group,
            localServer: "n2",
            phase: .stop(.groupStop),
            disksReady: false
        )
        #expect(environment["ARMS_FACTOR"] == "GROUPSTOP")
        #expect(environment["CLP_FACTOR"] == "GROUPSTOP")
        #expect(environment["ARMS_EVENT"] == "START")
        #expect(environment["CLP_SERVER"] == "OTHER")
        #expect(environment["CLP_PRIORITY"] == "2")
        #expect(environment["CLP_DISK"] == "FAILURE")
    }

    @Test func theStopOfAFailoverSourceSeesFailover() {
        let environment = ScriptEnvironment.make(
            paths: paths,
            armtoolDirectory: "/bin",
            group: group,
            localServer: "n1",
            phase: .stop(.groupFailover)
        )
        #expect(environment["ARMS_EVENT"] == "FAILOVER")
        #expect(ScriptEnvironment.event(forStop: .serverShutdown) == .start)
    }

    @Test func recoverRunsAlwaysSeeDiskFailure() {
        let environment = ScriptEnvironment.make(
            paths: paths,
            armtoolDirectory: "/bin",
            group: group,
            localServer: "n1",
            phase: .start(.recover)
        )
        #expect(environment["CLP_DISK"] == "FAILURE")
        #expect(environment["CLP_EVENT"] == "RECOVER")
    }

    @Test func resourceEnvironmentWinsOverTheGroupButNotOverClusterVariables() {
        let environment = ScriptEnvironment.make(
            paths: ArmPaths(root: "/"),
            armtoolDirectory: "",
            group: group,
            localServer: "n9",
            phase: .start(.failover),
            resourceEnvironment: ["APP_MODE": "test", "ARMS_GROUP": "spoofed"]
        )
        #expect(environment["APP_MODE"] == "test")
        #expect(environment["ARMS_GROUP"] == "web")
        #expect(environment["ARM_ROOT"] == "")
        #expect(environment["PATH"] == ScriptEnvironment.systemPath)
        #expect(environment["CLP_SERVER"] == "OTHER")
        #expect(environment["CLP_PRIORITY"] == nil)  // not in the policy
    }
}
