import ArmClient
import ArmCore
import ArmProtocol

/// ARMSTAT: status as a table or JSON, bounded in time (commands.md 2.29).
enum Armstat {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let view = parsed.operands.first?.lowercased() ?? "all"
        let name = parsed.operands.count > 1 ? parsed.operands[1] : nil
        if name != nil && (view == "all" || view == "cluster") {
            return CommandOutcome(
                exitCode: ExitStatus.usage.rawValue,
                message: context.usage(.unexpectedOperand(name ?? ""))
            )
        }
        let timeout = parsed.integer("TIMEOUT") ?? 3
        let isJSON = parsed.flag("json")
        switch context.send(.status(view: view, name: name), deadlineMilliseconds: timeout * 1000) {
        case .success(let response):
            guard response.status == .success else { return context.outcome(of: response) }
            let document: StatusDocument
            do {
                document = try StatusDocument(wireValue: response.body)
            } catch {
                return context.failure(.unexpectedAnswer("status: \(error)"))
            }
            return .success(stdout: isJSON ? document.wireValue.json + "\n" : document.table)
        case .failure(let error):
            var outcome = context.failure(error)
            outcome.log = .none  // read-only, not logged (commands.md 2.29)
            guard error.isUnreachable, let fallback = context.system.readStateFallback(context.paths.stateDatabase)
            else { return outcome }
            let document = StatusDocument(fallback: fallback, localServer: context.localServerName)
            outcome.stdout =
                isJSON
                ? document.wireValue.json + "\n"
                : "# armmond unreachable; last state from \(fallback.lastUpdate ?? "unknown")\n" + document.table
            return outcome
        }
    }
}
