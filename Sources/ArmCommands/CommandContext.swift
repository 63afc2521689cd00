import ArmClient
import ArmConfig
import ArmCore
import ArmProtocol

/// What happens to a command's ARM.LOG line (commands.md 1.7).
package enum LogDisposition: Sendable, Equatable {
    /// Nothing to log, or armmond already logged it while answering.
    case none
    /// Send the record to armmond; append it ourselves only if armmond is unreachable.
    case record(CatalogMessage)
    /// armmond is known to be unreachable: append it ourselves.
    case local(CatalogMessage)
}

/// The result of one command: its exit code, stdout text, stderr message and ARM.LOG line.
package struct CommandOutcome: Sendable, Equatable {
    /// The process exit code (commands.md 1.5; armgetcd and the wrappers use codes outside ExitStatus).
    package var exitCode: Int32
    /// Text for stdout.
    package var stdout: String
    /// The one stderr line (nil on success).
    package var message: CatalogMessage?
    /// The ARM.LOG line.
    package var log: LogDisposition
    /// Plain lines printed on stderr after the message, each as `cmd: note` (commands.md 1.4's
    /// "armmond is not running here …").
    package var notes: [String] = []

    /// Creates an outcome.
    package init(exitCode: Int32, stdout: String = "", message: CatalogMessage? = nil, log: LogDisposition = .none) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.message = message
        self.log = log
    }

    /// Success with optional output.
    package static func success(stdout: String = "", log: LogDisposition = .none) -> CommandOutcome {
        CommandOutcome(exitCode: 0, stdout: stdout, log: log)
    }
}

/// Everything a command implementation needs: its row, the system, paths, language and the client.
package struct CommandContext: Sendable {
    /// The command's table row.
    package let spec: CommandSpec
    /// The system.
    package let system: CommandSystem
    /// Product paths under ARM_ROOT.
    package let paths: ArmPaths
    /// Message language (commands.md 1.7).
    package let language: Language
    /// The command's words after its name, as given (for a command that hands them on unparsed).
    package let words: [String]

    /// Creates a context.
    package init(spec: CommandSpec, system: CommandSystem, paths: ArmPaths, words: [String] = []) {
        self.spec = spec
        self.system = system
        self.paths = paths
        self.language = Language.from(environment: system.environment)
        self.words = words
    }

    /// The monitor client for this ARM_ROOT.
    package var client: MonitorClient { MonitorClient(connector: system.connector, socketPath: paths.socket) }

    /// The local server name of a line the command writes itself (commands.md 1.3).
    ///
    /// `ARM_SERVER` if set and non-empty, else the `[[server]]` armmond would be (`ServerIdentity`), else the
    /// host name up to the first dot (issue 8: not the host name where cluster.toml says otherwise). Reads
    /// cluster.toml, so only paths that write ARM.LOG themselves ask for it.
    package var localServerName: String {
        let requested = system.environment["ARM_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        if let requested { return requested }
        let hostname = system.shortHostname()
        guard case .success(let bytes) = system.readFile(paths.configFile) else { return hostname }
        let servers = ConfigLoader.serverNames(in: String(decoding: bytes, as: UTF8.self))
        guard case .server(let name) = ServerIdentity.pick(requested: nil, hostname: hostname, servers: servers)
        else { return hostname }
        return name
    }

    /// Sends one request for this command.
    package func send(
        _ request: ControlRequest,
        deadlineMilliseconds: Int = MonitorClient.defaultDeadlineMilliseconds
    ) -> Result<ControlResponse, ClientError> {
        let envelope = RequestEnvelope(command: spec.messagePrefix, request: request)
        do {
            return .success(try client.send(envelope, deadlineMilliseconds: deadlineMilliseconds))
        } catch {
            return .failure(error)
        }
    }

    /// The outcome of a monitor answer: armmond has already written the ARM.LOG line.
    package func outcome(of response: ControlResponse, stdout: String = "") -> CommandOutcome {
        var message: CatalogMessage?
        if response.status != .success, let id = response.messageID {
            if let entry = MessageCatalog.entry(id) {
                message = CatalogMessage(entry, response.arguments, detail: response.detail)
            } else {
                message = internalMessage(step: 5, code: Int(response.status.rawValue), extra: [])
            }
        }
        return CommandOutcome(exitCode: response.status.rawValue, stdout: stdout, message: message)
    }

    /// The "failed in internal processing" message of this command for a step and code; `extra` fills
    /// the command's own trailing fields (group-name=…).
    package func internalMessage(
        step: Int,
        code: Int,
        extra: [FormatArgument],
        detail: String? = nil
    )
        -> CatalogMessage
    {
        let entry = MessageCatalog.internalError(prefix: spec.messagePrefix)
        // The generic -91 row has the command name built in and takes (step, code) only.
        let arguments: [FormatArgument] = [.int(step), .int(code)] + (entry.id.hasSuffix("-91") ? [] : extra)
        return CatalogMessage(entry, arguments, detail: detail)
    }

    /// The outcome for a request that got no usable answer (commands.md 1.4, 1.7 steps 001–005).
    package func failure(_ error: ClientError, extra: [FormatArgument] = []) -> CommandOutcome {
        let detail: String? =
            switch error {
            case .cannotConnect, .noAnswer: paths.socket
            case .permissionDenied: "permission denied: \(paths.socket)"
            case .versionMismatch: "protocol version mismatch"
            case .unexpectedAnswer(let why): why
            }
        let message = internalMessage(step: error.step, code: error.code, extra: extra, detail: detail)
        var outcome = CommandOutcome(
            exitCode: error.status.rawValue,
            message: message,
            log: error.isUnreachable ? .local(message) : .none
        )
        if let advice = error.unreachableAdvice(socketPath: paths.socket) { outcome.notes.append(advice) }
        return outcome
    }

    /// A usage error: the command's "received an invalid parameter" line (commands.md 1.2).
    package func usage(_ error: UsageError, fields: [FormatArgument] = []) -> CatalogMessage {
        let entry = MessageCatalog.invalidParameter(prefix: spec.messagePrefix)
        return CatalogMessage(entry, entry.id.hasSuffix("-90") ? [] : fields, detail: error.detail)
    }
}
