import ArmCore
import Testing

@testable import ArmConfig

@Suite(.timeLimit(.minutes(2))) struct TOMLParserTests {
    @Test func duplicateKeyIsASyntaxErrorAtTheSecondKey() {
        let text = "[cluster]\nname = \"a\"\nname = \"b\"\n"
        #expect(findings(text) == [#"c.toml:3:1: duplicate key "name""#])
    }

    @Test func duplicateTableHeaderIsASyntaxError() {
        let text = "[cluster]\nname = \"a\"\n\n[cluster]\n"
        #expect(findings(text) == ["c.toml:4:1: duplicate table [cluster]"])
    }

    @Test func unterminatedStringPointsAtItsQuote() {
        let text = "[cluster]\nname = \"abc\n"
        #expect(findings(text) == ["c.toml:2:8: unterminated string"])
    }

    @Test func missingEqualsSignIsReportedWhereTheParserStopped() {
        let text = "[cluster]\nname \"a\"\n"
        #expect(findings(text) == ["c.toml:2:6: expected '=' after the key"])
    }

    @Test func keysValuesAndHeadersKeepTheirPositions() {
        let text = """
            # comment
            [cluster]
              name = "x"   # trailing comment
            "quoted key" = 'literal'
            a.b = 1
            [[group]]
            name = "g1"
            [[group.resource]]
            name = "r1"
            [[group]]
            name = "g2"
            env = { A = "1", B.C = "2" }
            servers = [
              "s1", # first
              "s2",
            ]
            [[group.resource]]
            name = "r2"
            """
        let parsed = TOMLParser.parse(text)
        #expect(parsed.error == nil)
        let source = PositionIndex(root: parsed.root)
        #expect(source.position(of: [.key("cluster")])?.table == SourcePosition(line: 2, column: 1))
        #expect(source.position(of: [.key("cluster"), .key("name")])?.key == SourcePosition(line: 3, column: 3))
        #expect(source.position(of: [.key("cluster"), .key("name")])?.value == SourcePosition(line: 3, column: 10))
        #expect(source.position(of: [.key("cluster"), .key("quoted key")])?.key == SourcePosition(line: 4, column: 1))
        #expect(
            source.position(of: [.key("cluster"), .key("a"), .key("b")])?.key == SourcePosition(line: 5, column: 3)
        )
        #expect(source.position(of: [.key("group"), .index(0)])?.table == SourcePosition(line: 6, column: 1))
        let r1 = source.position(of: [.key("group"), .index(0), .key("resource"), .index(0), .key("name")])
        #expect(r1?.key == SourcePosition(line: 9, column: 1))
        let r2 = source.position(of: [.key("group"), .index(1), .key("resource"), .index(0), .key("name")])
        #expect(r2?.value == SourcePosition(line: 18, column: 8))
        #expect(
            source.position(of: [.key("group"), .index(1), .key("env"), .key("B"), .key("C")])?.key
                == SourcePosition(line: 12, column: 20)
        )
        #expect(
            source.position(of: [.key("group"), .index(1), .key("servers"), .index(1)])?.value
                == SourcePosition(line: 15, column: 3)
        )
    }

    @Test func stringsAndNumbersDecodeLikeTOML() {
        let text = #"""
            a = "tab\there \u00e9"
            b = 'C:\path'
            c = """
            line1
            line2\
               joined"""
            d = '''
            raw\n'''
            e = 1_000
            f = 0x1F
            g = -7
            h = true
            i = 1979-05-27 07:32:00Z
            j = 1.5
            """#
        let parsed = TOMLParser.parse(text)
        #expect(parsed.error == nil)
        let root = parsed.root
        #expect(root["a"]?.value == .string("tab\there \u{e9}"))
        #expect(root["b"]?.value == .string(#"C:\path"#))
        #expect(root["c"]?.value == .string("line1\nline2joined"))
        #expect(root["d"]?.value == .string(#"raw\n"#))
        #expect(root["e"]?.value == .integer(1000))
        #expect(root["f"]?.value == .integer(31))
        #expect(root["g"]?.value == .integer(-7))
        #expect(root["h"]?.value == .bool(true))
        #expect(root["i"]?.value == .datetime("1979-05-27 07:32:00Z"))
        #expect(root["j"]?.value == .float(1.5))
    }

    @Test func invalidNumbersAreSyntaxErrors() {
        #expect(TOMLParser.parse("a = 01\n").error?.message == "invalid value '01'")
        #expect(TOMLParser.parse("a = 1__0\n").error != nil)
        #expect(TOMLParser.parse("a = 99999999999999999999\n").error != nil)
    }

    @Test func columnsCountUnicodeScalarsAndTabsAsOne() {
        let text = "[cluster]\n\tname = \"\u{e9}\u{e9}\"\tbad\n"
        #expect(findings(text) == ["c.toml:2:14: expected a newline or end of file, found 'b'"])
    }

    @Test func crlfLineEndingsAreAccepted() {
        let text = minimalConfig.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(findings(text).isEmpty)
    }
}

/// One step of a path from the root of a parsed document.
enum PathStep {
    case key(String)
    case index(Int)
}

/// Where a key, its value and (for tables) the table were written, looked up by path.
struct PositionIndex {
    let root: TOMLTable

    func position(of path: [PathStep]) -> (key: SourcePosition, value: SourcePosition, table: SourcePosition?)? {
        var current = TOMLNode(.table(root))
        for step in path {
            switch (step, current.value) {
            case (.key(let key), .table(let table)):
                guard let next = table[key] else { return nil }
                current = next
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        var table: SourcePosition?
        if case .table(let inner) = current.value { table = inner.position }
        return (current.keyPosition, current.valuePosition, table)
    }
}
