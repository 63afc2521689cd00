import ArmConfig
import Testing

@Suite(.timeLimit(.minutes(2))) struct ServerNamesTests {
    @Test func theNamesOfServerTablesOnlyAreFound() {
        let three = """
            [cluster]
            name = "demo"
            [[server]]
            name = "s1"
            [[server]]
              name='s2'
            [[ server ]]
            id = 3
            name = "s3"
            [[group]]
            name = "s4"
            """
        #expect(ConfigLoader.serverNames(in: three) == ["s1", "s2", "s3"])
    }

    @Test func aFileTheValidatorWouldRefuseStillNamesItsServers() {
        #expect(ConfigLoader.serverNames(in: "[[server]]\nname = \"node7\"\nid = 1\n") == ["node7"])
        #expect(ConfigLoader.serverNames(in: "[[server]]\nname = \"unterminated\n") == [])
        #expect(ConfigLoader.serverNames(in: "") == [])
        #expect(ConfigLoader.serverNames(in: "server = 3") == [])
    }
}
