import ArmCore
import Testing

@testable import ArmConfig

/// The misses toml-lang/toml-test found in TOMLParser (scripts/toml-test; docs/decisions.md), one test each.
@Suite(.timeLimit(.minutes(2))) struct TOMLConformanceTests {
    static func value(_ text: String) -> TOMLValue? {
        let parsed = TOMLParser.parse("v = " + text + "\n")
        guard parsed.error == nil else { return nil }
        return parsed.root["v"]?.value
    }

    @Test func aByteOrderMarkAtTheStartIsAcceptedAndTakesNoColumn() {
        let parsed = TOMLParser.parse("\u{FEFF}name = \"a\"\n")
        #expect(parsed.error == nil)
        #expect(parsed.root["name"]?.value == .string("a"))
        #expect(parsed.root["name"]?.keyPosition == SourcePosition(line: 1, column: 1))
    }

    @Test func aByteOrderMarkAnywhereElseIsAnError() {
        #expect(TOMLParser.parse("name = \"a\"\n\u{FEFF}x = 1\n").error != nil)
    }

    @Test(arguments: [
        "1979-05-27T07:32:00Z", "1979-05-27 07:32:00-07:00", "1979-05-27t07:32:00.999999z", "1979-05-27T07:32:00",
        "1979-05-27", "07:32:00", "00:32:00.5", "2000-02-29", "2024-02-29T23:59:60Z", "0001-01-01 00:00:00+23:59",
    ])
    func wellFormedDatesAndTimesAreAccepted(text: String) {
        #expect(Self.value(text) == .datetime(text))
    }

    @Test(arguments: [
        "2006-01-00", "2006-00-10", "2006-13-01", "2006-01-32", "2006-04-31", "2021-02-29", "2100-02-29",
        "2006-01-01T24:00:00Z", "2006-01-01T00:60:00Z", "2006-01-01T00:00:61Z", "2006-01-01T1:32:00Z",
        "2006-01-01T00:00", "1987-07-0517:45:00Z", "2006-01-30T", "2006-01-01T00:00:00.", "2006-01-01T00:00:00.Z",
        "1985-06-18 17:04:07+25:00", "1985-06-18 17:04:07+12:60", "1985-06-18 17:04:07+1:00",
        "1985-06-18 17:04:07+12", "01:32:0", "25:00:00", "12:00", "12:00:00.",
    ])
    func datesAndTimesWithBadFieldsAreRejected(text: String) {
        #expect(Self.value(text) == nil, "\(text)")
    }

    @Test(arguments: ["1e_23", "1_e2", "1.5e_3", "1.5_e3", "1e2_", "1_.5", "1._5", "0x_1", "1__0"])
    func underscoresMustStandBetweenDigits(text: String) {
        #expect(Self.value(text) == nil, "\(text)")
    }

    @Test func underscoresBetweenDigitsStillWork() {
        #expect(Self.value("1_000") == .integer(1000))
        #expect(Self.value("1e1_0") == .float(1e10))
        #expect(Self.value("9_224_617.445_991") == .float(9_224_617.445_991))
        #expect(Self.value("0xdead_beef") == .integer(0xdead_beef))
    }

    @Test func aDateWithAnOutOfRangeFieldIsReportedAtItsValue() {
        let parsed = TOMLParser.parse("[cluster]\nstarted = 2021-02-29\n")
        #expect(
            parsed.error
                == TOMLSyntaxError(position: SourcePosition(line: 2, column: 11), message: "invalid value '2021-02-29'")
        )
    }
}
