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

    /// `armcfg check [--json] [FILE]`: the shared validator, in this process (docs/decisions.md D3), and V25
    /// for the groups of this server (`ARM_SERVER`, else the host name; the only server of a single-server
    /// cluster): the checks `armmond` runs, through the same `ConfigCheck`.
    ///
    /// Findings go to stderr as `FILE:LINE:COL: [warning: ]message`, or with `--json` as one JSON array on
    /// stdout; exit 0 without errors (and the summary line `FILE: OK, 1 server, 1 group` on stdout), 10
    /// (CONFIG) with any. A product path is relocated under `$ARM_ROOT`.
    static func check(file: String, json: Bool, context: CommandContext) -> CommandOutcome {
        let path = context.paths.relocate(file)
        let system = context.system
        let requested = system.environment["ARM_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        let report = ConfigCheck.run(
            path: path,
            displayPath: path,
            json: json,
            armRoot: context.paths.root,
            localServer: requested ?? system.shortHostname(),
            checkKeyFile: false,  // V27 needs root to read the key; it belongs to `--system` and armmond /CHECK
            checkScripts: true,
            files: ConfigFiles(read: system.readFile, status: system.fileStatus)
        )
        if !report.errors.isEmpty { system.writeStderr(report.errors) }
        return CommandOutcome(exitCode: report.status, stdout: report.output)
    }
}
