import ArmClient
import ArmCore
import ArmProtocol

/// ARMSTAT: status as a table or JSON, bounded in time (commands.md 2.29).
enum Armstat: Command {
    /// The view, the name narrowing it, the bound on the run and the output form.
    struct Arguments: Sendable {
        var view: String
        var name: String?
        var timeoutSeconds: Int
        var isJSON: Bool
    }

    static var spec: CommandSpec { .armstat }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let view = parsed.operands.first?.lowercased() ?? "all"
        let name = parsed.operands.count > 1 ? parsed.operands[1] : nil
        if let name, view == "all" || view == "cluster" {
            // Read-only: refused without an ARM.LOG line (commands.md 2.29).
            throw Rejection(
                CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: context.usage(.unexpectedOperand(name)))
            )
        }
        return Arguments(
            view: view,
            name: name,
            timeoutSeconds: parsed.integer("TIMEOUT") ?? 3,
            isJSON: parsed.flag("json")
        )
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        let isJSON = arguments.isJSON
        switch context.send(
            .status(view: arguments.view, name: arguments.name),
            deadlineMilliseconds: arguments.timeoutSeconds * 1000
        ) {
        case .success(let response):
            if response.status == .notFound, let name = arguments.name {
                return CommandOutcome(
                    exitCode: ExitStatus.notFound.rawValue,
                    message: CatalogMessage(.armstat01, [.string(kind(of: arguments.view)), .string(name)])
                )
            }
            guard response.status == .success else { return context.outcome(of: response) }
            let document: StatusDocument
            do {
                document = try StatusDocument(wireValue: response.body)
            } catch {
                return context.failure(.unexpectedAnswer("status: \(error)"))
            }
            return .success(stdout: isJSON ? document.wireValue.json + "\n" : document.table(view: arguments.view))
        case .failure(let error):
            var outcome = context.failure(error)
            outcome.log = .none  // read-only, not logged (commands.md 2.29)
            guard error.isUnreachable, let fallback = context.system.readStateFallback(context.paths.stateDatabase)
            else { return outcome }
            let document = StatusDocument(fallback: fallback, localServer: context.localServerName)
            outcome.stdout =
                isJSON
                ? document.wireValue.json + "\n"
                : "# armmond unreachable; last state from \(fallback.lastUpdate ?? "unknown")\n"
                    + document.table(view: arguments.view)
            return outcome
        }
    }

    /// What `NAME` names in a view, for "no such group NAME" (commands.md 2.29).
    static func kind(of view: String) -> String {
        switch view {
        case "armload": "WID"
        case "resource": "group"
        case "mirror": "mirror set"
        default: view
        }
    }
}
