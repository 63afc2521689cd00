import ArmCore
import ArmProtocol
import Testing

@Suite(.timeLimit(.minutes(2))) struct StatusDocumentTests {
    static let full = StatusDocument(
        source: .monitor,
        time: "2025-03-14T09:12:03.417+09:00",
        localServer: "node1",
        cluster: .init(name: "prod", state: .normal, configHash: "3fa9c2e1b7d0ffff", partitionMethod: "majority"),
        servers: [
            .init(
                name: "node1",
                isLocal: true,
                state: .normal,
                interconnects: [.init(address: "10.0.0.1", isUp: true)]
            ),
            .init(
                name: "node2",
                isLocal: false,
                state: .downThenRestarted,
                heartbeatAgeSeconds: 1,
                interconnects: [.init(address: "10.0.0.2", isUp: true), .init(address: "disk", isUp: false)]
            ),
        ],
        groups: [
            .init(
                name: "web",
                state: .started,
                failed: false,
                server: "node1",
                failoverCount: 0,
                maxFailover: 3,
                policy: ["node1", "node2"]
            )
        ],
        resources: [.init(group: "web", name: "vip", type: "fip", state: "started")],
        armload: [
            .init(
                wid: "WEB",
                group: "web",
                kind: "service",
                pid: nil,
                unit: "nginx.service",
                startState: "running",
                monitorState: "monitoring",
                restarts: 1,
                retry: 3,
                started: "T",
                lastExit: "exit=1"
            )
        ],
        mirrors: [.init(name: "md1", state: "normal", syncPercent: 100, dirtyBlocks: 0, isOpen: true)],
        shares: [.init(name: "data", path: "/srv/data", group: nil)]
    )

    @Test func theDocumentSurvivesTheWire() throws {
        let frame = ControlFrame.encode(Self.full.wireValue)
        #expect(try StatusDocument(wireValue: ControlFrame.decode(frame)) == Self.full)
    }

    @Test func keysFollowTheSpecOrderAndUnknownValuesAreNull() {
        let json = Self.full.wireValue.json
        #expect(
            json.hasPrefix(
                #"{"armstat":1,"source":"monitor","time":"2025-03-14T09:12:03.417+09:00","local_server":"node1","#
            )
        )
        #expect(
            json.contains(
                #""mirrors":[{"name":"md1","state":"normal","sync_percent":100,"dirty_blocks":0,"open":true}]"#
            )
        )
        #expect(json.hasSuffix(#""shares":[{"name":"data","path":"/srv/data","group":null}]}"#))
    }

    @Test func theFallbackShowsAStoppedClusterFromTheDatabase() {
        let fallback = StateFallback(
            lastUpdate: nil,
            serverName: nil,
            clusterName: "prod",
            groups: [(name: "web", state: "started", failed: true, owner: "node1")]
        )
        let document = StatusDocument(fallback: fallback, localServer: "node9")
        #expect(
            document.wireValue.json
                == #"{"armstat":1,"source":"database","time":null,"local_server":"node9","#
                + #""cluster":{"name":"prod","state":"stopped","config_hash":null,"partition_method":null},"#
                + #""servers":[{"name":"node9","local":true,"state":"unknown","heartbeat_age_s":null,"interconnects":[]}],"#
                + #""groups":[{"name":"web","state":"started","failed":true,"server":"node1","failover_count":null,"#
                + #""max_failover":null,"policy":null}]}"#
        )
        #expect(
            document.table == """
                Cluster prod  state stopped
                  SERVER  STATE    HB-AGE  INTERCONNECTS
                * node9   unknown  -       0/0
                  GROUP  STATE           SERVER  FAILOVERS  POLICY
                  web    started/failed  node1   -/-        -

                """
        )
    }

    @Test func theTableHasTheSpecsColumns() {
        #expect(
            Self.full.table == """
                Cluster prod  state normal  config 3fa9c2e1b7d0  partition method majority
                  SERVER  STATE                HB-AGE  INTERCONNECTS
                * node1   normal               -       1/1
                  node2   down-then-restarted  1s      1/2
                  GROUP  STATE    SERVER  FAILOVERS  POLICY
                  web    started  node1   0/3        node1,node2
                  RESOURCE  GROUP  TYPE  STATE
                  vip       web    fip   started
                  WID  GROUP  KIND     PID/UNIT       START    MONITOR     RESTARTS
                  WEB  web    service  nginx.service  running  monitoring  1/3

                """
        )
    }

    @Test func aDocumentWithAMistypedFieldIsRefused() {
        let wire = WireValue.object([
            ("armstat", .int(1)), ("source", .string("monitor")), ("time", .null), ("local_server", .int(3)),
        ])
        #expect(throws: ProtocolError.self) { try StatusDocument(wireValue: wire) }
    }
}
