import ArmCore
import ArmMonitor
import ArmTesting
import Logging
import Testing

@Suite(.timeLimit(.minutes(2))) struct JournalLoggingTests {
    private func logger(
        _ journal: InMemoryJournal,
        sink: InMemoryLogSink = InMemoryLogSink(),
        level: Logger.Level = .info
    ) -> Logger {
        let log = MonitorLog(sink: sink, clock: ManualClock(), serverName: "n1", monitorPID: 1022)
        return Logger(label: "armmond") { label in
            DaemonLogging.handler(label: label, log: log, journals: [journal], level: level)
        }
    }

    @Test func untaggedEventsReachTheJournalAndTaggedOnesTheirFiles() {
        let journal = InMemoryJournal()
        let sink = InMemoryLogSink()
        let logger = logger(journal, sink: sink)
        logger.error("control socket /run/armmond.sock: EADDRINUSE", metadata: ["errno": "98"])
        logger.seed(CatalogMessage(.monitor01), file: "arm", module: "MONITOR")
        #expect(
            journal.records == [
                .init(priority: .error, text: "armmond error: control socket /run/armmond.sock: EADDRINUSE errno=98")
            ]
        )
        #expect(sink.records(.arm).map { $0[5] } == ["MONITOR-01"])
    }

    @Test func eventsBelowTheConfiguredLevelStayOut() {
        let journal = InMemoryJournal()
        let logger = logger(journal, level: JournalLogHandler.level(traceLevel: 1))
        logger.info("routine")
        logger.debug("chatty")
        logger.warning("slow disk")
        logger.critical("gone")
        #expect(journal.records.map(\.priority) == [.warning, .critical])
        #expect(journal.texts == ["armmond warning: slow disk", "armmond critical: gone"])
    }

    @Test(arguments: [(0, Logger.Level.error), (1, .warning), (2, .notice), (3, .info), (5, .debug), (7, .trace)])
    func traceLevelsMapToSwiftLogLevels(traceLevel: Int, expected: Logger.Level) {
        #expect(JournalLogHandler.level(traceLevel: traceLevel) == expected)
    }

    @Test func theMirrorSendsSeedLinesAsLogSyslogSays() {
        let event = "2025-03-14T09:20:11.949+09:00\ts2\tARM\t2212\tERROR\tServer s1 went down."
        let server = "2025-03-14T09:20:11.949+09:00\ts2\tRSC\tINFO\tRSC-003\tStart processing of group web started."
        let trace = "2025-03-14T09:20:11.949+09:00\ts2\tRSC\tDEBUG\tT3\tfip web-ip: 5 GARP sent"
        let arm = "2025-03-14T09:20:11.949+09:00\ts2\tARMLOAD\t48211\tINFO\tARMLOAD-01\tARMLoad(WID=WEB) succeeded."
        for (mode, expected) in [
            (JournalMirrorSink.Mode.none, [String]()),
            (.events, ["EVENT 2212 Server s1 went down."]),
            (.all, ["EVENT 2212 Server s1 went down.", "RSC INFO RSC-003 Start processing of group web started."]),
        ] {
            let journal = InMemoryJournal()
            let files = InMemoryLogSink()
            let mirror = JournalMirrorSink(files: files, journal: journal, mode: mode)
            mirror.append(event, to: .events)
            mirror.append(server, to: .armsvr)
            mirror.append(trace, to: .armsvr)
            mirror.append(arm, to: .arm)
            #expect(journal.texts == expected, "\(mode)")
            #expect(files.lines(.events) == [event] && files.lines(.armsvr) == [server, trace])
            #expect(files.lines(.arm) == [arm])
        }
        let journal = InMemoryJournal()
        JournalMirrorSink(files: InMemoryLogSink(), journal: journal, mode: .events).append(event, to: .events)
        #expect(journal.records.first?.priority == .error)
    }

    @Test func aStateDatabaseFailureReachesTheJournal() async {
        // The failure injected through the store port: armmond's own error line must not be dropped.
        let store = InMemoryStateStore()
        store.fail(with: .unsupportedSchema(version: 7))
        let sink = InMemoryLogSink()
        let journal = InMemoryJournal()
        let status = await MonitorDaemon.run(
            configuration: MonitorRuntimeConfiguration(
                settings: MonitorSettings(clusterName: "prod", serverName: "n1"),
                groups: [],
                paths: ArmPaths(root: "/nonexistent-arm-root"),
                monitorPID: 1,
                logger: logger(journal, sink: sink)
            ),
            dependencies: MonitorDependencies(
                scriptRunner: FakeScriptRunner(),
                logSink: sink,
                clock: ManualClock(),
                stateStore: store
            )
        )
        #expect(status == .failed)
        let errors = journal.records.filter { $0.priority == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.text.hasPrefix("armmond error: armmond: state database:") ?? false, "\(errors)")
    }
}
