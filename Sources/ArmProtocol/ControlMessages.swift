import ArmCore

/// A request from a front end to armmond (docs/protocol.md).
///
/// One request per connection.
package enum ControlRequest: Sendable, Equatable {
    /// armstat: a view (`all`, `cluster`, `server`, `group`, `resource`, `armload`, `mirror`, `share`) and
    /// an optional name.
    case status(view: String, name: String?)
    /// armgstrt: start a group, optionally on a named server.
    case startGroup(group: String, server: String?)
    /// armgstop: stop a group.
    case stopGroup(group: String)
    /// armgwait: answer when the group is started (or stopped), or after `timeoutSeconds` (0 = no limit).
    case waitGroup(group: String, stopped: Bool, timeoutSeconds: Int)
    /// A command's own ARM.LOG record (usage errors and other outcomes decided before any request).
    case appendLog(LogRecord)
    /// armcfg show: the effective configuration as TOML, or the pending changes.
    case showConfig(pending: Bool)
    /// Completion: names of a kind (`groups`, `servers`, `wids`, `mirrors`, `shares`, `codes`).
    case listNames(kind: String)
    /// armload: register a watch and start (or, with /W, only register) its program.
    case armloadStart(ArmloadStartRequest)
    /// armkill: stop a watch's program and release the WID; `waitSeconds` = `/WAIT`.
    case armloadKill(wid: String, waitSeconds: Int?)
    /// armloadc: `stop`, `start`, `pause` or `continue` a watch; `seconds` = the optional time.
    case armloadControl(wid: String, action: String, seconds: Int?)
    /// armload /W: the program the command ran itself has ended (exit status, or signal number).
    case armloadEnded(wid: String, status: Int32?, signal: Int32?)

    /// The operation name on the wire.
    package var operation: String {
        switch self {
        case .status: "status"
        case .startGroup: "group.start"
        case .stopGroup: "group.stop"
        case .waitGroup: "group.wait"
        case .appendLog: "log.append"
        case .showConfig: "config.show"
        case .listNames: "names"
        case .armloadStart: "armload.start"
        case .armloadKill: "armload.kill"
        case .armloadControl: "armload.control"
        case .armloadEnded: "armload.ended"
        }
    }

    /// Mutating requests need root or `armadm` (commands.md 1.4).
    ///
    /// Appending a log line is allowed to
    /// anyone who may connect, because the monitor checks the record against the catalog.
    package var isMutating: Bool {
        switch self {
        case .startGroup, .stopGroup, .armloadStart, .armloadKill, .armloadControl, .armloadEnded: true
        case .status, .waitGroup, .appendLog, .showConfig, .listNames: false
        }
    }
}

/// An ARM.LOG record a command asks armmond to write: catalog ID and its arguments.
package struct LogRecord: Sendable, Equatable {
    /// Catalog ID (`ARMGSTRT-02`).
    package var id: String
    /// Placeholder values.
    package var arguments: [FormatArgument]

    /// Creates a record.
    package init(id: String, arguments: [FormatArgument]) {
        self.id = id
        self.arguments = arguments
    }
}

