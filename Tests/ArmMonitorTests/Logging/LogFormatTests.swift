import ArmCore
import ArmMonitor
import ArmTesting
import Logging
import Testing

@Suite(.timeLimit(.minutes(2))) struct LogFormatTests {
    @Test(arguments: [
        (
            WallTime(epochMilliseconds: 1_741_911_123_417, utcOffsetSeconds: 9 * 3600), false,
            "2025-03-14T09:12:03.417+09:00"
        ),
        (
            WallTime(epochMilliseconds: 1_741_911_123_417, utcOffsetSeconds: 9 * 3600), true,
            "2025-03-14T00:12:03.417+00:00"
        ),
        (WallTime(epochMilliseconds: 0, utcOffsetSeconds: -(5 * 3600 + 1800)), false, "1969-12-31T18:30:00.000-05:30"),
        (WallTime(epochMilliseconds: 951_782_400_005, utcOffsetSeconds: 0), false, "2000-02-29T00:00:00.005+00:00"),
    ])
    func timestampsHaveTheFixedLayout(time: WallTime, utc: Bool, expected: String) {
        let text = LogLineFormat.timestamp(time, utc: utc)
        #expect(text == expected)
        #expect(text.count == 29)
    }

    @Test func fieldsAreEscapedAndEmptyFieldsAreDashes() {
        #expect(LogLineFormat.field("a\tb\nc\rd\\e\u{1}f") == "a\\tb\\nc\\rd\\\\e\\x01f")
        #expect(LogLineFormat.field("") == "-")
        #expect(LogLineFormat.line(["x", "", "y z"]) == "x\t-\ty z")
    }

    @Test func longLinesAreCutWithAMark() {
        let line = LogLineFormat.line(["t", String(repeating: "あ", count: 5000)])
        #expect(line.utf8.count <= LogLineFormat.maxLineBytes)
        #expect(line.hasSuffix("…[truncated]"))
    }

    @Test func durationsHaveMilliseconds() {
        #expect(LogLineFormat.seconds(.milliseconds(1532)) == "1.532s")
        #expect(LogLineFormat.seconds(.zero) == "0.000s")
    }

    @Test func templatesFillPositionalAndPrintfPlaceholders() {
        #expect(
            SeedFormat.render("Started group %1 on server %2.", ["web", "n1"]) == "Started group web on server n1."
        )
        #expect(
            SeedFormat.render(
                "%s failed in internal processing (1%03d). The error code is 0x%x.",
                ["ARMGSTRT", 3, 13]
            )
                == "ARMGSTRT failed in internal processing (1003). The error code is 0xd."
        )
        #expect(SeedFormat.render("[%0.4s] %5s|%-3d|100%%", ["abcdefg", "ab", 7]) == "[abcd]    ab|7  |100%")
        // A placeholder without a value renders empty (SeedFormat), never as the raw template.
        #expect(SeedFormat.render("missing %s and %2.", []) == "missing  and .")
        #expect(
            SeedFormat.render("elapsed time %2 seconds on %1.", ["web", 3]) == "elapsed time 3 seconds on web."
        )
    }

    @Test func theSeedLogHandlerRoutesTaggedEventsToTheirFiles() {
        let sink = InMemoryLogSink()
        let log = MonitorLog(sink: sink, clock: ManualClock(), serverName: "n1", monitorPID: 1022, traceLevel: 3)
        let logger = Logger(label: "test") { _ in SeedLogHandler(log: log) }
        logger.seed(CatalogMessage(.monitor01), file: "arm", module: "MONITOR")
        logger.seed(CatalogMessage(GroupLogLine.startStarted.entry, ["web"]), file: "armsvr", module: "RSC")
        logger.warning("disk slow", metadata: ["arm.log": "events", "arm.id": "4121"])
        logger.debug("fip web-ip: 5 GARP sent", metadata: ["arm.log": "armsvr", "arm.module": "RSC", "arm.trace": "3"])
        logger.debug("too chatty", metadata: ["arm.log": "armsvr", "arm.trace": "6"])
        logger.info("journal only")
        #expect(
            sink.lines(.arm) == ["2025-03-14T09:12:03.417+09:00\tn1\tMONITOR\t1022\tINFO\tMONITOR-01\tMonitor started."]
        )
        #expect(
            sink.lines(.armsvr) == [
                "2025-03-14T09:12:03.417+09:00\tn1\tRSC\tINFO\tRSC-003\tStart processing of group web started.",
                "2025-03-14T09:12:03.417+09:00\tn1\tRSC\tDEBUG\tT3\tfip web-ip: 5 GARP sent",
            ]
        )
        #expect(sink.lines(.events) == ["2025-03-14T09:12:03.417+09:00\tn1\tARM\t4121\tWARN\tdisk slow"])
    }

    @Test func theCatalogEntryChoosesThePIDColumn() {
        let sink = InMemoryLogSink()
        let log = MonitorLog(sink: sink, clock: ManualClock(), serverName: "n1", monitorPID: 1022)
        log.arm(CatalogMessage(.armload01, ["APP"]), source: "ARMLOAD", pid: 4242)
        log.arm(CatalogMessage(.armload09, ["APP", 1]), source: "ARMLOAD", pid: 4242)
        log.arm(CatalogMessage(.monitor01))
        #expect(
            sink.records(.arm).map { "\($0[2]) \($0[3]) \($0[5])" } == [
                "ARMLOAD 4242 ARMLOAD-01", "ARMLOAD 1022 ARMLOAD-09", "MONITOR 1022 MONITOR-01",
            ]
        )
    }

    @Test func japaneseLinesComeFromTheSameEntries() {
        let sink = InMemoryLogSink()
        let log = MonitorLog(sink: sink, clock: ManualClock(), serverName: "n1", language: .ja, monitorPID: 1)
        log.server(CatalogMessage(.rsc003, ["web"]))
        log.group(.eventGroupStarted, group: "web", server: "n1")
        #expect(sink.records(.armsvr).map { $0[5] } == ["グループwebの起動処理を開始しました。"])
        #expect(sink.records(.events).map { "\($0[3]) \($0[5])" } == ["2007 サーバn1でグループwebを起動しました。"])
    }

    @Test func adminCheckAdmitsRootTheAdminGroupAndSupplementaryMembers() {
        let check = AdminCheck.make(adminGroupID: 990, procRoot: "/nonexistent")
        #expect(check(PeerCredentials(pid: 1, uid: 0, gid: 0)))
        #expect(check(PeerCredentials(pid: 1, uid: 1000, gid: 990)))
        #expect(!check(PeerCredentials(pid: 1, uid: 1000, gid: 1000)))
        #expect(!AdminCheck.make(adminGroupID: nil)(PeerCredentials(pid: 1, uid: 1000, gid: 990)))
        #expect(AdminCheck.parseGroupsLine("Name:\tsh\nGroups:\t4 24 990 \nNSpid:\t1\n") == [4, 24, 990])
    }
}
