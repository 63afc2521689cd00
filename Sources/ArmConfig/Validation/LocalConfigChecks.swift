import ArmCore

/// The checks of config-and-files §2.2 that look at this server's files: V27 (key file) and V25 (scripts).
package enum LocalConfigChecks {
    /// V27: `key file "P": REASON` for `[cluster] key_file`, relocated under `armRoot`.
    ///
    /// - Parameters:
    ///   - config: the validated configuration.
    ///   - tree: its tree, for the position of `key_file` (else the `[cluster]` header, else `1:1`).
    ///   - armRoot: `$ARM_ROOT`.
    ///   - file: the path findings show.
    ///   - files: how to read and `stat` files.
    /// - Returns: one finding, or none when the key file is fine.
    package static func keyFile(
        config: ClusterConfig,
        tree: TOMLTable?,
        armRoot: String,
        file: String,
        files: ConfigFiles
    ) -> [ConfigFinding] {
        let path = ArmRootPath.resolve(config.cluster.keyFile, armRoot: armRoot)
        let status = files.status(path)
        var contents: String?
        if status?.isRegular == true, case .success(let bytes) = files.read(path) {
            contents = String(validating: bytes, as: UTF8.self)
        }
        guard let reason = LocalFileRules.keyFileProblem(status: status, contents: contents) else { return [] }
        var position = SourcePosition.start
        if let cluster = tree?["cluster"], case .table(let table) = cluster.value {
            position = table["key_file"]?.valuePosition ?? table.position
        }
        return [ConfigFinding(file: file, at: position, message: "key file \(CanonicalJSON.string(path)): \(reason)")]
    }

    /// V25: the scripts of the groups that can run on `localServer`.
    ///
    /// `start.sh`, `stop.sh`, every exec resource and script monitor must exist and be regular, executable,
    /// owned by `requiredOwner` (root) and not group- or world-writable. Findings point at the group's header.
    /// `files` answers the `stat` calls.
    package static func scripts(
        config: ClusterConfig,
        tree: TOMLTable?,
        armRoot: String,
        localServer: String,
        file: String,
        files: ConfigFiles,
        requiredOwner: UInt32 = 0
    ) -> [ConfigFinding] {
        let scriptsRoot = ArmRootPath.resolve("/etc/armcluster/scripts", armRoot: armRoot)
        var groupPositions: [SourcePosition] = []
        if let groups = tree?["group"], case .array(let items) = groups.value {
            groupPositions = items.map { item in
                if case .table(let table) = item.value { return table.position }
                return item.valuePosition
            }
        }
        var findings: [ConfigFinding] = []
        let definitions = config.groupDefinitions(scriptsRoot: scriptsRoot, armRoot: armRoot)
        for (index, group) in config.groups.enumerated() where group.servers.contains(localServer) {
            let directory = scriptsRoot + "/" + group.name + "/"
            var paths = [directory + "start.sh", directory + "stop.sh"]
            if index < definitions.count {
                for resource in definitions[index].resources {
                    if case .exec(let start, let stop, _, _, _) = resource.kind {
                        paths += [start, stop]
                    }
                }
            }
            for monitor in config.monitors where monitor.group == group.name {
                if case .script(let command) = monitor.kind, let program = command.first {
                    paths.append(
                        ArmRootPath.isAbsolute(program)
                            ? ArmRootPath.resolve(program, armRoot: armRoot) : directory + program
                    )
                }
            }
            let position = index < groupPositions.count ? groupPositions[index] : .start
            var seen: Set<String> = []
            for path in paths where seen.insert(path).inserted {
                let status = files.status(path)
                if let problem = LocalFileRules.scriptProblem(path: path, status: status, requiredOwner: requiredOwner)
                {
                    findings.append(ConfigFinding(file: file, at: position, message: problem))
                }
            }
        }
        return findings
    }
}
