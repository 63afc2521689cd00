import ArmCore
import Testing

/// Sample arguments: enough of every kind for any template.
private let sampleArguments: [FormatArgument] = ["WEB", 60, 2, "x", 5, "y", 7, "z", 9, "w"]

@Suite("MessageCatalog", .timeLimit(.minutes(2)))
struct MessageCatalogTests {
    @Test func everyEntryRendersInBothLanguages() {
        for entry in MessageCatalog.all {
            for language in [Language.en, .ja] {
                let text = CatalogMessage(entry, sampleArguments).text(language)
                #expect(!text.isEmpty, "\(entry.id) \(language)")
                #expect(!text.contains("%s") && !text.contains("%d"), "\(entry.id) \(language): \(text)")
            }
        }
    }

    @Test func idsAreUnique() {
        var seen: Set<String> = []
        for entry in MessageCatalog.all {
            #expect(seen.insert(entry.id).inserted, "duplicate \(entry.id)")
        }
        #expect(MessageCatalog.all.count == seen.count)
    }

    @Test func japaneseTextsHaveTheEnglishPlaceholders() {
        for entry in MessageCatalog.all {
            let english = SeedFormat.placeholders(in: entry.en).sorted()
            let japanese = SeedFormat.placeholders(in: entry.ja).sorted()
            #expect(english == japanese, "\(entry.id): \(english) vs \(japanese)")
        }
    }

    @Test func sequentialPlaceholdersAppearInTheSameOrderInBothLanguages() {
        // %s/%d take the arguments in order, so the Japanese order must match the English one; %1…%n name
        // their argument and may move (`サーバ%2でグループ%1`).
        func sequential(_ template: String) -> [String] {
            SeedFormat.placeholders(in: template).filter { !$0.dropFirst().allSatisfy(\.isNumber) }
        }
        for entry in MessageCatalog.all {
            #expect(sequential(entry.en) == sequential(entry.ja), "\(entry.id)")
        }
    }

    @Test func japaneseTextsAreJapaneseAndEnglishTextsAreNot() {
        for entry in MessageCatalog.all where entry.id != "MON-001" {
            #expect(entry.ja != entry.en, "\(entry.id)")
            #expect(entry.en.unicodeScalars.allSatisfy { $0.isASCII }, "\(entry.id)")
        }
    }

    @Test func noSeedProductNamesRemain() {
        for entry in MessageCatalog.all {
            for text in [entry.en, entry.ja] {
                #expect(!text.contains("CLUSTERPRO") && !text.contains("Win32"), "\(entry.id): \(text)")
                #expect(!text.contains("STARTUP") && !text.contains("SHUTDOWN"), "\(entry.id): \(text)")
            }
        }
    }

    /// Rows each command has (commands.md section 2), numbered from 01 without gaps.
    static let rowCounts: [(String, Int)] = [
        ("ARMLOAD", 30), ("ARMKILL", 8), ("ARMLOADC", 5), ("ARMMODE", 4), ("ARMFOVER", 4), ("ARMGSTRT", 4),
        ("ARMGSTOP", 4), ("ARMGWAIT", 4), ("ARMCALL", 7), ("ARMSETCD", 4), ("ARMGETCD", 4), ("ARMBCAST", 4),
        ("ARMDOWN", 5), ("ARMSTDN", 4), ("ARMSSTDN", 5), ("ARMEM", 3), ("ARMPAUSE", 3), ("ARMSLEEP", 2),
        ("ARMRSP", 7), ("ARMWHSHR", 4), ("ARMNSADD", 3), ("ARMNSDEL", 3), ("MDOPEN", 4), ("MDCLOSE", 4),
        ("ARMDELAY", 1), ("ARMVXSET", 2), ("ARMSRVCT", 1), ("ARMLOGCC", 3), ("ARMCFG", 2), ("ARMMIRROR", 2),
        ("MONITOR", 6), ("ARMSTAT", 1), ("ARMSH", 0), ("ARMMGRD", 0),
    ]

