import ArmCore
import Testing

@testable import ArmConfig

@Suite(.timeLimit(.minutes(2))) struct CanonicalJSONTests {
    @Test func goldenDocument() {
        let text = """
            [cluster]
            name = "a\\"b\\\\c\\u001F\\té"
            key_file = "${ARM_ROOT}/k"
            [cluster.partition]
            method = "none"
            [[server]]
            public = "10.0.0.1/8"
            name = "n1"
            id = 1
            [[group]]
            name = "g"
            servers = ["n1"]
            env = { b = "1", B = "2", a = "3" }
            auto_start = false
            """
        let root = TOMLParser.parse(text).root
        #expect(
            CanonicalJSON.render(root)
                == #"{"cluster":{"key_file":"${ARM_ROOT}/k","name":"a\"b\\c\u001f\u0009é","partition":{"method":"none"}},"#
                + #""group":[{"auto_start":false,"env":{"B":"2","a":"3","b":"1"},"name":"g","servers":["n1"]}],"#
                + #""server":[{"id":1,"name":"n1","public":"10.0.0.1/8"}]}"#
        )
    }

    @Test func commentsKeyOrderAndTableStyleDoNotChangeTheJSON() {
        let dotted = """
            # one style
            cluster.name = "x"
            cluster.partition.method = "none"
            server = [{ name = "n1", id = 1, public = "10.0.0.1/8" }]
            """
        let headers = """
            [cluster]
            partition = { method = "none" }   # another
            name = "x"

            [[server]]
            public = "10.0.0.1/8"
            id = 1
            name = "n1"
            """
        #expect(
            CanonicalJSON.render(TOMLParser.parse(dotted).root)
                == CanonicalJSON.render(TOMLParser.parse(headers).root)
        )
    }

    @Test func keysSortByCodePoint() {
        #expect(CanonicalJSON.codePointPrecedes("Z", "a"))
        #expect(CanonicalJSON.codePointPrecedes("a", "\u{e9}"))
        #expect(!CanonicalJSON.codePointPrecedes("b", "a"))
    }
}
