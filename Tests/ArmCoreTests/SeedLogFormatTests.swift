import ArmCore
import Testing

private let jst = 32_400

private func at(_ epochMilliseconds: Int64, _ offset: Int = jst) -> WallTime {
    WallTime(epochMilliseconds: epochMilliseconds, utcOffsetSeconds: offset)
}

struct TimestampCase: Sendable, CustomTestStringConvertible {
    let wall: WallTime
    let expected: String
    var testDescription: String { expected }
}

let timestampCases: [TimestampCase] = [
    TimestampCase(wall: at(1_741_911_123_417), expected: "2025-03-14T09:12:03.417+09:00"),
    TimestampCase(wall: at(1_741_911_280_002), expected: "2025-03-14T09:14:40.002+09:00"),
    TimestampCase(wall: at(1_709_270_999_999, -19_800), expected: "2024-02-29T23:59:59.999-05:30"),
    TimestampCase(wall: at(-1, 0), expected: "1969-12-31T23:59:59.999+00:00"),
    TimestampCase(wall: at(0, 0), expected: "1970-01-01T00:00:00.000+00:00"),
    TimestampCase(wall: at(951_868_800_000, 0), expected: "2000-03-01T00:00:00.000+00:00"),
    TimestampCase(wall: at(951_868_799_999, 0), expected: "2000-02-29T23:59:59.999+00:00"),
    TimestampCase(wall: at(4_102_444_800_000, 0), expected: "2100-01-01T00:00:00.000+00:00"),
    TimestampCase(wall: at(253_402_300_799_999, 0), expected: "9999-12-31T23:59:59.999+00:00"),
    // Local midnight crossing: 2025-01-01T00:30 in +09:00 is still 2024-12-31 in UTC.
    TimestampCase(wall: at(1_735_659_000_000), expected: "2025-01-01T00:30:00.000+09:00"),
]

@Suite("SeedLogFormat", .timeLimit(.minutes(2)))
struct SeedLogFormatTests {
    @Test("timestamps are local time with a numeric offset, 29 characters", arguments: timestampCases)
    func timestamp(_ timestampCase: TimestampCase) {
        let text = SeedLogFormat.timestamp(timestampCase.wall)
        #expect(text == timestampCase.expected)
        #expect(text.count == 29)
    }

    @Test func everyDayOfFourHundredYearsMatchesANaiveCalendar() {
        // Step a naive Gregorian calendar one day at a time, 1970 to 2370, and compare.
        var (year, month, day) = (1970, 1, 1)
        var mismatches: [String] = []
        for dayNumber in Int64(0)...146_097 {
            let expected =
                "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00.000+00:00"
            let text = SeedLogFormat.timestamp(at(dayNumber * 86_400_000, 0))
            if text != expected, mismatches.count < 5 { mismatches.append("\(text) != \(expected)") }
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            day += 1
            if day > length { (day, month) = (1, month + 1) }
            if month > 12 { (month, year) = (1, year + 1) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect((year, month, day) == (2370, 1, 2))
    }

    @Test(arguments: [
        ("plain", "plain"), ("", "-"), ("a\\b", "a\\\\b"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"),
        ("a\rb", "a\\rb"), ("a\u{1}b", "a\\x01b"), ("\u{1B}[0m", "\\x1b[0m"), ("日本語", "日本語"), ("\u{7F}", "\u{7F}"),
    ])
    func fieldsAreEscaped(raw: String, escaped: String) {
        #expect(SeedLogFormat.escapeField(raw) == escaped)
    }

    @Test func armLogLinesMatchTheSpecExamples() {
        #expect(
            SeedLogFormat.armLogLine(
                time: at(1_741_911_123_417),
                server: "s1",
                source: "ARMLOAD",
                pid: 48211,
                severity: .info,
                id: "ARMLOAD-01",
                text: "ARMLoad(WID=WEB) succeeded."
            ) == "2025-03-14T09:12:03.417+09:00\ts1\tARMLOAD\t48211\tINFO\tARMLOAD-01\tARMLoad(WID=WEB) succeeded."
        )
        let refusal = CatalogMessage(.armgstrt04, ["web", "s2"])
        #expect(
            SeedLogFormat.armLogLine(
                time: at(1_741_911_280_002),
                server: "s1",
                pid: 48377,
                message: refusal,
                language: .en
            )
                == "2025-03-14T09:14:40.002+09:00\ts1\tARMGSTRT\t48377\tWARN\tARMGSTRT-04\t"
                + "ARMGSTRT is not in a state where the specified operation can be performed. group-name=web server=s2"
        )
        #expect(
            SeedLogFormat.armLogLine(
                time: at(1_741_911_611_950),
                server: "s2",
                pid: 1022,
                message: CatalogMessage(.monitor03),
                language: .en
            ) == "2025-03-14T09:20:11.950+09:00\ts2\tMONITOR\t1022\tINFO\tMONITOR-03\tStarting failover processing."
        )
    }

