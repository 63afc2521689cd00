import ArmCore
import Testing

/// One command line and what parsing it must give.
struct ParseCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        case parsed(ParsedArguments)
        case error(UsageError)
    }

    let spec: CommandSpec
    let words: [String]
    let expected: Expected

    var testDescription: String { "\(spec.name) \(words.joined(separator: " "))" }

    init(_ spec: CommandSpec, _ words: [String], _ expected: Expected) {
        self.spec = spec
        self.words = words
        self.expected = expected
    }
}

/// Builds an expected parse result.
func result(
    _ options: [String: [String]] = [:],
    operands: [String] = [],
    tail: [String] = [],
    help: Bool = false,
    version: Bool = false
) -> ParseCase.Expected {
    var parsed = ParsedArguments()
    parsed.options = options
    parsed.operands = operands
    parsed.tail = tail
    parsed.wantsHelp = help
    parsed.wantsVersion = version
    return .parsed(parsed)
}

func failure(_ error: UsageError) -> ParseCase.Expected { .error(error) }

private let armload = TestSpecs.armload
private let armgetcd = TestSpecs.armgetcd
private let armmode = TestSpecs.armmode
private let armstat = TestSpecs.armstat
private let armsrvct = TestSpecs.armsrvct
private let armrsp = TestSpecs.armrsp
private let armgwait = TestSpecs.armgwait
private let armvxset = TestSpecs.armvxset
private let armpause = TestSpecs.armpause
private let armwhshr = TestSpecs.armwhshr
private let armbcast = TestSpecs.armbcast
private let armgstrt = TestSpecs.armgstrt

