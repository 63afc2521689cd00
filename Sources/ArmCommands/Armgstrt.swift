import ArmClient
import ArmCore
import ArmProtocol

/// ARMGSTRT: start a group (commands.md 2.6; seed §2.2.6).
enum Armgstrt: Command {
    /// A group and, optionally, the server to start it on.
    struct Arguments: Sendable {
        var group: String
        var server: String?
        /// The message fields group-name and server-name.
        var fields: [FormatArgument] { [.string(group), .string(server ?? "")] }
    }

    static var spec: CommandSpec { .armgstrt }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let arguments = Arguments(
            group: parsed.operands.first ?? "",
            server: parsed.operands.count > 1 ? parsed.operands[1] : nil
        )
        if NameRule.group.violation(arguments.group) != nil {
            throw .usage(
                context.usage(
                    .invalidOperand(name: "group-name", value: arguments.group, reason: "invalid name"),
                    fields: arguments.fields
                )
            )
        }
        if let server = arguments.server, NameRule.server.violation(server) != nil {
            throw .usage(
                context.usage(
                    .invalidOperand(name: "server-name", value: server, reason: "invalid name"),
                    fields: arguments.fields
                )
            )
        }
        return arguments
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        switch context.send(.startGroup(group: arguments.group, server: arguments.server)) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error, extra: arguments.fields)
        }
    }
}

/// ARMGSTOP: stop a group (commands.md 2.7; seed §2.2.7).
enum Armgstop: Command {
    static var spec: CommandSpec { .armgstop }

    /// The group name.
    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> String {
        let group = parsed.operands.first ?? ""
        if NameRule.group.violation(group) != nil {
            throw .usage(
                context.usage(
                    .invalidOperand(name: "group-name", value: group, reason: "invalid name"),
                    fields: [.string(group)]
                )
            )
        }
        return group
    }

    static func run(_ group: String, context: CommandContext) -> CommandOutcome {
        switch context.send(.stopGroup(group: group)) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error, extra: [.string(group)])
        }
    }
}

/// ARMGWAIT: wait until a group is started, or stopped with /STOP (commands.md 2.8; seed §2.2.8).
enum Armgwait: Command {
    /// Default wait (commands.md 2.8).
    static let defaultSeconds = 300

    /// The group, the state waited for and the wait (0: no limit).
    struct Arguments: Sendable {
        var group: String
        var waitsForStop: Bool
        var seconds: Int
    }

    static var spec: CommandSpec { .armgwait }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let group = parsed.operands.first ?? ""
        var seconds = defaultSeconds
        if parsed.operands.count > 1 {
            let text = parsed.operands[1]
            guard let value = Int(text), text.allSatisfy(\.isASCII), (0...86_400).contains(value) else {
                throw .usage(context.usage(.valueOutOfRange(option: "seconds", value: text, allowed: "0-86400")))
            }
            seconds = value
        }
        let ownGroup = context.system.environment["ARMS_GROUP"] ?? context.system.environment["CLP_GROUPNAME"]
        if let ownGroup, !ownGroup.isEmpty, ownGroup.lowercased() == group.lowercased() {
            throw .usage(
                context.usage(
                    .invalidOperand(name: "group-name", value: group, reason: "a script cannot wait for its own group")
                )
            )
        }
        return Arguments(group: group, waitsForStop: parsed.flag("STOP"), seconds: seconds)
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        // The request deadline is the wait plus 10 s (commands.md 1.4); 0 waits without limit.
        let deadline = arguments.seconds == 0 ? Int(Int32.max) : (arguments.seconds + 10) * 1000
        switch context.send(
            .waitGroup(group: arguments.group, stopped: arguments.waitsForStop, timeoutSeconds: arguments.seconds),
            deadlineMilliseconds: deadline
        ) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error): return context.failure(error)
        }
    }
}

/// ARMSLEEP: wait N seconds; needs no armmond (commands.md 2.18).
enum Armsleep: Command {
    static var spec: CommandSpec { .armsleep }

    /// The seconds to sleep.
    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Int {
        let text = parsed.operands.first ?? ""
        guard let seconds = Int(text), text.allSatisfy(\.isASCII), (0...86_400).contains(seconds) else {
            throw .usage(context.usage(.valueOutOfRange(option: "seconds", value: text, allowed: "0-86400")))
        }
        return seconds
    }

    static func run(_ seconds: Int, context: CommandContext) -> CommandOutcome {
        context.system.sleep(.seconds(seconds))
        return .success(log: .record(CatalogMessage(.armsleep01)))
    }
}
