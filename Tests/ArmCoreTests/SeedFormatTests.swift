import ArmCore
import Testing

struct FormatCase: Sendable, CustomTestStringConvertible {
    let template: String
    let arguments: [FormatArgument]
    let expected: String

    var testDescription: String { "\(template) \(arguments.map(\.text)) → \(expected)" }

    init(_ template: String, _ arguments: [FormatArgument], _ expected: String) {
        self.template = template
        self.arguments = arguments
        self.expected = expected
    }
}

let formatCases: [FormatCase] = [
    FormatCase("ARMLoad(WID=%0.16s) succeeded.", ["WEB"], "ARMLoad(WID=WEB) succeeded."),
    FormatCase("WID=%0.16s", ["ABCDEFGHIJKLMNOPQRSTUVWXYZ"], "WID=ABCDEFGHIJKLMNOP"),
    FormatCase(
        "share (%.48s)",
        [.string(String(repeating: "x", count: 60))],
        "share (\(String(repeating: "x", count: 48)))"
    ),
    FormatCase("[%16s]", ["nginx"], "[           nginx]"),
    FormatCase("[%-8s]", ["ab"], "[ab      ]"),
    FormatCase("[%3s]", ["abcdef"], "[abcdef]"),
    FormatCase("%d", [42], "42"),
    FormatCase("%d", [-7], "-7"),
    FormatCase("[%3d]", [5], "[  5]"),
    FormatCase("(%03d)", [7], "(007)"),
    FormatCase("(%03d)", [1234], "(1234)"),
    FormatCase("(%04d)", [-5], "(-005)"),
    FormatCase("(1%03d)", [60], "(1060)"),
    FormatCase("(3%03d)", [60], "(3060)"),
    FormatCase("0x%x", [255], "0xff"),
    FormatCase("0x%x", [0], "0x0"),
    FormatCase("0x%X", [255], "0xFF"),
    FormatCase("0x%x", [-1], "0xffffffff"),
    FormatCase("100%% done", [], "100% done"),
    FormatCase("threshold(%2%)", ["a", "70"], "threshold(70%)"),
    FormatCase("Interconnect %2 to server %1 is up.", ["s2", "eth1"], "Interconnect eth1 to server s2 is up."),
    FormatCase("%1 and %1", ["x"], "x and x"),
    FormatCase("リソース%1の活性処理が成功しました。(所要時間は%2秒)", ["fip", 3], "リソースfipの活性処理が成功しました。(所要時間は3秒)"),
    // Missing arguments render as nothing; extra ones are ignored.
    FormatCase("a=%s b=%s", ["1"], "a=1 b="),
    FormatCase("[%16s]", [], "[]"),
    FormatCase("%1 %2", ["only"], "only "),
    FormatCase("plain", ["extra", 1], "plain"),
    // Numbers for %s and decimal strings for %d; other strings are shown as given.
    FormatCase("%s", [12], "12"),
    FormatCase("%03d", ["7"], "007"),
    FormatCase("%d", ["n/a"], "n/a"),
    // Unknown or unfinished sequences are copied.
    FormatCase("50% off %", [], "50% off %"),
    FormatCase("%q %0.", ["x"], "%q %0."),
    FormatCase("%0", [], "%0"),
    // Precision counts characters, never splitting one.
    FormatCase("%.3s", ["日本語テキスト"], "日本語"),
    FormatCase("%.2s", ["e\u{301}x"], "e\u{301}x"),
    FormatCase("%.1s", ["👨‍👩‍👧x"], "👨‍👩‍👧"),
]

@Suite("SeedFormat", .timeLimit(.minutes(2)))
struct SeedFormatTests {
    @Test("printf placeholders render as C does", arguments: formatCases)
    func renders(_ formatCase: FormatCase) {
        #expect(SeedFormat.render(formatCase.template, formatCase.arguments) == formatCase.expected)
    }

    @Test func placeholdersAreListedAsWritten() {
        #expect(
            SeedFormat.placeholders(in: "ARMLOAD(WID=%0.16s) (2%03d) 0x%x %% %1 %.48s %16s")
                == ["%0.16s", "%03d", "%x", "%1", "%.48s", "%16s"]
        )
    }

    @Test func absurdWidthsDoNotTrap() {
        let rendered = SeedFormat.render("%99999999999999999999s", ["x"])
        #expect(rendered.hasSuffix("x"))
    }
}
