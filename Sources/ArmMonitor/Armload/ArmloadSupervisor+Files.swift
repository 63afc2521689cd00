import Foundation

extension ArmloadSupervisor {
    /// Reads a text file (a forking service's `pid_file`); nil when it cannot be read.
    package static let readTextFile: @Sendable (_ path: String) -> String? = { path in
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}