    @Test(arguments: rowCounts.map { $0.0 })
    func everyCommandHasItsRowsAndTheGenericOnes(prefix: String) throws {
        let count = try #require(Self.rowCounts.first { $0.0 == prefix }?.1)
        for row in 1...max(count, 1) where count > 0 {
            let id = "\(prefix)-\(row < 10 ? "0" : "")\(row)"
            #expect(MessageCatalog.entry(id) != nil, "missing \(id)")
        }
        let next = count + 1
        #expect(MessageCatalog.entry("\(prefix)-\(next < 10 ? "0" : "")\(next)") == nil)
        for generic in ["90", "91", "92"] {
            #expect(MessageCatalog.entry("\(prefix)-\(generic)") != nil, "missing \(prefix)-\(generic)")
        }
        #expect(MessageCatalog.prefixes.contains(prefix))
    }

    @Test func prefixesCoverEveryCommand() {
        #expect(MessageCatalog.prefixes.count == 34)
        #expect(Set(MessageCatalog.prefixes).count == 34)
    }

    @Test func armsvrEntriesArePresent() {
        var ids = (1...18).map { "RSC-0\($0 < 10 ? "0" : "")\($0)" }
        ids += (1...4).map { "MON-00\($0)" } + (1...8).map { "STC-00\($0)" } + (1...3).map { "CFG-00\($0)" }
        ids += (9000...9005).map { "SCRPT-\($0)" } + ["HB-007", "STC-039", "STC-042"]
        for id in ids {
            #expect(MessageCatalog.entry(id) != nil, "missing \(id)")
        }
    }

    @Test func eventEntriesArePresentAndNumbered() {
        let ids = [
            "2", "1100", "1101", "2006", "2007", "9000", "9001", "9002", "9003", "9004", "9005", "14000", "14001",
            "14015", "14016", "14020", "14021",
        ]
        for id in ids {
            let entry = MessageCatalog.entry(id)
            #expect(entry != nil, "missing event \(id)")
            #expect(entry.map { Int($0.id) != nil } ?? false, "\(id) is not an event number")
        }
    }

    @Test func scriptRowsShareTheEventTexts() {
        let pairs: [(CatalogEntry, CatalogEntry)] = [
            (.scrpt9000, .event9000), (.scrpt9001, .event9001), (.scrpt9002, .event9002), (.scrpt9003, .event9003),
            (.scrpt9004, .event9004), (.scrpt9005, .event9005),
        ]
        for (row, event) in pairs {
            #expect(row.en == event.en && row.ja == event.ja && row.severity == event.severity, "\(row.id)")
        }
    }

    @Test func theMonitorsOwnRowsCarryArmmondsPID() {
        // config-and-files §4.2: MONITOR lines and the seed's "command monitoring process" lines carry
        // armmond's PID; the English text is only this test's way to find the latter.
        for entry in MessageCatalog.all {
            let isMonitorLine =
                entry.source == "MONITOR" && !["90", "91", "92"].contains(String(entry.id.suffix(2)))
            let expected: PIDColumn =
                isMonitorLine || entry.en.hasPrefix("The command monitoring process") ? .monitor : .caller
            #expect(entry.pidColumn == expected, "\(entry.id)")
        }
        #expect(CatalogEntry.armload09.pidColumn == .monitor && CatalogEntry.armload01.pidColumn == .caller)
    }

