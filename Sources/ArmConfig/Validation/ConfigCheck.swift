import ArmCore

/// `armcfg check [--json] FILE` and `armmond /CHECK` (commands.md 2.30, 2.32; config-and-files §2.1).
package enum ConfigCheck {
    /// Validates a file, runs the checks of this server's files, and renders the findings as the commands
    /// print them.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayPath: the name findings show (the path as given).
    ///   - json: `--json`: findings as `[{"file","line","column","severity","message"}]` on stdout, nothing
    ///     on stderr; otherwise one `FILE:LINE:COL: [warning: ]message` line each on stderr and, without
    ///     errors, the summary line on stdout.
    ///   - armRoot: `$ARM_ROOT`, for the local checks.
    ///   - localServer: this server's name (`/SERVER`, `ARM_SERVER` or the host name) when known; the only
    ///     server of a single-server cluster is this host whatever the name (docs/decisions.md D7). Enables
    ///     the local checks.
    ///   - checkKeyFile: run V27 (key file) for `localServer`.
    ///   - checkScripts: run V25 (scripts) for `localServer`.
    ///   - scriptOwner: the owner scripts must have (root; test rigs pass their uid).
    ///   - files: how to read and `stat` files.
    /// - Returns: stdout text, stderr text and the exit status: 0 without errors, 10 (CONFIG) with any.
    package static func run(
        path: String,
        displayPath: String,
        json: Bool,
        armRoot: String,
        localServer: String? = nil,
        checkKeyFile: Bool = true,
        checkScripts: Bool = false,
        scriptOwner: UInt32 = 0,
        files: ConfigFiles
    ) -> (output: String, errors: String, status: Int32) {
        let result = ConfigLoader.load(files.read(path), displayPath: displayPath)
        var findings = result.findings
        if let config = result.config, let local = localServer.flatMap({ localServerName(in: config, named: $0) }) {
            if checkKeyFile {
                findings += LocalConfigChecks.keyFile(
                    config: config,
                    tree: result.tree,
                    armRoot: armRoot,
                    file: displayPath,
                    files: files
                )
            }
            if checkScripts {
                findings += LocalConfigChecks.scripts(
                    config: config,
                    tree: result.tree,
                    armRoot: armRoot,
                    localServer: local,
                    file: displayPath,
                    files: files,
                    requiredOwner: scriptOwner
                )
            }
        }
        var report = ConfigFindings.checkOutput(findings, json: json)
        if !json, report.status == ExitStatus.success.rawValue, let config = result.config {
            report.output += summary(config, findings: findings, displayPath: displayPath)
        }
        return report
    }

    /// The `[[server]]` this host is: the one called `name`, else the only server of a single-server cluster.
    ///
    /// The rule is `ServerIdentity`'s, the one armmond follows.
    package static func localServerName(in config: ClusterConfig, named name: String) -> String? {
        guard
            case .server(let local) = ServerIdentity.pick(
                requested: nil,
                hostname: name,
                servers: config.servers.map(\.name)
            )
        else { return nil }
        return local
    }

    /// The line a clean check prints on stdout (issue 8 item 4): `FILE: OK, 1 server, 1 group`, with
    /// `, N warnings` when there are any.
    package static func summary(_ config: ClusterConfig, findings: [ConfigFinding], displayPath: String) -> String {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var line = "\(displayPath): OK, \(counted(config.servers.count, "server")), "
        line += counted(config.groups.count, "group")
        let warnings = findings.count { !$0.isError }
        if warnings > 0 { line += ", " + counted(warnings, "warning") }
        return line + "\n"
    }
}
