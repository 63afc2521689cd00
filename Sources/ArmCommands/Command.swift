import ArmCore

/// A built command: its row of the command table, typed arguments, `validate` and `run` (STYLE §2.1).
///
/// A row without one answers "not implemented yet" (exit 9).
package protocol Command: Sendable {
    /// The arguments once checked: typed, ready to send or act on.
    associatedtype Arguments: Sendable

    /// The command's row of the command table (ArmCore).
    static var spec: CommandSpec { get }

    /// Checks what the table cannot express (names, option combinations, operand ranges) and types the
    /// parsed words.
    /// - Throws: `Rejection` carrying the usage outcome (its stderr line, ARM.LOG line and exit code).
    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments

    /// Runs the command with checked arguments.
    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome
}

/// The outcome of arguments `validate` refused.
package struct Rejection: Error, Sendable, Equatable {
    /// What the command prints, logs and exits with.
    package var outcome: CommandOutcome

    /// Wraps an outcome.
    package init(_ outcome: CommandOutcome) {
        self.outcome = outcome
    }

    /// The usual usage refusal: exit 2, the message on stderr and in ARM.LOG.
    package static func usage(_ message: CatalogMessage) -> Rejection {
        Rejection(CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message)))
    }
}

extension Command {
    /// Validates, then runs.
    static func execute(_ parsed: ParsedArguments, context: CommandContext) -> CommandOutcome {
        do {
            return run(try validate(parsed, context: context), context: context)
        } catch {
            return error.outcome
        }
    }
}

/// The built commands, one per row that has a `run`; the other rows of `CommandSpec.all` are not built yet.
package enum CommandTable {
    /// Every built command.
    static let commands: [any Command.Type] = [
        Armload.self, Armkill.self, Armloadc.self, Armgstrt.self, Armgstop.self, Armgwait.self, Armsleep.self,
        Armstat.self, Armcfg.self, Armmond.self,
    ]

    /// The command of a row, nil when the row is not built yet.
    static func command(for spec: CommandSpec) -> (any Command.Type)? {
        commands.first { $0.spec.name == spec.name }
    }

    /// Whether a row has a `run` (else armtool answers "not implemented yet" with exit 9).
    package static func isImplemented(_ spec: CommandSpec) -> Bool { command(for: spec) != nil }
}

/// ARMMOND through armtool: runs the separate executable beside armtool (docs/decisions.md D6).
///
/// armmgrd and armsh will do the same once they are built.
enum Armmond: Command {
    static var spec: CommandSpec { .armmond }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> [String] {
        context.words
    }

    static func run(_ words: [String], context: CommandContext) -> CommandOutcome {
        let name = spec.name
        let path = context.system.executableDirectory() + "/" + name
        let errno = context.system.exec(path, [name] + words, context.system.environment)
        let message = context.internalMessage(step: 10, code: Int(errno), extra: [], detail: "cannot run \(path)")
        return CommandOutcome(exitCode: ExitStatus.failed.rawValue, message: message)
    }
}