/// Spellings and values (commands.md 1.2 rules 1, 2, 7).
let spellingCases: [ParseCase] = [
    ParseCase(armload, ["web", "/R", "3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "-R", "3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "--retry", "3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "/R:3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "/R=3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "--retry=3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "--RETRY:3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "/r", "3", "nginx"], result(["R": ["3"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "/wait:30", "nginx"], result(["WAIT": ["30"]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "-SCR", "nginx"], result(["SCR": [""]], operands: ["web"], tail: ["nginx"])),
    ParseCase(armload, ["web", "-scr", "nginx"], result(["SCR": [""]], operands: ["web"], tail: ["nginx"])),
    ParseCase(
        armload,
        ["web", "/ACT", "SHUTDOWN", "nginx"],
        result(["ACT": ["shutdown"]], operands: ["web"], tail: ["nginx"])
    ),
    ParseCase(
        armload,
        ["web", "--final-action=None", "nginx"],
        result(["ACT": ["none"]], operands: ["web"], tail: ["nginx"])
    ),
    // The next word is the value verbatim, even when it starts with `/` or `-`.
    ParseCase(
        armload,
        ["web", "/U", "-batch", "prog"],
        result(["U": ["-batch"]], operands: ["web"], tail: ["prog"])
    ),
    ParseCase(armbcast, ["/MSG", "/W"], result(["MSG": ["/W"]])),
    ParseCase(armbcast, ["/MSG", "--help"], result(["MSG": ["--help"]])),
    ParseCase(armbcast, ["/MSG:a:b=c"], result(["MSG": ["a:b=c"]])),
    ParseCase(armgetcd, ["/D", "0", "RET"], result(["D": ["0"]], operands: ["RET"])),
    ParseCase(armgetcd, ["/D", "253", "RET"], result(["D": ["253"]], operands: ["RET"])),
    ParseCase(armgetcd, ["/P", "--json", "RET"], result(["P": [""], "json": [""]], operands: ["RET"])),
    ParseCase(armgetcd, ["--JSON", "RET"], result(["json": [""]], operands: ["RET"])),
    ParseCase(armstat, ["--json", "/TIMEOUT", "30"], result(["json": [""], "TIMEOUT": ["30"]])),
]

/// Bad forms, each a usage error (commands.md 1.2).
let badFormCases: [ParseCase] = [
    ParseCase(armgetcd, ["RET", "/Z"], failure(.unknownOption("/Z"))),
    ParseCase(armload, ["web", "-Z", "nginx"], failure(.unknownOption("-Z"))),
    ParseCase(armload, ["web", "--bogus", "nginx"], failure(.unknownOption("--bogus"))),
    ParseCase(armload, ["web", "-R3", "nginx"], failure(.unknownOption("-R3"))),
    ParseCase(armload, ["web", "/R"], failure(.missingValue(option: "/R"))),
    ParseCase(armload, ["web", "/R:", "nginx"], failure(.missingValue(option: "/R"))),
    ParseCase(
        armload,
        ["web", "/R", "0", "nginx"],
        failure(.valueOutOfRange(option: "/R", value: "0", allowed: "1-9"))
    ),
    ParseCase(
        armload,
        ["web", "--retry=10", "nginx"],
        failure(.valueOutOfRange(option: "--retry", value: "10", allowed: "1-9"))
    ),
    ParseCase(
        armload,
        ["web", "/R", "99999999999999999999999", "x"],
        failure(.valueOutOfRange(option: "/R", value: "99999999999999999999999", allowed: "1-9"))
    ),
    ParseCase(
        armload,
        ["web", "/R", "three", "nginx"],
        failure(.invalidValue(option: "/R", value: "three", reason: "not an unsigned decimal number"))
    ),
    ParseCase(
        armload,
        ["web", "/R", "-3", "nginx"],
        failure(.invalidValue(option: "/R", value: "-3", reason: "not an unsigned decimal number"))
    ),
    ParseCase(
        armload,
        ["web", "/R", "+3", "nginx"],
        failure(.invalidValue(option: "/R", value: "+3", reason: "not an unsigned decimal number"))
    ),
    ParseCase(
        armload,
        ["web", "/ACT", "reboot", "nginx"],
        failure(.invalidValue(option: "/ACT", value: "reboot", reason: "expected one of failover, shutdown, none"))
    ),
    ParseCase(armload, ["web", "/W:1", "nginx"], failure(.valueOnFlag(option: "/W"))),
    ParseCase(armload, ["web", "--sync=yes", "nginx"], failure(.valueOnFlag(option: "--sync"))),
    ParseCase(armload, ["web", "--json", "nginx"], failure(.jsonNotSupported)),
    ParseCase(armmode, ["--json"], failure(.jsonNotSupported)),
    ParseCase(armmode, ["/X"], failure(.unknownOption("/X"))),
    ParseCase(armmode, ["extra"], failure(.unexpectedOperand("extra"))),
    ParseCase(armgetcd, [], failure(.missingOperand("name"))),
    ParseCase(armgetcd, ["A", "B"], failure(.unexpectedOperand("B"))),
    ParseCase(
        armgetcd,
        ["/D", "254", "RET"],
        failure(.valueOutOfRange(option: "/D", value: "254", allowed: "0-253"))
    ),
    ParseCase(armgwait, ["web", "-5"], failure(.unknownOption("-5"))),
    ParseCase(armload, [], failure(.missingOperand("watch-id"))),
    ParseCase(
        armstat,
        ["groups"],
        failure(
            .invalidOperand(
                name: "view",
                value: "groups",
                reason: "expected one of all, cluster, server, group, resource, armload, mirror, share"
            )
        )
    ),
    // The first error is reported when there are several.
    ParseCase(armmode, ["/X", "/Y"], failure(.unknownOption("/X"))),
]

/// Recognition of `/` and `-` words, the tail and `--` (commands.md 1.2 rules 3–5).
let operandCases: [ParseCase] = [
    // A `/` word that is no option of the command is an operand (an absolute path).
    ParseCase(armwhshr, ["/mnt/partner/export"], result(operands: ["/mnt/partner/export"])),
    ParseCase(armwhshr, ["/INT", "15", "/mnt/x"], result(["INT": ["15"]], operands: ["/mnt/x"])),
    // A slash word that is not an option of armload is its program (an absolute path).
    ParseCase(armload, ["web", "/Z", "nginx"], result(operands: ["web"], tail: ["/Z", "nginx"])),
    // … unless no operand fits there.
    ParseCase(armwhshr, ["/mnt/a", "/mnt/b"], failure(.unknownOption("/mnt/b"))),
    ParseCase(armmode, ["/tmp"], failure(.unknownOption("/tmp"))),
    // Rule 3: a `/` word is an operand only where that operand may hold a path.
    ParseCase(armgstrt, ["/X", "web"], failure(.unknownOption("/X"))),
    ParseCase(armgstrt, ["web", "/X"], failure(.unknownOption("/X"))),
    ParseCase(armload, ["/X", "nginx"], failure(.unknownOption("/X"))),
    ParseCase(armgwait, ["web", "/60"], failure(.unknownOption("/60"))),
    ParseCase(armvxset, ["/dev/sdb", "/dev/sdc"], result(operands: ["/dev/sdb", "/dev/sdc"])),
    ParseCase(armpause, ["/X", "text"], result(tail: ["/X", "text"])),
    // Rule 8: `/JSON` and `-JSON` are `--json`; elsewhere every spelling is the same usage error.
    ParseCase(armstat, ["/JSON", "group", "web"], result(["json": [""]], operands: ["group", "web"])),
    ParseCase(armstat, ["-json"], result(["json": [""]])),
    ParseCase(armsrvct, ["/l", "/JSON"], result(["L": [""], "json": [""]])),
    ParseCase(armgstrt, ["/JSON", "web"], failure(.jsonNotSupported)),
    ParseCase(armgstrt, ["web", "-JSON"], failure(.jsonNotSupported)),
    // `-` alone is an operand.
    ParseCase(armwhshr, ["-"], result(operands: ["-"])),
    // The tail takes its word and every later one verbatim; options must precede it.
    ParseCase(
        armload,
        ["web", "/W", "/usr/sbin/nginx", "-g", "daemon off;"],
        result(["W": [""]], operands: ["web"], tail: ["/usr/sbin/nginx", "-g", "daemon off;"])
    ),
    ParseCase(
        armload,
        ["web", "/W", "/usr/sbin/nginx", "-g", "/W"],
        result(["W": [""]], operands: ["web"], tail: ["/usr/sbin/nginx", "-g", "/W"])
    ),
    ParseCase(
        armload,
        ["/W", "web", "nginx", "/R", "3", "--json", "-h", "/?"],
        result(["W": [""]], operands: ["web"], tail: ["nginx", "/R", "3", "--json", "-h", "/?"])
    ),
    ParseCase(armload, ["web", "nginx", "--", "x"], result(operands: ["web"], tail: ["nginx", "--", "x"])),
    // `--` ends options.
    ParseCase(armload, ["web", "/W", "--", "/R"], result(["W": [""]], operands: ["web"], tail: ["/R"])),
    ParseCase(armload, ["--", "web", "-x", "/y"], result(operands: ["web"], tail: ["-x", "/y"])),
    ParseCase(armgetcd, ["--", "-odd"], result(operands: ["-odd"])),
    ParseCase(armgetcd, ["--", "--help"], result(operands: ["--help"])),
    ParseCase(armmode, ["--", "x"], failure(.unexpectedOperand("x"))),
    // A `-x` word before the tail is a usage error.
    ParseCase(armload, ["web", "-g", "nginx"], failure(.unknownOption("-g"))),
    ParseCase(armpause, ["Replace", "the", "tape", "-now"], result(tail: ["Replace", "the", "tape", "-now"])),
    ParseCase(armpause, [], result()),
    ParseCase(armpause, ["--", "-x"], result(tail: ["-x"])),
    // Optional and repeated operands; operand choices are case-insensitive and stored lowercased.
    ParseCase(armgwait, ["/STOP", "nightly", "900"], result(["STOP": [""]], operands: ["nightly", "900"])),
    ParseCase(armgwait, ["db"], result(operands: ["db"])),
    ParseCase(armgwait, ["a", "1", "2"], failure(.unexpectedOperand("2"))),
    ParseCase(
        armvxset,
        ["/REG", "vg_data", "vg_logs", "/Y"],
        result(["REG": [""], "Y": [""]], operands: ["vg_data", "vg_logs"])
    ),
    ParseCase(armvxset, [], result()),
    ParseCase(armstat, ["GROUP", "Web"], result(operands: ["group", "Web"])),
    ParseCase(armstat, [], result()),
    ParseCase(armstat, ["group", "web", "x"], failure(.unexpectedOperand("x"))),
]

/// Repeats, help and version (commands.md 1.2 rules 6, 7).
let repeatAndHelpCases: [ParseCase] = [
    ParseCase(armload, ["web", "/R", "2", "/R:5", "x"], result(["R": ["5"]], operands: ["web"], tail: ["x"])),
    ParseCase(armload, ["web", "/W", "/w", "x"], result(["W": [""]], operands: ["web"], tail: ["x"])),
    ParseCase(
        armrsp,
        ["/IP", "192.168.10.1,192.168.10.2", "/IP", "10.0.0.254"],
        result(["IP": ["192.168.10.1,192.168.10.2", "10.0.0.254"]])
    ),
    ParseCase(armrsp, ["/INT", "5", "/int", "7"], result(["INT": ["7"]])),
    ParseCase(armmode, ["/?"], result(help: true)),
    ParseCase(armmode, ["-?"], result(help: true)),
    ParseCase(armmode, ["--help"], result(help: true)),
    ParseCase(armmode, ["--HELP"], result(help: true)),
    ParseCase(armmode, ["-h"], result(help: true)),
    ParseCase(armmode, ["/H"], result(help: true)),
    ParseCase(armmode, ["--version"], result(version: true)),
    ParseCase(armgetcd, ["--VERSION"], result(version: true)),
    ParseCase(armload, ["--version", "/R", "0"], result(version: true)),
    // armload has an option H: `-h` and `/h` mean --hours there.
    ParseCase(armload, ["web", "-h", "24", "x"], result(["H": ["24"]], operands: ["web"], tail: ["x"])),
    ParseCase(armload, ["web", "/h"], failure(.missingValue(option: "/h"))),
    ParseCase(armload, ["web", "/?"], result(operands: ["web"], help: true)),
    // Help wins over errors before or after it, and operands are not checked.
    ParseCase(armload, ["/?"], result(help: true)),
    ParseCase(armgetcd, ["--bogus", "--help"], result(help: true)),
    ParseCase(armload, ["/usr/bin/x", "--help"], result(help: true)),
    ParseCase(armload, ["--help", "/R", "abc"], result(help: true)),
    ParseCase(armgetcd, ["-?", "a", "b", "c"], result(operands: ["a"], help: true)),
    // …but not after the tail has started.
    ParseCase(armload, ["web", "nginx", "--help"], result(operands: ["web"], tail: ["nginx", "--help"])),
]

/// The armsrvct grammar (commands.md 2.27): the first word selects the function.
let functionSelectorCases: [ParseCase] = [
    ParseCase(armsrvct, ["/v", "-t"], result(["V": [""]], operands: ["-t"])),
    ParseCase(armsrvct, ["/V"], result(["V": [""]])),
    ParseCase(armsrvct, ["-s"], result(["S": [""]])),
    ParseCase(armsrvct, ["--restart"], result(["R": [""]])),
    ParseCase(armsrvct, ["/t", "5", "-d"], result(["T": [""]], operands: ["5", "-d"])),
    ParseCase(armsrvct, ["/m", "-a"], result(["M": [""]], operands: ["-a"])),
    ParseCase(armsrvct, ["/d", "-a"], result(["D": [""]], operands: ["-a"])),
    ParseCase(armsrvct, ["/p", "prod"], result(["P": [""]], operands: ["prod"])),
    ParseCase(armsrvct, ["/l", "--json"], result(["L": [""], "json": [""]])),
    ParseCase(armsrvct, ["-?"], result(help: true)),
    ParseCase(armsrvct, ["--version"], result(version: true)),
    ParseCase(armsrvct, [], failure(.missingOperand("function"))),
    ParseCase(armsrvct, ["/x"], failure(.unknownOption("/x"))),
    ParseCase(armsrvct, ["prod"], failure(.unknownOption("prod"))),
    ParseCase(armsrvct, ["/v:1"], failure(.valueOnFlag(option: "/v"))),
]

@Suite("OptionParser", .timeLimit(.minutes(2)))
struct OptionParserTests {
    static func check(_ parseCase: ParseCase) {
        do {
            let parsed = try OptionParser.parse(parseCase.words, for: parseCase.spec)
            switch parseCase.expected {
            case .parsed(let expected): #expect(parsed == expected)
            case .error(let expected): Issue.record("expected \(expected), parsed \(parsed)")
            }
        } catch {
            switch parseCase.expected {
            case .parsed(let expected): Issue.record("expected \(expected), threw \(error)")
            case .error(let expected): #expect(error == expected)
            }
        }
    }

    @Test(
        "options are spelled /NAME, -NAME or --long, any case, with attached or separate values",
        arguments: spellingCases
    )
    func spellings(_ parseCase: ParseCase) { Self.check(parseCase) }

    @Test("every bad form is a usage error naming what is wrong", arguments: badFormCases)
    func badForms(_ parseCase: ParseCase) { Self.check(parseCase) }

    @Test(
        "slash words, dash words, the tail and -- are recognised as commands.md 1.2 says",
        arguments: operandCases
    )
    func operands(_ parseCase: ParseCase) { Self.check(parseCase) }

    @Test(
        "repeats keep the last value unless repeatable, and help wins before the tail",
        arguments: repeatAndHelpCases
    )
    func repeatsAndHelp(_ parseCase: ParseCase) { Self.check(parseCase) }

    @Test(
        "armsrvct's first word selects the function and later words stay verbatim",
        arguments: functionSelectorCases
    )
    func functionSelector(_ parseCase: ParseCase) { Self.check(parseCase) }

    @Test func thereAreAtLeastSixtyTableCases() {
        let count =
            spellingCases.count + badFormCases.count + operandCases.count + repeatAndHelpCases.count
            + functionSelectorCases.count
        #expect(count >= 60)
    }

    @Test func parsedIntegersReadBackAsInts() throws {
        let parsed = try OptionParser.parse(["web", "/R", "3", "/H", "24", "nginx"], for: TestSpecs.armload)
        #expect(parsed.integer("R") == 3 && parsed.integer("H") == 24)
        #expect(parsed.flag("W") == false)
    }

    @Test func slashWordsAfterTheProgramBelongToTheProgram() throws {
        let parsed = try OptionParser.parse(["web", "/W", "/usr/sbin/nginx", "-g", "/W"], for: TestSpecs.armload)
        #expect(parsed.flag("W") && parsed.tail == ["/usr/sbin/nginx", "-g", "/W"])
    }
}
