import ArmClient
import ArmCore
import ArmProtocol

/// ARMGSTRT: start a group (commands.md 2.6; seed §2.2.6).
enum Armgstrt {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let group = parsed.operands.first ?? ""
        let server = parsed.operands.count > 1 ? parsed.operands[1] : nil
        let fields: [FormatArgument] = [.string(group), .string(server ?? "")]
        if !(NameRule.group.violation(group) == nil) {
            let message = context.usage(
                .invalidOperand(name: "group-name", value: group, reason: "invalid name"),
                fields: fields
            )
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        if let server, !(NameRule.server.violation(server) == nil) {
            let message = context.usage(
                .invalidOperand(name: "server-name", value: server, reason: "invalid name"),
                fields: fields
            )
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        switch context.send(.startGroup(group: group, server: server)) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error, extra: fields)
        }
    }
}

/// ARMGSTOP: stop a group (commands.md 2.7; seed §2.2.7).
enum Armgstop {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let group = parsed.operands.first ?? ""
        let fields: [FormatArgument] = [.string(group)]
        if !(NameRule.group.violation(group) == nil) {
            let message = context.usage(
                .invalidOperand(name: "group-name", value: group, reason: "invalid name"),
                fields: fields
            )
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        switch context.send(.stopGroup(group: group)) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error, extra: fields)
        }
    }
}

/// ARMGWAIT: wait until a group is started, or stopped with /STOP (commands.md 2.8; seed §2.2.8).
enum Armgwait {
    /// Default wait (commands.md 2.8).
    static let defaultSeconds = 300

    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let group = parsed.operands.first ?? ""
        var seconds = defaultSeconds
        if parsed.operands.count > 1 {
            let text = parsed.operands[1]
            guard let value = Int(text), text.allSatisfy(\.isASCII), (0...86_400).contains(value) else {
                let message = context.usage(.valueOutOfRange(option: "seconds", value: text, allowed: "0-86400"))
                return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
            }
            seconds = value
        }
        let ownGroup = context.system.environment["ARMS_GROUP"] ?? context.system.environment["CLP_GROUPNAME"]
        if let ownGroup, !ownGroup.isEmpty, ownGroup.lowercased() == group.lowercased() {
            let message = context.usage(
                .invalidOperand(name: "group-name", value: group, reason: "a script cannot wait for its own group")
            )
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        // The request deadline is the wait plus 10 s (commands.md 1.4); 0 waits without limit.
        let deadline = seconds == 0 ? Int(Int32.max) : (seconds + 10) * 1000
        switch context.send(
            .waitGroup(group: group, stopped: parsed.flag("STOP"), timeoutSeconds: seconds),
            deadlineMilliseconds: deadline
        ) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error)
        }
    }
}

/// ARMSLEEP: wait N seconds; needs no armmond (commands.md 2.18).
enum Armsleep {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let text = parsed.operands.first ?? ""
        guard let seconds = Int(text), text.allSatisfy(\.isASCII), (0...86_400).contains(seconds) else {
            let message = context.usage(.valueOutOfRange(option: "seconds", value: text, allowed: "0-86400"))
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        context.system.sleep(.seconds(seconds))
        return .success(log: .record(CatalogMessage(.armsleep01)))
    }
}
