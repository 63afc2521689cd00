import ArmClient
import ArmCore
import ArmProtocol

/// ARMCFG: check and show the configuration (commands.md 2.30).
///
/// `apply`, `keygen`, `init-lock` and
/// `check --system` belong to the multi-server issue.
enum Armcfg: Command {
    static var spec: CommandSpec { .armcfg }

    /// The subcommand selects what the words mean, so `run` reads them.
    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> ParsedArguments {
        parsed
    }

    static func run(_ parsed: ParsedArguments, context: CommandContext) -> CommandOutcome {
        let subcommand = parsed.operands.first?.lowercased() ?? ""
        switch subcommand {
        case "check":
            if parsed.flag("SYSTEM") { return notYet("armcfg check --system") }
            let file = parsed.operands.count > 1 ? parsed.operands[1] : context.paths.configFile
            return check(file: file, json: parsed.flag("json"), context: context)
        case "show":
            switch context.send(.showConfig(pending: parsed.flag("PENDING"))) {
            case .success(let response):
                guard response.status == .success else { return context.outcome(of: response) }
                if parsed.flag("json") { return .success(stdout: response.body.json + "\n") }
                let text = response.body.stringValue ?? ""
                return .success(stdout: text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
            case .failure(let error):
                var outcome = context.failure(error)
                outcome.log = .none
                return outcome
            }
        default:
            return notYet("armcfg \(subcommand)")
        }
    }

    static func notYet(_ what: String) -> CommandOutcome {
        CommandOutcome(exitCode: ExitStatus.internal.rawValue, message: CatalogMessage(.armtool01, detail: what))
    }

    /// The validator lives in armmond (it links TOMLKit, which armtool must not): run `armmond /CHECK`.
    // Interpretation: armcfg check execs the armmond beside armtool (docs/decisions.md D3).
    static func check(file: String, json: Bool, context: CommandContext) -> CommandOutcome {
        let armmond = context.system.executableDirectory() + "/armmond"
        var environment = context.system.environment
        environment["ARMCFG_CHECK_FORMAT"] = json ? "json" : "text"
        let errno = context.system.exec(armmond, ["armmond", "/CHECK", "/C", file], environment)
        let message = context.internalMessage(step: 10, code: Int(errno), extra: [], detail: "cannot run \(armmond)")
        return CommandOutcome(exitCode: ExitStatus.failed.rawValue, message: message)
    }
}
