extension ExitStatus {
    /// The generic meaning of the code (commands.md 1.5), used where a command gives none of its own.
    package var genericMeaning: String {
        switch self {
        case .success: "done"
        case .failed: "attempted and failed: start or stop failure, hook failure, OS error, partial success"
        case .usage: "invalid parameter: unknown option, wrong operand count, bad value or name syntax"
        case .monitorUnreachable: "the local armmond is not running, not reachable, or silent"
        case .refused: "the state of the cluster, a server, group or program forbids it now"
        case .notFound: "a named object is missing"
        case .timeout: "a bounded wait expired"
        case .permissionDenied: "caller not permitted, or a needed file not accessible"
        case .busy: "already exists or running, limit reached, or a lock is held by another instance"
        case .internal: "protocol mismatch, corrupt state, bug"
        case .config: "configuration file or ARM_ROOT missing or invalid"
        case .shutdownExit: "armmond only: shutdown_action = exit"
        case .wrapFailed: "armload /W and armcall only: failed before the program ran"
        case .notExecutable: "armload /W and armcall only: program found but not executable"
        case .noProgram: "armload /W and armcall only: program not found"
        }
    }
}
