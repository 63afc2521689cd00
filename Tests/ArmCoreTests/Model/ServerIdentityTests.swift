import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct ServerIdentityTests {
    @Test func aRequestedNameMustBeAnEntry() {
        #expect(ServerIdentity.pick(requested: "n2", hostname: "h", servers: ["n1", "n2"]) == .server("n2"))
        #expect(ServerIdentity.pick(requested: "n9", hostname: "n1", servers: ["n1"]) == .unknownRequest("n9"))
    }

    @Test func thenTheHostThenTheOnlyServer() {
        #expect(ServerIdentity.pick(requested: "", hostname: "s2", servers: ["s1", "s2", "s3"]) == .server("s2"))
        #expect(ServerIdentity.pick(requested: nil, hostname: "host1", servers: ["node1"]) == .server("node1"))
        #expect(ServerIdentity.pick(requested: nil, hostname: "host1", servers: ["s1", "s2"]) == .noMatch)
        #expect(ServerIdentity.pick(requested: nil, hostname: "host1", servers: []) == .noMatch)
    }
}
