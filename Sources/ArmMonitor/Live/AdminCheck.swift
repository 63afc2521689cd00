import ArmSystem

/// Who may make mutating requests (commands.md 1.4): uid 0, or a member of `armadm` by primary gid or by
/// the `Groups:` line of `/proc/<pid>/status`.
package enum AdminCheck {
    /// The check for a given `armadm` gid; nil (no such group) admits root only (config-and-files §3.1).
    /// - Parameters:
    ///   - adminGroupID: The gid of `armadm`.
    ///   - procRoot: Where `/proc` is (tests point it elsewhere).
    /// - Returns: The check.
    package static func make(adminGroupID: UInt32?, procRoot: String = "/proc") -> @Sendable (PeerCredentials) -> Bool {
        { peer in
            if peer.uid == 0 { return true }
            guard let adminGroupID else { return false }
            if peer.gid == adminGroupID { return true }
            return supplementaryGroups(pid: peer.pid, procRoot: procRoot).contains(adminGroupID)
        }
    }

    /// The supplementary groups of a process; empty when its status cannot be read.
    ///
    /// A `/proc` read is served from kernel memory and never waits on a device, so it is done inline on the
    /// connection's task.
    package static func supplementaryGroups(pid: Int32, procRoot: String = "/proc") -> [UInt32] {
        guard pid > 0, let status = try? FileIO.readText(path: "\(procRoot)/\(pid)/status") else {
            return []
        }
        return parseGroupsLine(status)
    }

    /// The numbers of the `Groups:` line of a `/proc/<pid>/status` text.
    package static func parseGroupsLine(_ status: String) -> [UInt32] {
        for line in status.split(separator: "\n") where line.hasPrefix("Groups:") {
            return line.dropFirst("Groups:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
                .compactMap { UInt32($0) }
        }
        return []
    }
}
