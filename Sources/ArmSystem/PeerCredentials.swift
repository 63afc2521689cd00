import Glibc

/// The credentials of the process at the other end of a Unix socket (`SO_PEERCRED`), which the
/// control server checks (commands.md 1.4).
package struct PeerCredentials: Sendable, Equatable {
    /// The peer's pid at connect time.
    package var pid: Int32
    /// Its effective uid.
    package var uid: UInt32
    /// Its effective gid.
    package var gid: UInt32

    /// Creates credentials.
    package init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Reads `SO_PEERCRED` of a connected Unix socket descriptor.
    package static func of(socket descriptor: Int32) throws(SystemError) -> PeerCredentials {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } (not exported without _GNU_SOURCE).
        var raw: (Int32, UInt32, UInt32) = (0, 0, 0)
        var size = socklen_t(MemoryLayout<(Int32, UInt32, UInt32)>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &raw, &size) == 0 else {
            throw .call("getsockopt", path: "SO_PEERCRED", errno: currentErrno())
        }
        return PeerCredentials(pid: raw.0, uid: raw.1, gid: raw.2)
    }
}
