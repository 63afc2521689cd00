/// Exit statuses of every command (commands.md 1.5); numbers are API: add, never renumber.
package enum ExitStatus: Int32, CaseIterable, Sendable, Hashable {
    case success = 0
    case failed = 1
    case usage = 2
    case monitorUnreachable = 3
    case refused = 4
    case notFound = 5
    case timeout = 6
    case permissionDenied = 7
    case busy = 8
    case `internal` = 9
    case config = 10
    /// armmond with `shutdown_action = exit` (config-and-files §1.2).
    case shutdownExit = 70
    /// armload /W and armcall only: failed before the program ran.
    case wrapFailed = 125
    case notExecutable = 126
    case noProgram = 127

    /// The name commands.md 1.5 gives the code (`OK`, `USAGE`, …).
    package var specName: String {
        switch self {
        case .success: "OK"
        case .failed: "FAILED"
        case .usage: "USAGE"
        case .monitorUnreachable: "UNREACHABLE"
        case .refused: "REFUSED"
        case .notFound: "NOT_FOUND"
        case .timeout: "TIMEOUT"
        case .permissionDenied: "DENIED"
        case .busy: "BUSY"
        case .internal: "INTERNAL"
        case .config: "CONFIG"
        case .shutdownExit: "SHUTDOWN_EXIT"
        case .wrapFailed: "WRAP_FAILED"
        case .notExecutable: "NOT_EXECUTABLE"
        case .noProgram: "NO_PROGRAM"
        }
    }
}
