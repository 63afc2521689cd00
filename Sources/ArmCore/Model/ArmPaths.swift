/// Every product path under `ARM_ROOT` (commands.md 1.3; config-and-files §3.1).
package struct ArmPaths: Sendable, Equatable {
    /// The prefix: "" for `/`, else an absolute path without a trailing slash.
    package let root: String

    /// Creates the paths for a root; `/` and "" both mean the real root.
    package init(root: String) {
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed == "/" ? "" : trimmed
    }

    /// Whether this is a test rig (several servers on one machine; config-and-files §1.2).
    package var isTestRig: Bool { !root.isEmpty }

    /// `/etc/armcluster`.
    package var etc: String { root + "/etc/armcluster" }
    /// `/etc/armcluster/cluster.toml`.
    package var configFile: String { etc + "/cluster.toml" }
    /// `/etc/armcluster/scripts`.
    package var scripts: String { etc + "/scripts" }
    /// `/etc/armcluster/startup-delay`.
    package var startupDelay: String { etc + "/startup-delay" }
    /// `/var/lib/armcluster`.
    package var lib: String { root + "/var/lib/armcluster" }
    /// `/var/lib/armcluster/state.sqlite`.
    package var stateDatabase: String { lib + "/state.sqlite" }
    /// `/var/log/armcluster`.
    package var logs: String { root + "/var/log/armcluster" }
    /// `/var/log/armcluster/ARM.LOG`.
    package var armLog: String { logs + "/ARM.LOG" }
    /// `/run/armcluster`.
    package var run: String { root + "/run/armcluster" }
    /// `/run/armcluster/armmond.sock`.
    package var socket: String { run + "/armmond.sock" }
    /// `/run/armcluster/armmond.lock`.
    package var lock: String { run + "/armmond.lock" }
    /// `/run/armcluster/armmond.pid`.
    package var pidFile: String { run + "/armmond.pid" }
    /// `/run/armcluster/logrotate.lock`.
    package var logRotateLock: String { run + "/logrotate.lock" }
    /// `/run/armcluster/locks`.
    package var commandLocks: String { run + "/locks" }

    /// A group's script directory.
    package func scriptDirectory(group: String) -> String { scripts + "/" + group }

    /// Relocates a path from the configuration: a leading `${ARM_ROOT}` is replaced, and paths under the
    /// four product trees get the prefix (config-and-files §1.1).
    package func relocate(_ path: String) -> String {
        if path.hasPrefix("${ARM_ROOT}") { return root + path.dropFirst("${ARM_ROOT}".count) }
        for tree in ["/etc/armcluster", "/var/lib/armcluster", "/var/log/armcluster", "/run/armcluster"]
        where path == tree || path.hasPrefix(tree + "/") {
            return root + path
        }
        return path
    }
}
