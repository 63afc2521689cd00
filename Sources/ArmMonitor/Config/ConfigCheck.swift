import ArmConfig
import ArmCore

/// `armcfg check [--json] FILE` and `armmond /CHECK` (commands.md 2.30, 2.32; config-and-files §2.1).
package enum ConfigCheck {
    /// Validates a file and renders the findings as the commands print them.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayPath: the name findings show (the path as given).
    ///   - json: `--json`: findings as `[{"file","line","column","severity","message"}]` on stdout, nothing
    ///     on stderr; otherwise one `FILE:LINE:COL: [warning: ]message` line each on stderr.
    ///   - armRoot: `$ARM_ROOT`, for the local checks.
    ///   - localServer: this server's `[[server]]` name when known; enables V27 (key file).
    ///   - checkScripts: also run V25 for `localServer` (`armcfg check --system`, `armmond /CHECK`).
    ///   - scriptOwner: the owner scripts must have (root; test rigs pass their uid).
    /// - Returns: stdout text, stderr text and the exit status: 0 without errors, 10 (CONFIG) with any.
    package static func run(
        path: String,
        displayPath: String,
        json: Bool,
        armRoot: String,
        localServer: String? = nil,
        checkScripts: Bool = false,
        scriptOwner: UInt32 = 0
    ) -> (output: String, errors: String, status: Int32) {
        let result = ConfigLoader.load(path: path, displayPath: displayPath)
        var findings = result.findings
        if let config = result.config, let localServer {
            findings += LocalConfigChecks.keyFile(
                config: config,
                tree: result.tree,
                armRoot: armRoot,
                file: displayPath
            )
            if checkScripts {
                findings += LocalConfigChecks.scripts(
                    config: config,
                    tree: result.tree,
                    armRoot: armRoot,
                    localServer: localServer,
                    file: displayPath,
                    requiredOwner: scriptOwner
                )
            }
        }
        return ConfigFindings.checkOutput(findings, json: json)
    }
}
