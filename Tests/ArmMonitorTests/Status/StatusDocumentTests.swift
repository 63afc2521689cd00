import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct StatusDocumentTests {
    private let web = GroupDefinition.fixture(
        "web",
        servers: ["n1", "n2"],
        autoStart: false,
        resources: [
            ResourceDefinition(
                name: "app",
                kind: .exec(start: "/a", stop: "/b", startTimeout: nil, stopTimeout: nil, environment: [:])
            ),
            ResourceDefinition(name: "vip", kind: .fip(address: "10.0.0.9/24")),
        ]
    )

    @Test func theAllViewHasEverySectionInTheSpecOrder() async throws {
        let harness = Harness(groups: [web, .fixture("db", autoStart: false)])
        let handler = RequestHandler(manager: harness.manager, log: harness.log, settings: harness.settings)
        let response = try await harness.run { manager in
            _ = try await manager.prepare()
            _ = await manager.startGroup("web")
            await manager.waitUntilSettled("web")
            return await handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "all", name: nil)),
                from: PeerCredentials(pid: 77, uid: 1000, gid: 1000)
            )
        }
        #expect(response.status == .success)
        #expect(
            response.body.json
                == #"{"armstat":1,"source":"monitor","time":"2025-03-14T09:12:03.417+09:00","local_server":"n1","#
                + #""cluster":{"name":"prod","state":"normal","config_hash":null,"partition_method":"none"},"#
                + #""servers":[{"name":"n1","local":true,"state":"normal","heartbeat_age_s":null,"interconnects":[]}],"#
                + #""groups":[{"name":"web","state":"started","failed":false,"server":"n1","failover_count":0,"#
                + #""max_failover":2,"policy":["n1","n2"]},"#
                + #"{"name":"db","state":"stopped","failed":false,"server":null,"failover_count":0,"max_failover":1,"#
                + #""policy":["n1"]}],"#
                + #""resources":[{"group":"web","name":"app","type":"exec","state":"started"},"#
                + #"{"group":"web","name":"vip","type":"fip","state":"stopped"},"#
                + #"{"group":"web","name":"script","type":"exec","state":"started"},"#
                + #"{"group":"db","name":"script","type":"exec","state":"stopped"}],"#
                + #""armload":[],"mirrors":[],"shares":[]}"#
        )
        #expect(harness.sink.lines(.arm).isEmpty)  // armstat is not logged
    }

    @Test func aViewNarrowsTheDocument() throws {
        let settings = MonitorSettings(clusterName: "prod", serverName: "n1")
        let groups = [
            GroupManager.GroupStatus(
                definition: web,
                state: .stopped,
                failed: true,
                server: nil,
                failoverCount: 0,
                resources: [GroupManager.ResourceStatus(name: "script", type: "exec", state: "failed")]
            )
        ]
        let document = try StatusDocument.build(
            view: "group",
            name: "WEB",
            settings: settings,
            groups: groups,
            time: "T"
        )
        #expect(
            document.wireValue.json
                == #"{"armstat":1,"source":"monitor","time":"T","local_server":"n1","groups":[{"name":"web","#
                + #""state":"stopped","failed":true,"server":null,"failover_count":0,"max_failover":2,"policy":["n1","n2"]}]}"#
        )
        let resources = try StatusDocument.build(
            view: "resource",
            name: "web",
            settings: settings,
            groups: groups,
            time: "T"
        )
        #expect(resources.resources?.count == 1)
        #expect(resources.groups == nil)
        let cluster = try StatusDocument.build(
            view: "cluster",
            name: nil,
            settings: settings,
            groups: groups,
            time: "T"
        )
        #expect(cluster.cluster?.state == .normal)
        #expect(cluster.servers == nil)
        let armload = try StatusDocument.build(
            view: "armload",
            name: nil,
            settings: settings,
            groups: groups,
            time: "T"
        )
        #expect(armload.armload == [])
    }

    @Test(arguments: [("group", "ghost"), ("server", "n9"), ("resource", "ghost"), ("armload", "WEB"), ("share", "s")])
    func anUnknownNameIsNotFound(view: String, name: String) {
        let settings = MonitorSettings(clusterName: "prod", serverName: "n1")
        #expect(throws: StatusDocument.Failure.notFound(view: view, name: name)) {
            try StatusDocument.build(view: view, name: name, settings: settings, groups: [], time: "T")
        }
    }

    @Test func anUnknownViewIsAUsageError() async throws {
        let harness = Harness(groups: [web])
        let handler = RequestHandler(manager: harness.manager, log: harness.log, settings: harness.settings)
        let response = await handler.handle(
            RequestEnvelope(command: "ARMSTAT", request: .status(view: "bogus", name: nil)),
            from: PeerCredentials(pid: 1, uid: 0, gid: 0)
        )
        #expect(response.status == .usage)
        let missing = await handler.handle(
            RequestEnvelope(command: "ARMSTAT", request: .status(view: "group", name: "ghost")),
            from: PeerCredentials(pid: 1, uid: 0, gid: 0)
        )
        #expect(missing.status == .notFound)
    }
}
