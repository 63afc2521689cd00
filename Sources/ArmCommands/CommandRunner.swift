import ArmClient
import ArmCore
import ArmProtocol

/// The entry point of `armtool`: dispatch on the invoked name, parse, run, print, log, exit (STYLE §2.2, §2.7).
package enum CommandRunner {
    /// Runs a command line and returns the exit code; never traps on input.
    package static func run(arguments: [String], system: CommandSystem) -> Int32 {
        let invoked = commandName(fromArgv0: arguments.first ?? "armtool")
        var words = Array(arguments.dropFirst())
        var name = invoked
        if invoked == "armtool" {
            guard let first = words.first else {
                system.writeStdout(HelpRenderer.commandList(isImplemented: CommandTable.isImplemented))
                return ExitStatus.success.rawValue
            }
            switch first {
            case "--help", "-h", "/?", "-?", "/h":
                system.writeStdout(HelpRenderer.commandList(isImplemented: CommandTable.isImplemented))
                return ExitStatus.success.rawValue
            case "--version":
                system.writeStdout("armtool (ArmCluster) \(ArmVersion.string)\n")
                return ExitStatus.success.rawValue
            case "--complete":
                return complete(kind: words.dropFirst().first ?? "", system: system)
            default:
                name = commandName(fromArgv0: first)
                words.removeFirst()
            }
        }
        guard let spec = CommandSpec.named(name) else {
            let message = CatalogMessage(.armtool02, [.string(name)])
            system.writeStderr(
                message.stderrLine(command: "armtool", language: .from(environment: system.environment)) + "\n"
            )
            return ExitStatus.usage.rawValue
        }
        let root = system.environment["ARM_ROOT"] ?? ""
        guard root.isEmpty || root.hasPrefix("/") else {
            let context = CommandContext(spec: spec, system: system, paths: ArmPaths(root: ""))
            let message = CatalogMessage(.armtool03, [.string(root)])
            system.writeStderr(message.stderrLine(command: spec.name, language: context.language) + "\n")
            return ExitStatus.config.rawValue
        }
        let context = CommandContext(spec: spec, system: system, paths: ArmPaths(root: root), words: words)
        let outcome = execute(words, context: context)
        finish(outcome, context: context)
        return outcome.exitCode
    }

    /// Parses and runs the row's command; help, version, usage errors and rows not built yet are handled here.
    static func execute(_ words: [String], context: CommandContext) -> CommandOutcome {
        let spec = context.spec
        let parsed: ParsedArguments
        do {
            parsed = try OptionParser.parse(words, for: spec)
        } catch {
            let message = context.usage(error)
            return CommandOutcome(
                exitCode: spec.usageExitCode(words: words),
                message: message,
                log: spec.isSeedCommand ? .record(message) : .none
            )
        }
        if parsed.wantsHelp {
            return .success(stdout: HelpRenderer.usage(spec))
        }
        if parsed.wantsVersion {
            return .success(stdout: "\(spec.name) (ArmCluster) \(ArmVersion.string)\n")
        }
        guard let command = CommandTable.command(for: spec) else {
            return CommandOutcome(exitCode: ExitStatus.internal.rawValue, message: CatalogMessage(.armtool01))
        }
        return command.execute(parsed, context: context)
    }

    /// Prints the outcome and writes its ARM.LOG line (commands.md 1.7).
    static func finish(_ outcome: CommandOutcome, context: CommandContext) {
        if !outcome.stdout.isEmpty { context.system.writeStdout(outcome.stdout) }
        if let message = outcome.message {
            var text = message.stderrLine(command: context.spec.name, language: context.language) + "\n"
            if message.entry.id == MessageCatalog.invalidParameter(prefix: context.spec.messagePrefix).id {
                text += tryHelpLine(context.spec.name)
            }
            context.system.writeStderr(text)
        }
        for note in outcome.notes { context.system.writeStderr("\(context.spec.name): \(note)\n") }
        switch outcome.log {
        case .none:
            break
        case .record(let message):
            let record = LogRecord(id: message.entry.id, arguments: message.arguments)
            switch context.send(.appendLog(record), deadlineMilliseconds: 2000) {
            case .success:
                break
            case .failure(let error):
                if error.isUnreachable { appendOwnLine(message, context: context) }
            }
        case .local(let message):
            appendOwnLine(message, context: context)
        }
    }

    /// The second line of a usage error (commands.md 1.2), untranslated like a DETAIL.
    package static func tryHelpLine(_ command: String) -> String { "Try '\(command) --help'.\n" }

    /// Appends the ARM.LOG line ourselves because armmond is unreachable; skipped silently when not possible.
    static func appendOwnLine(_ message: CatalogMessage, context: CommandContext) {
        let line = SeedLogFormat.armLogLine(
            time: context.system.wallNow(),
            server: context.localServerName,
            source: context.spec.messagePrefix,
            pid: context.system.pid,
            severity: message.entry.severity,
            id: message.entry.id,
            text: message.text(.en)
        )
        _ = context.system.appendLogLine(context.paths.armLog, context.paths.logRotateLock, line)
    }

    /// The base name of argv[0], lowercased, with one trailing `.exe` removed (commands.md 1.1).
    package static func commandName(fromArgv0 argv0: String) -> String {
        var base = String(argv0.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        base = base.lowercased()
        if base.hasSuffix(".exe") { base.removeLast(4) }
        return base
    }

    /// `armtool --complete KIND`: names for shell completion, one per line; silent when armmond is down.
    static func complete(kind: String, system: CommandSystem) -> Int32 {
        let root = system.environment["ARM_ROOT"] ?? ""
        let client = MonitorClient(connector: system.connector, socketPath: ArmPaths(root: root).socket)
        let envelope = RequestEnvelope(command: "ARMTOOL", request: .listNames(kind: kind))
        guard let response = try? client.send(envelope, deadlineMilliseconds: 1000),
            let names = response.body.arrayValue
        else { return ExitStatus.monitorUnreachable.rawValue }
        let lines = names.compactMap(\.stringValue)
        if !lines.isEmpty { system.writeStdout(lines.joined(separator: "\n") + "\n") }
        return ExitStatus.success.rawValue
    }
}
