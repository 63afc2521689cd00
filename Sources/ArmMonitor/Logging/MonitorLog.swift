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
    ///   - message: The message; its severity is the CLASS.
    ///   - source: The command in upper case, or `MONITOR`.
    ///   - pid: The command's PID; nil for armmond's own lines.
    package func arm(_ message: MonitorMessage, source: String, pid: Int32? = nil) {
        let line = LogLineFormat.line([
            timestamp(), serverName, source, String(pid ?? monitorPID), message.severity.rawValue, message.id,
            message.text(language),
        ])
        sink.append(line, to: .arm)
    }

    /// armsvr.log: `TIMESTAMP SERVER MODULE CLASS ID TEXT` (§4.3).
    package func server(_ message: MonitorMessage, module: String) {
        let line = LogLineFormat.line([
            timestamp(), serverName, module, message.severity.rawValue, message.id, message.text(language),
        ])
        sink.append(line, to: .armsvr)
    }

    /// An armsvr.log trace line: class DEBUG, ID `T<level>` (§4.3).
    package func trace(level: Int, module: String, _ text: String) {
        guard level <= traceLevel else { return }
        let line = LogLineFormat.line([timestamp(), serverName, module, "DEBUG", "T\(level)", text])
        sink.append(line, to: .armsvr)
    }

    /// events.log: `TIMESTAMP SERVER SOURCE ID LEVEL TEXT` (§4.7); the message ID is the event number.
    package func event(_ message: MonitorMessage, source: String = "ARM") {
        let line = LogLineFormat.line([
            timestamp(), serverName, source, message.id, message.severity.rawValue, message.text(language),
        ])
        sink.append(line, to: .events)
    }

    /// armscr.log: `TIMESTAMP SERVER GROUP EVENT SCRIPT RUN KIND TEXT` (§4.4).
    package func script(group: String, event: String, script: String, run: String, kind: String, text: String) {
        let line = LogLineFormat.line([timestamp(), serverName, group, event, script, run, kind, text])
        sink.append(line, to: .armscr)
    }
}
