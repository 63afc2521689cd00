import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct ConfiguredServerNameTests {
    static let singleServer = """
        [cluster]
        name = "demo"   # not a server

        [[server]]
        name = "node1"  # the only one
        id = 1

        [[group]]
        name = "web"
        """

    static let threeServers = """
        [[server]]
        name = "s1"
        [[server]]
          name='s2'
        [ [server] ]
        id = 3
        name = "s3"
        [[group]]
        name = "s4"
        """

    @Test func theNamesOfServerTablesOnlyAreFound() {
        #expect(ConfiguredServerName.serverNames(in: Self.singleServer) == ["node1"])
        #expect(ConfiguredServerName.serverNames(in: Self.threeServers) == ["s1", "s2", "s3"])
        #expect(ConfiguredServerName.serverNames(in: "[[server]]\nname = \"unterminated\n") == [])
        #expect(ConfiguredServerName.serverNames(in: "") == [])
    }

    @Test func armServerWinsThenTheHostThenTheOnlyServer() {
        let resolve = ConfiguredServerName.resolve
        #expect(resolve(["ARM_SERVER": "n9"], "host1", Self.singleServer) == "n9")
        #expect(resolve([:], "host1", Self.singleServer) == "node1")
        #expect(resolve(["ARM_SERVER": ""], "s2", Self.threeServers) == "s2")
        #expect(resolve([:], "host1", Self.threeServers) == "host1")
        #expect(resolve([:], "host1", nil) == "host1")
    }
}