    @Test func armsvrLinesMatchTheSpecExamples() {
        #expect(
            SeedLogFormat.armsvrLine(
                time: at(1_741_911_611_948),
                server: "s2",
                module: "STC",
                severity: .error,
                id: "STC-054",
                text: "Detected the down of server s1."
            ) == "2025-03-14T09:20:11.948+09:00\ts2\tSTC\tERROR\tSTC-054\tDetected the down of server s1."
        )
        let text = CatalogMessage(.rsc010, ["web-ip", 0]).text(.en)
        #expect(
            SeedLogFormat.armsvrLine(
                time: at(1_741_911_612_301),
                server: "s2",
                module: "RSC",
                severity: .info,
                id: "RSC-010",
                text: text
            )
                == "2025-03-14T09:20:12.301+09:00\ts2\tRSC\tINFO\tRSC-010\t"
                + "Activation processing of resource web-ip succeeded. (elapsed time 0 seconds)"
        )
    }

    @Test func armscrLinesMatchTheSpecExamples() {
        func line(_ time: Int64, _ kind: ScriptRecordKind, _ text: String) -> String {
            SeedLogFormat.armscrLine(
                time: at(time),
                server: "s2",
                group: "web",
                event: "FAILOVER",
                script: "web/start.sh",
                run: "9f03c2a1",
                kind: kind,
                text: text
            )
        }
        #expect(
            line(1_741_911_612_310, .begin, "pid=51200 timeout=600s factor=SERVERDOWN")
                == "2025-03-14T09:20:12.310+09:00\ts2\tweb\tFAILOVER\tweb/start.sh\t9f03c2a1\tBEGIN\t"
                + "pid=51200 timeout=600s factor=SERVERDOWN"
        )
        #expect(
            line(1_741_911_613_842, .end, "exit=0 duration=1.532s")
                == "2025-03-14T09:20:13.842+09:00\ts2\tweb\tFAILOVER\tweb/start.sh\t9f03c2a1\tEND\texit=0 duration=1.532s"
        )
        #expect(line(1_741_911_613_842, .out, "").hasSuffix("\tOUT\t-"))
        #expect(line(1_741_911_613_842, .err, "a\tb").hasSuffix("\tERR\ta\\tb"))
    }

    @Test func eventsLinesMatchTheSpecExamples() {
        #expect(
            SeedLogFormat.eventsLine(
                time: at(1_741_911_611_949),
                server: "s2",
                source: "ARM",
                id: 2212,
                level: .error,
                text: "Server s1 went down."
            ) == "2025-03-14T09:20:11.949+09:00\ts2\tARM\t2212\tERROR\tServer s1 went down."
        )
    }

    @Test func longLinesAreCutAt8192BytesWithAMarker() {
        let text = String(repeating: "x", count: 10_000)
        let line = SeedLogFormat.armsvrLine(
            time: at(0),
            server: "s1",
            module: "RSC",
            severity: .info,
            id: "T3",
            text: text
        )
        #expect(line.utf8.count == 8192)
        #expect(line.hasSuffix("x…[truncated]"))
        #expect(line.hasPrefix("1970-01-01T09:00:00.000+09:00\ts1\tRSC\tINFO\tT3\txxx"))
    }

    @Test func cutsNeverSplitACharacterOrAnEscape() {
        for filler in 0..<4 {
            let text = String(repeating: "a", count: filler) + String(repeating: "日\n", count: 3000)
            let line = SeedLogFormat.armsvrLine(
                time: at(0),
                server: "s1",
                module: "RSC",
                severity: .info,
                id: "T3",
                text: text
            )
            #expect(line.utf8.count <= 8192)
            #expect(line.utf8.count > 8192 - 6)
            #expect(line.hasSuffix("日\\n…[truncated]") || line.hasSuffix("日…[truncated]"))
        }
    }

    @Test func lineExactlyAtTheLimitIsKept() {
        let prefix = SeedLogFormat.armsvrLine(
            time: at(0),
            server: "s1",
            module: "RSC",
            severity: .info,
            id: "T3",
            text: ""
        )
        let room = 8192 - (prefix.utf8.count - 1)
        let line = SeedLogFormat.armsvrLine(
            time: at(0),
            server: "s1",
            module: "RSC",
            severity: .info,
            id: "T3",
            text: String(repeating: "y", count: room)
        )
        #expect(line.utf8.count == 8192)
        #expect(!line.hasSuffix("[truncated]"))
    }

    @Test func jsonLinesHaveTheKeysInOrder() {
        #expect(
            SeedLogFormat.armLogJSON(
                time: at(1_741_911_123_417),
                server: "s1",
                source: "ARMLOAD",
                pid: 48211,
                severity: .info,
                id: "ARMLOAD-01",
                text: "ARMLoad(WID=WEB) succeeded.",
                arguments: ["WEB"]
            )
                == #"{"ts":"2025-03-14T09:12:03.417+09:00","server":"s1","log":"arm","source":"ARMLOAD","pid":48211,"#
                + #""class":"INFO","id":"ARMLOAD-01","text":"ARMLoad(WID=WEB) succeeded.","args":["WEB"]}"#
        )
        #expect(
            SeedLogFormat.armscrJSON(
                time: at(0, 0),
                server: "s2",
                group: "web",
                event: "START",
                script: "web/start.sh",
                run: "00000001",
                kind: .begin,
                text: "pid=5 timeout=600s factor=-",
                fields: .begin(pid: 5, timeoutSeconds: 600, factor: "-")
            )
                == #"{"ts":"1970-01-01T00:00:00.000+00:00","server":"s2","log":"armscr","group":"web","event":"START","#
                + #""script":"web/start.sh","run":"00000001","kind":"BEGIN","text":"pid=5 timeout=600s factor=-","#
                + #""pid":5,"timeout_s":600,"factor":"-"}"#
        )
        #expect(
            SeedLogFormat.armscrJSON(
                time: at(0, 0),
                server: "s2",
                group: "web",
                event: "START",
                script: "web/start.sh",
                run: "00000001",
                kind: .end,
                text: "signal=SIGKILL duration=1.000s",
                fields: .end(exit: nil, signal: "SIGKILL", timedOut: false, durationMilliseconds: 1000, dropped: 0)
            ).hasSuffix(#""exit":null,"signal":"SIGKILL","timed_out":false,"duration_ms":1000,"dropped":0}"#)
        )
        #expect(
            SeedLogFormat.eventsJSON(
                time: at(0, 0),
                server: "s2",
                source: "ARM",
                id: 30050,
                level: .info,
                text: "Broadcast from server s1: hi",
                arguments: ["s1", "hi"],
                alert: true
            ).hasSuffix(
                #""source":"ARM","event_id":30050,"level":"INFO","text":"Broadcast from server s1: hi","args":["s1","hi"],"alert":true}"#
            )
        )
        #expect(
            SeedLogFormat.armsvrJSON(
                time: at(0, 0),
                server: "s2",
                module: "RSC",
                severity: .error,
                id: "RSC-005",
                text: "x",
                arguments: []
            ).hasSuffix(#""log":"armsvr","module":"RSC","class":"ERROR","id":"RSC-005","text":"x","args":[]}"#)
        )
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
        #expect(SeedLogFormat.jsonString("a\"b\\c\nd\te\u{1}f日") == #""a\"b\\c\nd\te\u0001f日""#)
    }
}
