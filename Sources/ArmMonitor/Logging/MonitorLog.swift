import ArmCore

/// Writes the monitor's lines in the formats of config-and-files §4.2–§4.4 and §4.7 through a `LogSink`.
package struct MonitorLog: Sendable {
    /// Where lines go.
    package let sink: any LogSink
    /// Source of timestamps.
    package let clock: any MonitorClock
    /// The SERVER column.
    package let serverName: String
    /// `[log] language`.
    package let language: Language
    /// `[log] utc`.
    package let utc: Bool
    /// armmond's PID, the PID column of MONITOR lines.
    package let monitorPID: Int32
    /// `[log] level`: trace lines above it are not written (config-and-files §1.12).
    package let traceLevel: Int

    /// Creates a writer.
    package init(
        sink: any LogSink,
        clock: any MonitorClock,
        serverName: String,
        language: Language = .en,
        utc: Bool = false,
        monitorPID: Int32,
        traceLevel: Int = 3
    ) {
        self.sink = sink
        self.clock = clock
        self.serverName = serverName
        self.language = language
        self.utc = utc
        self.monitorPID = monitorPID
        self.traceLevel = traceLevel
    }

    /// The current timestamp string (config-and-files §4.1).
    package func timestamp() -> String { LogLineFormat.timestamp(clock.wallNow(), utc: utc) }

    /// ARM.LOG: `TIMESTAMP SERVER SOURCE PID CLASS ID TEXT` (§4.2).
    /// - Parameters:
    ///   - message: The catalogued message; its entry gives the CLASS, the ID and whose PID the line carries.
    ///   - source: The command in upper case; nil = the entry's SOURCE (`ARMLOAD`, `MONITOR`).
    ///   - pid: The command's PID; nil, or an entry whose PID column is armmond's, writes armmond's.
    package func arm(_ message: CatalogMessage, source: String? = nil, pid: Int32? = nil) {
        let entry = message.entry
        armLine(
            id: entry.id,
            severity: entry.severity,
            text: message.text(language),
            source: source ?? entry.source,
            pid: entry.pidColumn == .monitor ? monitorPID : (pid ?? monitorPID)
        )
    }

    /// An ARM.LOG line whose text is already rendered (`SeedLogHandler`).
    package func armLine(id: String, severity: Severity, text: String, source: String, pid: Int32) {
        let line = LogLineFormat.line([
            timestamp(), serverName, source, String(pid), severity.rawValue, id, text,
        ])
        sink.append(line, to: .arm)
    }

    /// armsvr.log: `TIMESTAMP SERVER MODULE CLASS ID TEXT` (§4.3).
    /// - Parameters:
    ///   - message: The catalogued message.
    ///   - module: The MODULE; nil = the entry's prefix (`RSC` of `RSC-003`).
    package func server(_ message: CatalogMessage, module: String? = nil) {
        serverLine(
            id: message.entry.id,
            severity: message.entry.severity,
            text: message.text(language),
            module: module ?? message.entry.source
        )
    }

    /// An armsvr.log line whose text is already rendered (`SeedLogHandler`).
    package func serverLine(id: String, severity: Severity, text: String, module: String) {
        let line = LogLineFormat.line([timestamp(), serverName, module, severity.rawValue, id, text])
        sink.append(line, to: .armsvr)
    }

    /// An armsvr.log trace line: class DEBUG, ID `T<level>` (§4.3).
    package func trace(level: Int, module: String, _ text: String) {
        guard level <= traceLevel else { return }
        let line = LogLineFormat.line([timestamp(), serverName, module, "DEBUG", "T\(level)", text])
        sink.append(line, to: .armsvr)
    }

    /// events.log: `TIMESTAMP SERVER SOURCE ID LEVEL TEXT` (§4.7); the entry's ID is the event number.
    package func event(_ message: CatalogMessage, source: String = "ARM") {
        eventLine(id: message.entry.id, severity: message.entry.severity, text: message.text(language), source: source)
    }

    /// An events.log line whose text is already rendered (`SeedLogHandler`).
    package func eventLine(id: String, severity: Severity, text: String, source: String) {
        let line = LogLineFormat.line([timestamp(), serverName, source, id, severity.rawValue, text])
        sink.append(line, to: .events)
    }

    /// The line the group state machine asks for: armsvr.log RSC-003…008 or events.log 2006/2007.
    package func group(_ line: GroupLogLine, group: String, server: String) {
        if line.isEvent {
            event(CatalogMessage(line.entry, [.string(group), .string(server)]))
        } else {
            self.server(CatalogMessage(line.entry, [.string(group)]))
        }
    }

    /// armscr.log: `TIMESTAMP SERVER GROUP EVENT SCRIPT RUN KIND TEXT` (§4.4).
    package func script(group: String, event: String, script: String, run: String, kind: String, text: String) {
        let line = LogLineFormat.line([timestamp(), serverName, group, event, script, run, kind, text])
        sink.append(line, to: .armscr)
    }
}
