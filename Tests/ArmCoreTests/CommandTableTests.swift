import Testing

@testable import ArmCore

/// The 34 commands of commands.md section 3, in its order.
private let summaryTableNames = [
    "armload", "armkill", "armloadc", "armmode", "armfover", "armgstrt", "armgstop", "armgwait", "armcall",
    "armsetcd", "armgetcd", "armbcast", "armdown", "armstdn", "armsstdn", "armem", "armpause", "armsleep",
    "armrsp", "armwhshr", "armnsadd", "armnsdel", "mdopen", "mdclose", "armdelay", "armvxset", "armsrvct",
    "armlogcc", "armstat", "armcfg", "armsh", "armmond", "armmgrd", "armmirror",
]

/// The names the parameterised tests run over (names, so test output stays short).
let allCommandNames = CommandSpec.all.map(\.name)
let allCommandNamesAndArmtool = allCommandNames + ["armtool"]

/// The row of a name, armtool included.
func row(_ name: String) -> CommandSpec {
    CommandSpec.named(name) ?? .armtool
}

@Suite(.timeLimit(.minutes(2))) struct CommandTableTests {
    @Test func everyCommandOfTheSummaryTableHasARowInItsOrder() {
        #expect(summaryTableNames.count == 34)
        #expect(CommandSpec.all.map(\.name) == summaryTableNames)
    }

    @Test func commandNamesAreUnique() {
        #expect(Set(CommandSpec.all.map(\.name)).count == CommandSpec.all.count)
    }

    @Test(arguments: allCommandNamesAndArmtool)
    func slashNamesAreUniqueIgnoringCase(name: String) {
        let spec = row(name)
        let slashes = spec.options.compactMap { $0.slash?.uppercased() }
        #expect(Set(slashes).count == slashes.count, "\(spec.name): \(slashes)")
    }

    @Test(arguments: allCommandNamesAndArmtool)
    func longNamesAreUniqueIgnoringCase(name: String) {
        let spec = row(name)
        let longs = spec.options.map { $0.long.lowercased() }
        #expect(Set(longs).count == longs.count, "\(spec.name): \(longs)")
    }

    @Test(arguments: allCommandNames)
    func optionsNeverShadowHelpOrVersion(name: String) {
        let spec = row(name)
        for option in spec.options {
            #expect(option.slash != "?")
            #expect(!["help", "version"].contains(option.long.lowercased()), "\(spec.name) --\(option.long)")
        }
    }

    @Test(arguments: allCommandNamesAndArmtool)
    func atMostOneTailAndItIsLast(name: String) {
        let spec = row(name)
        let tails = spec.operands.indices.filter { spec.operands[$0].kind == .tail }
        #expect(tails.count <= 1, "\(spec.name)")
        if let tail = tails.first { #expect(tail == spec.operands.count - 1, "\(spec.name)") }
    }

    @Test(arguments: allCommandNames)
    func aRepeatedOperandIsLast(name: String) {
        let spec = row(name)
        if let repeated = spec.operands.firstIndex(where: { $0.kind == .repeated }) {
            #expect(repeated == spec.operands.count - 1, "\(spec.name)")
        }
    }

    @Test(arguments: allCommandNamesAndArmtool)
    func everyExitStatusListDocumentsSuccess(name: String) {
        let spec = row(name)
        #expect(spec.exitStatuses.contains { $0.status == .success }, "\(spec.name)")
        let statuses = spec.exitStatuses.map(\.status)
        #expect(Set(statuses).count == statuses.count, "\(spec.name) lists a status twice")
    }

    @Test(arguments: allCommandNames)
    func everyIntegerRangeIsUnsignedAndHoldsMoreThanOneValue(name: String) {
        let spec = row(name)
        for option in spec.options {
            if case .integer(_, let range) = option.value {
                #expect(range.lowerBound >= 0 && range.lowerBound < range.upperBound, "\(spec.name) /\(option.key)")
            }
        }
    }

    @Test(arguments: allCommandNames)
    func everyRowIsDocumented(name: String) {
        let spec = row(name)
        #expect(!spec.summary.isEmpty)
        #expect(!spec.synopsis.isEmpty)
        #expect(!spec.description.isEmpty)
        #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
        #expect(spec.manSection == 1 || spec.manSection == 8)
        #expect(spec.options.allSatisfy { !$0.help.isEmpty }, "\(spec.name) has an option without help")
    }

    @Test func namedIgnoresCaseAndOneTrailingExe() {
        #expect(CommandSpec.named("armload")?.name == "armload")
        #expect(CommandSpec.named("ARMLOAD")?.name == "armload")
        #expect(CommandSpec.named("ArmMode.EXE")?.name == "armmode")
        #expect(CommandSpec.named("MDOPEN.exe")?.name == "mdopen")
        #expect(CommandSpec.named("armload.exe.exe") == nil)
        #expect(CommandSpec.named("armtool") == nil)
        #expect(CommandSpec.named("armnothing") == nil)
        #expect(CommandSpec.named("") == nil)
    }

    @Test(
        arguments: [
            ("armstat", ["--bogus"], 2), ("armcall", ["--bogus"], 125), ("armload", ["/Z", "W", "x"], 2),
            ("armload", ["/w", "/Z", "W", "x"], 125), ("armload", ["W", "--SYNC", "/Z"], 125),
            ("armgetcd", ["/Z"], 255), ("armgetcd", ["-p", "/Z"], 2), ("armgetcd", ["--json", "/Z"], 2),
        ] as [(String, [String], Int32)]
    )
    func usageErrorsExitTwoExceptForTheWrappersAndPlainArmgetcd(name: String, words: [String], code: Int32) {
        #expect(row(name).usageExitCode(words: words) == code)
    }

    @Test func jsonIsOfferedOnlyByCommandsThatPrintState() {
        let withJSON = Set(CommandSpec.all.filter { $0.options.contains { $0.long == "json" } }.map(\.name))
        #expect(
            withJSON == ["armstat", "armgetcd", "armdelay", "armvxset", "armsrvct", "armlogcc", "armcfg", "armmirror"]
        )
    }

    @Test func armtoolDispatchesEveryCommandButTheSeparatePrograms() {
        #expect(CommandSpec.armtoolCommandNames.count == 31)
        for name in ["armmond", "armmgrd", "armsh"] {
            #expect(CommandSpec.named(name)?.isArmtoolCommand == false)
        }
        #expect(CommandSpec.armload.isArmtoolCommand)
        #expect(!CommandSpec.armtool.isArmtoolCommand)
    }

    @Test func helpAcceptsHIsFalseOnlyForArmload() {
        #expect(!CommandSpec.armload.helpAcceptsH)
        let others = CommandSpec.all.filter { $0.name != "armload" }
        #expect(others.allSatisfy { $0.helpAcceptsH })
    }

    @Test func armloadOptionsCarryTheRangesOfTheSpec() throws {
        func range(_ key: String) -> ClosedRange<Int>? {
            guard case .integer(_, let range) = CommandSpec.armload.options.first(where: { $0.key == key })?.value
            else { return nil }
            return range
        }
        #expect(range("R") == 1...9)
        #expect(range("H") == 1...24)
        #expect(range("WAIT") == 1...3600)
        #expect(range("INT") == 1...3600)
        let act = try #require(CommandSpec.armload.options.first { $0.key == "ACT" })
        guard case .choice(_, let words) = act.value else {
            Issue.record("/ACT is not a choice")
            return
        }
        #expect(words == ["failover", "shutdown", "none"])
        #expect(act.defaultText == "failover")
        #expect(CommandSpec.armload.operands.last?.kind == .tail)
        #expect(CommandSpec.armload.synopsis.count == 3)
    }

    @Test func theWrappersHaveTheirTailAtTheFirstOperand() {
        #expect(CommandSpec.armcall.operands.map(\.kind) == [.tail])
        #expect(CommandSpec.armpause.operands.map(\.kind) == [.tail])
    }

    @Test func armrspIPIsTheOnlyRepeatableOption() {
        let repeatable = CommandSpec.all.flatMap { spec in
            spec.options.filter(\.isRepeatable).map { spec.name + " /" + $0.key }
        }
        #expect(repeatable == ["armrsp /IP"])
    }

    @Test func armsrvctSelectsAFunctionWithItsFirstWord() {
        #expect(CommandSpec.armsrvct.grammar == .functionSelector)
        #expect(CommandSpec.all.filter { $0.grammar == .functionSelector }.map(\.name) == ["armsrvct"])
        let functions = CommandSpec.armsrvct.options.filter { $0.long != "json" }.compactMap(\.slash)
        #expect(functions == ["s", "q", "r", "t", "m", "p", "v", "d", "l"])
    }

    @Test func subcommandOperandsListTheirWords() {
        #expect(
            CommandSpec.armstat.operands.first?.choices
                == ["all", "cluster", "server", "group", "resource", "armload", "mirror", "share"]
        )
        #expect(CommandSpec.armcfg.operands.first?.choices == ["check", "show", "apply", "keygen", "init-lock"])
        #expect(CommandSpec.armem.operands.first?.choices == ["on", "off", "show"])
        #expect(CommandSpec.armmirror.operands.first?.choices == ["build", "verify", "stop", "force"])
    }

    @Test func administrationCommandsAreInSectionEight() {
        let eight = Set(CommandSpec.all.filter { $0.manSection == 8 }.map(\.name))
        #expect(
            eight == [
                "armmond", "armmgrd", "armvxset", "armcfg", "armsrvct", "armdown", "armstdn", "armsstdn", "armdelay",
                "armmode", "armem", "armlogcc", "armmirror",
            ]
        )
    }

    @Test func accessFollowsTheSummaryTable() {
        #expect(CommandSpec.armgwait.access == .readOnly)
        #expect(CommandSpec.armload.access == .mutating)
        #expect(CommandSpec.armsleep.access == .none)
        #expect(CommandSpec.armem.access == .mixed)
        #expect(CommandSpec.armmond.messagePrefix == "MONITOR")
        #expect(CommandSpec.mdopen.messagePrefix == "MDOPEN")
    }

    @Test func armgetcdDocumentsItsOwnExitCodes() {
        #expect(CommandSpec.armgetcd.otherExitCodes.map(\.code) == ["0-253", "254", "255"])
    }
}