    @Test func groupLogLinesMapToTheirRows() {
        let lines: [GroupLogLine] = [
            .startStarted, .startSucceeded, .startFailed, .stopStarted, .stopSucceeded, .stopFailed,
            .eventGroupStarted, .eventGroupStopped,
        ]
        #expect(
            lines.map(\.entry.id) == [
                "RSC-003", "RSC-004", "RSC-005", "RSC-006", "RSC-007", "RSC-008", "2007", "2006",
            ]
        )
        #expect(lines.filter(\.isEvent) == [.eventGroupStarted, .eventGroupStopped])
    }

    @Test func lookupIsCaseInsensitiveAndUnknownIDsAreNil() {
        #expect(MessageCatalog.entry("armload-01") == .armload01)
        #expect(MessageCatalog.entry("ARMLOAD-99") == nil)
        #expect(MessageCatalog.entry("") == nil)
    }

    // MARK: Exact texts

    @Test func englishTextsAreExactlyTheSpecs() {
        #expect(CatalogEntry.armload01.en == "ARMLoad(WID=%0.16s) succeeded.")
        #expect(
            CatalogEntry.armload09.en
                == "The command monitoring process (WID=%0.16s) detected the disappearance of the application. "
                + "The exit code is %d."
        )
        #expect(
            CatalogEntry.armgstrt04.en
                == "ARMGSTRT is not in a state where the specified operation can be performed. group-name=%s server=%s"
        )
        #expect(CatalogEntry.armcall01.en == "ARMCALL succeeded. command name=%16s.")
        #expect(
            CatalogEntry.armstdn03.en
                == "ARMSTDN failed in internal processing (%03d). The error code is 0x%x. Option=%s"
        )
        #expect(CatalogEntry.armgwait03.en == "ARMGWAIT timed out. ( %d)")
        #expect(CatalogEntry.armsstdn04.en == "Cluster shutdown failed. The armmond service is not started.")
        #expect(CatalogEntry.armloadc05.ja.contains("システムAPI"))
        #expect(CatalogEntry.armrsp02.en == "ARMRSP failed in monitor API (%s). The error code is 0x%x.")
        #expect(CatalogEntry.monitor03.en == "Starting failover processing.")
        #expect(CatalogEntry.monitor03.ja == "フェイルオーバー処理を開始します。")
        #expect(CatalogEntry.mdclose03.en == "MDCLOSE is not in a state where it can be executed (%03d). mirror-set=%s")
        #expect(CatalogEntry.armstat90.en == "ARMSTAT received an invalid parameter.")
        #expect(CatalogEntry.monitor90.en == "ARMMOND received an invalid parameter.")
        #expect(CatalogEntry.armdelay91.en == "ARMDELAY failed in internal processing (%03d). The error code is 0x%x.")
        #expect(CatalogEntry.armcall92.en == "ARMCALL is not in a state where it can be executed.")
        #expect(CatalogEntry.rsc010.en == "Activation processing of resource %1 succeeded. (elapsed time %2 seconds)")
        #expect(
            CatalogEntry.scrpt9000.en
                == "Execution of the start script of group %1 did not complete within the specified time. "
                + "Shutting down the server."
        )
    }

    @Test func renderedTextsMatchTheSpecExamples() {
        #expect(CatalogMessage(.armload01, ["WEB"]).text(.en) == "ARMLoad(WID=WEB) succeeded.")
        #expect(
            CatalogMessage(.armgstrt04, ["web", "s2"]).text(.en)
                == "ARMGSTRT is not in a state where the specified operation can be performed. group-name=web server=s2"
        )
        #expect(
            CatalogMessage(.armkill07, ["WEB", 60, 3]).text(.en)
                == "ARMKILL(WID=WEB) failed in internal processing (3060). The error code is 0x3."
        )
        #expect(
            CatalogMessage(.armload07, ["WEB", 1, 111]).text(.ja)
                == "ARMLoad(WID=WEB)は内部処理(1001)に失敗しました。エラーコードは0x6fです。"
        )
        #expect(
            CatalogMessage(.armcall01, ["reindex"]).text(.en) == "ARMCALL succeeded. command name=         reindex."
        )
    }

    // MARK: Statuses and classes

    @Test func statusesFollowTheConditions() {
        #expect(CatalogEntry.armload03.status == .usage)
        #expect(CatalogEntry.armload02.status == .busy)
        #expect(CatalogEntry.armload15.status == .refused)
        #expect(CatalogEntry.armload30.status == .refused)
        #expect(CatalogEntry.armload06.status == .timeout)
        #expect(CatalogEntry.armload12.status == .notFound)
        #expect(CatalogEntry.armcall02.status == .wrapFailed)
        #expect(CatalogEntry.armcall06.status == .notExecutable)
        #expect(CatalogEntry.armsstdn04.status == .monitorUnreachable)
        #expect(CatalogEntry.armgwait03.status == .timeout)
        #expect(CatalogEntry.armkill02.status == .notFound)
        #expect(CatalogEntry.armmode91.status == .internal)
    }

    @Test func classesFollowTheARMLogRule() {
        // INFO: success and report lines, every MONITOR line.
        let generic: Set<Substring> = ["90", "91", "92"]
        for entry in MessageCatalog.all where entry.source == "MONITOR" && !generic.contains(entry.id.suffix(2)) {
            #expect(entry.severity == .info, "\(entry.id)")
        }
        for entry in [CatalogEntry.armload01, .armload16, .armload19, .armload20, .armdown03, .armfover01] {
            #expect(entry.severity == .info, "\(entry.id)")
        }
        // WARN: refusals and observed behaviour.
        for entry in [
            CatalogEntry.armgstrt04, .armload06, .armload09, .armload27, .armload28, .armkill04, .armgwait03,
            .armmode03, .armcall92,
        ] {
            #expect(entry.severity == .warn, "\(entry.id)")
        }
        // ERROR: everything else.
        for entry in [CatalogEntry.armload03, .armload07, .armload11, .armstat90, .armstat91, .armsrvct01] {
            #expect(entry.severity == .error, "\(entry.id)")
        }
        // Every "is not in a state" text is WARN and exit 4; every "received an invalid parameter" is ERROR.
        for entry in MessageCatalog.all where entry.en.contains("is not in a state") {
            #expect(entry.severity == .warn && entry.status == .refused, "\(entry.id)")
        }
        for entry in MessageCatalog.all where entry.en.contains("received an invalid parameter") {
            #expect(entry.severity == .error, "\(entry.id)")
        }
    }

    @Test func armsvrClassesMapToStatuses() {
        #expect(CatalogEntry.rsc005.severity == .error && CatalogEntry.rsc005.status == .failed)
        #expect(CatalogEntry.rsc004.severity == .info && CatalogEntry.rsc004.status == .success)
        #expect(CatalogEntry.cfg003.severity == .warn && CatalogEntry.cfg003.status == .success)
        #expect(CatalogEntry.scrpt9004.severity == .warn)
        #expect(CatalogEntry.rsc010.source == "RSC" && CatalogEntry.scrpt9000.source == "SCRPT")
    }

    // MARK: Seed-specific or generic rows

    @Test(arguments: [
        ("ARMLOAD", "ARMLOAD-03"), ("armgstrt", "ARMGSTRT-02"), ("ARMRSP", "ARMRSP-01"), ("ARMSSTDN", "ARMSSTDN-05"),
        ("ARMWHSHR", "ARMWHSHR-01"), ("ARMSTAT", "ARMSTAT-90"), ("ARMDELAY", "ARMDELAY-90"), ("MONITOR", "MONITOR-90"),
        ("ARMSRVCT", "ARMSRVCT-90"), ("ARMMIRROR", "ARMMIRROR-90"),
    ])
    func invalidParameterPicksTheSeedRowElseNinety(prefix: String, id: String) {
        let entry = MessageCatalog.invalidParameter(prefix: prefix)
        #expect(entry.id == id)
        #expect(entry.status == .usage || entry.status == .wrapFailed)
    }

    @Test(arguments: [
        ("ARMLOAD", "ARMLOAD-07"), ("ARMGSTRT", "ARMGSTRT-03"), ("ARMLOADC", "ARMLOADC-05"),
        ("ARMSSTDN", "ARMSSTDN-03"), ("ARMPAUSE", "ARMPAUSE-91"), ("ARMSTAT", "ARMSTAT-91"), ("ARMCFG", "ARMCFG-91"),
    ])
    func internalErrorPicksTheSeedRowElseNinetyOne(prefix: String, id: String) {
        #expect(MessageCatalog.internalError(prefix: prefix).id == id)
    }

    @Test(arguments: [
        ("ARMLOAD", "ARMLOAD-30"), ("ARMGSTRT", "ARMGSTRT-04"), ("ARMMODE", "ARMMODE-03"), ("MDOPEN", "MDOPEN-03"),
        ("ARMCALL", "ARMCALL-92"), ("ARMSETCD", "ARMSETCD-92"), ("ARMGWAIT", "ARMGWAIT-92"),
        ("ARMSSTDN", "ARMSSTDN-92"),
    ])
    func notInStatePicksTheSeedRowElseNinetyTwo(prefix: String, id: String) {
        let entry = MessageCatalog.notInState(prefix: prefix)
        #expect(entry.id == id)
        #expect(entry.status == .refused)
    }

    @Test func unknownPrefixesStillGetAGenericRow() {
        let entry = MessageCatalog.invalidParameter(prefix: "armnew")
        #expect(entry.id == "ARMNEW-90")
        #expect(CatalogMessage(entry).text(.en) == "ARMNEW received an invalid parameter.")
        #expect(MessageCatalog.internalError(prefix: "ARMNEW").id == "ARMNEW-91")
        #expect(MessageCatalog.notInState(prefix: "ARMNEW").id == "ARMNEW-92")
    }

    @Test func genericInternalErrorTakesStepAndCode() {
        let message = CatalogMessage(MessageCatalog.internalError(prefix: "ARMSTAT"), [1, 111])
        #expect(message.text(.en) == "ARMSTAT failed in internal processing (001). The error code is 0x6f.")
        #expect(message.text(.ja) == "ARMSTATは内部処理(001)に失敗しました。エラーコードは0x6fです。")
    }

    // MARK: CatalogMessage

    @Test func statusOverrideReplacesTheEntryStatus() {
        #expect(CatalogMessage(.armload02, ["web"]).status == .busy)
        #expect(CatalogMessage(.armload02, ["-web"], statusOverride: .usage).status == .usage)
    }

    @Test func stderrLineAppendsTheDetail() {
        let message = CatalogMessage(.armload03, detail: "unknown option /Z")
        #expect(
            message.stderrLine(command: "armload", language: .en)
                == "armload: ARMLoad received an invalid parameter. (unknown option /Z)"
        )
        #expect(
            message.stderrLine(command: "armload", language: .ja)
                == "armload: ARMLoadは無効なパラメータを受け取りました。 (unknown option /Z)"
        )
    }
}