/// A request with the caller's identity as the command states it (the monitor trusts SO_PEERCRED for
/// permissions and the PID column, and uses `command` only for ARM.LOG's SOURCE).
package struct RequestEnvelope: Sendable, Equatable {
    /// The command's message prefix (`ARMGSTRT`).
    package var command: String
    /// The request.
    package var request: ControlRequest

    /// Creates an envelope.
    package init(command: String, request: ControlRequest) {
        self.command = command
        self.request = request
    }

    /// The wire form.
    package var wire: WireValue {
        var fields: [(String, WireValue)] = [("op", .string(request.operation)), ("command", .string(command))]
        switch request {
        case .status(let view, let name):
            fields += [("view", .string(view)), ("name", .optional(name))]
        case .startGroup(let group, let server):
            fields += [("group", .string(group)), ("server", .optional(server))]
        case .stopGroup(let group):
            fields += [("group", .string(group))]
        case .waitGroup(let group, let stopped, let timeout):
            fields += [("group", .string(group)), ("stopped", .bool(stopped)), ("timeout", .int(Int64(timeout)))]
        case .appendLog(let record):
            fields += [("id", .string(record.id)), ("args", .array(record.arguments.map(\.wire)))]
        case .showConfig(let pending):
            fields += [("pending", .bool(pending))]
        case .listNames(let kind):
            fields += [("kind", .string(kind))]
        case .armloadStart(let start):
            fields += start.wireFields
        case .armloadKill(let wid, let wait):
            fields += [("wid", .string(wid)), ("wait", .optional(wait))]
        case .armloadControl(let wid, let action, let seconds):
            fields += [("wid", .string(wid)), ("action", .string(action)), ("time", .optional(seconds))]
        case .armloadEnded(let wid, let status, let signal):
            fields += [
                ("wid", .string(wid)), ("status", .optional(status.map(Int.init))),
                ("signal", .optional(signal.map(Int.init))),
            ]
        }
        return .object(fields)
    }

    /// Parses the wire form.
    package init(wire: WireValue) throws(ProtocolError) {
        guard let op = wire["op"]?.stringValue, let command = wire["command"]?.stringValue else {
            throw .unexpectedContent("request without op")
        }
        func text(_ key: String) throws(ProtocolError) -> String {
            guard let value = wire[key]?.stringValue else { throw .unexpectedContent("\(op): missing \(key)") }
            return value
        }
        let request: ControlRequest
        switch op {
        case "status": request = .status(view: try text("view"), name: wire["name"]?.stringValue)
        case "group.start": request = .startGroup(group: try text("group"), server: wire["server"]?.stringValue)
        case "group.stop": request = .stopGroup(group: try text("group"))
        case "group.wait":
            guard let timeout = wire["timeout"]?.intValue, let timeoutSeconds = Int(exactly: timeout) else {
                throw .unexpectedContent("group.wait: missing timeout")
            }
            request = .waitGroup(
                group: try text("group"),
                stopped: wire["stopped"]?.boolValue ?? false,
                timeoutSeconds: timeoutSeconds
            )
        case "log.append":
            let arguments = (wire["args"]?.arrayValue ?? []).compactMap(FormatArgument.init(wire:))
            request = .appendLog(LogRecord(id: try text("id"), arguments: arguments))
        case "config.show": request = .showConfig(pending: wire["pending"]?.boolValue ?? false)
        case "names": request = .listNames(kind: try text("kind"))
        case "armload.start": request = .armloadStart(try ArmloadStartRequest(wire: wire))
        case "armload.kill":
            request = .armloadKill(
                wid: try text("wid"),
                waitSeconds: wire["wait"]?.intValue.flatMap { Int(exactly: $0) }
            )
        case "armload.control":
            request = .armloadControl(
                wid: try text("wid"),
                action: try text("action"),
                seconds: wire["time"]?.intValue.flatMap { Int(exactly: $0) }
            )
        case "armload.ended":
            request = .armloadEnded(
                wid: try text("wid"),
                status: wire["status"]?.intValue.flatMap { Int32(exactly: $0) },
                signal: wire["signal"]?.intValue.flatMap { Int32(exactly: $0) }
            )
        default: throw .unexpectedContent("unknown operation \(op)")
        }
        self.init(command: command, request: request)
    }
}

/// The monitor's answer: an exit status, the catalog message the command prints (rendered by the
/// command in its own language), and a body (status documents, TOML text, names).
package struct ControlResponse: Sendable, Equatable {
    /// Exit status the command ends with.
    package var status: ExitStatus
    /// Catalog ID of the message to print on stderr (failures) — nil for a silent success.
    package var messageID: String?
    /// Placeholder values for that message.
    package var arguments: [FormatArgument]
    /// Untranslated DETAIL.
    package var detail: String?
    /// Request-specific result.
    package var body: WireValue

    /// Creates a response.
    package init(
        status: ExitStatus,
        messageID: String? = nil,
        arguments: [FormatArgument] = [],
        detail: String? = nil,
        body: WireValue = .null
    ) {
        self.status = status
        self.messageID = messageID
        self.arguments = arguments
        self.detail = detail
        self.body = body
    }

    /// The wire form.
    package var wire: WireValue {
        .object([
            ("status", .int(Int64(status.rawValue))),
            ("id", .optional(messageID)),
            ("args", .array(arguments.map(\.wire))),
            ("detail", .optional(detail)),
            ("body", body),
        ])
    }

    /// Parses the wire form; an unknown status number is `internal`.
    package init(wire: WireValue) throws(ProtocolError) {
        guard let raw = wire["status"]?.intValue else { throw .unexpectedContent("response without status") }
        self.init(
            status: Int32(exactly: raw).flatMap(ExitStatus.init(rawValue:)) ?? .internal,
            messageID: wire["id"]?.stringValue,
            arguments: (wire["args"]?.arrayValue ?? []).compactMap(FormatArgument.init(wire:)),
            detail: wire["detail"]?.stringValue,
            body: wire["body"] ?? .null
        )
    }
}

extension FormatArgument {
    /// The wire form: a string or an integer.
    package var wire: WireValue {
        switch self {
        case .string(let value): .string(value)
        case .int(let value): .int(Int64(value))
        }
    }

    /// Parses the wire form.
    package init?(wire: WireValue) {
        switch wire {
        case .string(let value): self = .string(value)
        case .int(let value): self = .int(Int(truncatingIfNeeded: value))
        default: return nil
        }
    }
}
