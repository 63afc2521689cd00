import Glibc

/// A user account (`getpwnam_r`).
package struct UserAccount: Sendable, Equatable {
    /// Login name.
    package var name: String
    /// User id.
    package var uid: UInt32
    /// Primary group id.
    package var gid: UInt32
    /// Home directory.
    package var home: String
    /// Login shell.
    package var shell: String

    /// Creates a record.
    package init(name: String, uid: UInt32, gid: UInt32, home: String, shell: String) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.home = home
        self.shell = shell
    }
}

/// A group (`getgrnam_r`).
package struct GroupAccount: Sendable, Equatable {
    /// Group name.
    package var name: String
    /// Group id.
    package var gid: UInt32
    /// Names of the supplementary members listed in the group database.
    package var members: [String]

    /// Creates a record.
    package init(name: String, gid: UInt32, members: [String]) {
        self.name = name
        self.gid = gid
        self.members = members
    }
}

/// The ids of a process as `/proc/PID/status` shows them (`Uid:`, `Gid:` and `Groups:` lines).
package struct ProcessCredentials: Sendable, Equatable {
    /// Real user id.
    package var realUID: UInt32
    /// Effective user id.
    package var effectiveUID: UInt32
    /// Real group id.
    package var realGID: UInt32
    /// Effective group id.
    package var effectiveGID: UInt32
    /// Supplementary group ids.
    package var supplementaryGIDs: [UInt32]

    /// Creates credentials.
    package init(
        realUID: UInt32,
        effectiveUID: UInt32,
        realGID: UInt32,
        effectiveGID: UInt32,
        supplementaryGIDs: [UInt32]
    ) {
        self.realUID = realUID
        self.effectiveUID = effectiveUID
        self.realGID = realGID
        self.effectiveGID = effectiveGID
        self.supplementaryGIDs = supplementaryGIDs
    }

    /// Whether the process belongs to a group: its effective (primary) gid or one of its
    /// supplementary groups (commands.md 1.4, `armadm` membership).
    package func isMember(ofGroup gid: UInt32) -> Bool {
        effectiveGID == gid || supplementaryGIDs.contains(gid)
    }

    /// Parses the text of `/proc/PID/status`; nil when a `Uid:`, `Gid:` or `Groups:` line is missing or malformed.
    ///
    /// An empty `Groups:` line means no supplementary groups.
    package static func parse(status text: String) -> ProcessCredentials? {
        var uids: [UInt32]?
        var gids: [UInt32]?
        var groups: [UInt32]?
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let values = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            let numbers = values.compactMap { UInt32($0) }
            guard numbers.count == values.count else {
                if key == "Uid" || key == "Gid" || key == "Groups" { return nil }
                continue
            }
            switch key {
            case "Uid": uids = numbers
            case "Gid": gids = numbers
            case "Groups": groups = numbers
            default: continue
            }
        }
        guard let uids, uids.count >= 2, let gids, gids.count >= 2, let groups else { return nil }
        return ProcessCredentials(
            realUID: uids[0],
            effectiveUID: uids[1],
            realGID: gids[0],
            effectiveGID: gids[1],
            supplementaryGIDs: groups
        )
    }
}

/// Users, groups and the privileges of processes.
package enum Accounts {
    /// The group whose members may make mutating requests (config-and-files §3.1).
    package static let adminGroupName = "armadm"

    /// Whether this process runs with effective uid 0.
    package static var isRoot: Bool { geteuid() == 0 }

    /// Looks a user up by name; nil when there is none.
    package static func user(named name: String) throws(SystemError) -> UserAccount? {
        try lookUpUser(name) { getpwnam_r(name, &$0, $1, $2, &$3) }
    }

    /// Looks a user up by uid; nil when there is none.
    package static func user(id uid: UInt32) throws(SystemError) -> UserAccount? {
        try lookUpUser("uid \(uid)") { getpwuid_r(uid, &$0, $1, $2, &$3) }
    }

    /// Looks a group up by name; nil when there is none.
    package static func group(named name: String) throws(SystemError) -> GroupAccount? {
        try lookUpGroup(name) { getgrnam_r(name, &$0, $1, $2, &$3) }
    }

    /// Looks a group up by gid; nil when there is none.
    package static func group(id gid: UInt32) throws(SystemError) -> GroupAccount? {
        try lookUpGroup("gid \(gid)") { getgrgid_r(gid, &$0, $1, $2, &$3) }
    }

    /// The gid that owns what config-and-files §3.1 gives to `armadm`: `armadm`'s, or root's (0)
    /// where that group does not exist.
    package static func adminGroupID() throws(SystemError) -> UInt32 {
        try group(named: adminGroupName)?.gid ?? 0
    }

    /// The credentials of a process, from `/proc/PID/status`.
    package static func groups(ofPid pid: Int32) throws(SystemError) -> ProcessCredentials {
        let path = "/proc/\(pid)/status"
        guard let credentials = ProcessCredentials.parse(status: try FileIO.readText(path: path)) else {
            throw .malformed(path: path, reason: "no valid Uid/Gid/Groups lines")
        }
        return credentials
    }

    // MARK: - Reentrant lookups

    private static func lookUpUser(
        _ what: String,
        _ call: (inout passwd, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<passwd>?) -> Int32
    ) throws(SystemError) -> UserAccount? {
        var size = max(1024, sysconf(Int32(_SC_GETPW_R_SIZE_MAX)))
        while true {
            var record = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            let code = call(&record, buffer, size, &result)
            if code == ERANGE && size < 1 << 20 {
                size *= 4
                continue
            }
            if isNotFound(code) { return nil }
            guard code == 0 else { throw .call("getpwnam_r", path: what, errno: code) }
            guard result != nil else { return nil }
            return UserAccount(
                name: String(cString: record.pw_name),
                uid: record.pw_uid,
                gid: record.pw_gid,
                home: record.pw_dir.map { String(cString: $0) } ?? "",
                shell: record.pw_shell.map { String(cString: $0) } ?? ""
            )
        }
    }

    private static func lookUpGroup(
        _ what: String,
        _ call: (inout Glibc.group, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<Glibc.group>?) -> Int32
    ) throws(SystemError) -> GroupAccount? {
        var size = max(1024, sysconf(Int32(_SC_GETGR_R_SIZE_MAX)))
        while true {
            var record = Glibc.group()
            var result: UnsafeMutablePointer<Glibc.group>?
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            let code = call(&record, buffer, size, &result)
            if code == ERANGE && size < 1 << 22 {
                size *= 4
                continue
            }
            if isNotFound(code) { return nil }
            guard code == 0 else { throw .call("getgrnam_r", path: what, errno: code) }
            guard result != nil else { return nil }
            var members: [String] = []
            if var member = record.gr_mem {
                while let name = member.pointee {
                    members.append(String(cString: name))
                    member += 1
                }
            }
            return GroupAccount(name: String(cString: record.gr_name), gid: record.gr_gid, members: members)
        }
    }

    /// Codes some NSS modules return for "no such entry" instead of 0 with a null result.
    private static func isNotFound(_ code: Int32) -> Bool {
        code == ENOENT || code == ESRCH || code == EBADF || code == EPERM
    }
}