struct LanguageCase: Sendable, CustomTestStringConvertible {
    let environment: [String: String]
    let expected: Language
    var testDescription: String { "\(environment.sorted { $0.key < $1.key }) → \(expected)" }
}

let languageCases: [LanguageCase] = [
    LanguageCase(environment: [:], expected: .en),
    LanguageCase(environment: ["LANG": "ja_JP.UTF-8"], expected: .ja),
    LanguageCase(environment: ["LANG": "ja_JP"], expected: .ja),
    LanguageCase(environment: ["LANG": "C.UTF-8"], expected: .en),
    LanguageCase(environment: ["LANG": "ja"], expected: .en),
    LanguageCase(environment: ["LC_MESSAGES": "ja_JP.eucJP", "LANG": "C"], expected: .ja),
    LanguageCase(environment: ["LC_ALL": "C", "LC_MESSAGES": "ja_JP.UTF-8"], expected: .en),
    LanguageCase(environment: ["LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"], expected: .ja),
    LanguageCase(environment: ["LC_ALL": "", "LANG": "ja_JP.UTF-8"], expected: .ja),
    LanguageCase(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"], expected: .en),
]

@Test(
    "the first set of LC_ALL, LC_MESSAGES, LANG chooses the language",
    .timeLimit(.minutes(2)),
    arguments: languageCases
)
func languageFromEnvironment(_ languageCase: LanguageCase) {
    #expect(Language.from(environment: languageCase.environment) == languageCase.expected)
}
