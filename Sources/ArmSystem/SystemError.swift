import ArmCore
import Glibc

/// A failed operating-system operation, closed over what ArmSystem can report (STYLE §2.3).
package enum SystemError: Error, Sendable, Equatable {
    /// A system call failed: the call's name, the path it worked on (if any) and `errno`.
    case call(_ name: String, path: String?, errno: Int32)
    /// Another armmond holds `armmond.lock`; its pid as read from `armmond.pid`, when readable
    /// (config-and-files §3.1: `armmond: already running (pid N)`).
    case alreadyRunning(pid: Int32?)
    /// `ARM_ROOT` is set to a relative path (commands.md 1.3: a configuration error, exit 10).
    case relativeArmRoot(String)
    /// A user or group name or id that the system does not know.
    case noSuchAccount(String)
    /// A file whose content is not in the expected format (`/proc` entries, pid files).
    case malformed(path: String, reason: String)

    /// The `errno` value that best describes the failure (`0x%x` in ARM.LOG texts, commands.md 1.7).
    package var errno: Int32 {
        switch self {
        case .call(_, _, let code): code
        case .alreadyRunning: EWOULDBLOCK
        case .relativeArmRoot: EINVAL
        case .noSuchAccount: ENOENT
        case .malformed: EINVAL
        }
    }

    /// The system refused for lack of privilege (`EPERM` or `EACCES`).
    package var isPermissionDenied: Bool { errno == EPERM || errno == EACCES }

    /// Untranslated detail for the `(DETAIL)` part of a stderr line (commands.md 1.7).
    ///
    /// For example `open /run/armcluster/armmond.lock: Permission denied` or `already running (pid 812)`.
    package var detail: String {
        switch self {
        case .call(let name, let path, let code):
            if let path {
                "\(name) \(path): \(SystemError.describe(errno: code))"
            } else {
                "\(name): \(SystemError.describe(errno: code))"
            }
        case .alreadyRunning(let pid):
            if let pid { "already running (pid \(pid))" } else { "already running" }
        case .relativeArmRoot(let value):
            "ARM_ROOT must be an absolute path: \(value)"
        case .noSuchAccount(let name):
            "no such account: \(name)"
        case .malformed(let path, let reason):
            "\(path): \(reason)"
        }
    }

    /// The `strerror` text of an errno value (glibc's words, from ArmCore's table).
    package static func describe(errno code: Int32) -> String {
        ErrnoText.describe(code)
    }
}
