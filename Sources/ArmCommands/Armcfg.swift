import ArmClient
import ArmConfig
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

    /// `armcfg check [--json] [FILE]`: the shared validator, in this process (docs/decisions.md D3).
    ///
    /// Findings go to stderr as `FILE:LINE:COL: [warning: ]message`, or with `--json` as one JSON array on
    /// stdout; exit 0 without errors, 10 (CONFIG) with any. A product path is relocated under `$ARM_ROOT`.
    static func check(file: String, json: Bool, context: CommandContext) -> CommandOutcome {
        let path = context.paths.relocate(file)
        let result = ConfigLoader.load(context.system.readFile(path), displayPath: path)
        let report = ConfigFindings.checkOutput(result.findings, json: json)
        if !report.errors.isEmpty { context.system.writeStderr(report.errors) }
        return CommandOutcome(exitCode: report.status, stdout: report.output)
    }
}
