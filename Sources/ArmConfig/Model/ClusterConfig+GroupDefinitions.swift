import ArmCore

extension ClusterConfig {
    /// The groups as the group manager runs them (`GroupDefinition`).
    ///
    /// - Parameters:
    ///   - scriptsRoot: the directory holding `<group>/start.sh`, normally
    ///     `$ARM_ROOT/etc/armcluster/scripts`; exec paths without a leading `/` are relative to
    ///     `<scriptsRoot>/<group>/` (§1.1).
    ///   - armRoot: relocates absolute paths in the product trees and a leading `${ARM_ROOT}`.
    /// - Returns: one definition per `[[group]]`, in file order; timeouts of 0 become nil (no limit).
    package func groupDefinitions(scriptsRoot: String, armRoot: String = "") -> [GroupDefinition] {
        groups.map { group in
            let directory = ArmRootPath.normalizedRoot(scriptsRoot) + "/" + group.name + "/"
            func scriptPath(_ path: String) -> String {
                ArmRootPath.isAbsolute(path) ? ArmRootPath.resolve(path, armRoot: armRoot) : directory + path
            }
            let resources = group.resources.map { resource -> ResourceDefinition in
                let kind: ResourceDefinition.Kind
                switch resource.kind {
                case .exec(let exec):
                    kind = .exec(
                        start: scriptPath(exec.start),
                        stop: scriptPath(exec.stop),
                        startTimeout: timeout(exec.startTimeoutSeconds ?? group.startTimeoutSeconds),
                        stopTimeout: timeout(exec.stopTimeoutSeconds ?? group.stopTimeoutSeconds),
                        environment: dictionary(exec.environment)
                    )
                case .fip(let fip):
                    kind = .fip(address: fip.address)
                case .disk(let disk):
                    kind = .disk(
                        device: ArmRootPath.resolve(disk.device, armRoot: armRoot),
                        mount: ArmRootPath.resolve(disk.fileSystem.mount, armRoot: armRoot)
                    )
                case .mirror(let mirror):
                    kind = .mirror(mount: ArmRootPath.resolve(mirror.fileSystem.mount, armRoot: armRoot))
                case .share(let share):
                    kind = .share(shareName: share.shareName, path: ArmRootPath.resolve(share.path, armRoot: armRoot))
                }
                return ResourceDefinition(
                    name: resource.name,
                    kind: kind,
                    shutdownOnDeactivateFailure: resource.onDeactivateFailure == .shutdown
                )
            }
            return GroupDefinition(
                name: group.name,
                servers: group.servers,
                autoStart: group.autoStart,
                startTimeout: timeout(group.startTimeoutSeconds),
                stopTimeout: timeout(group.stopTimeoutSeconds),
                environment: dictionary(group.environment),
                resources: resources
            )
        }
    }
}

private func timeout(_ seconds: Int) -> Duration? {
    seconds == 0 ? nil : .seconds(seconds)
}

private func dictionary(_ variables: [EnvironmentVariable]) -> [String: String] {
    var result: [String: String] = [:]
    for variable in variables {
        result[variable.name] = variable.value
    }
    return result
}
