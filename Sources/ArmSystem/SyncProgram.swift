import ArmCore
import CArmSpawn
import Glibc
import Synchronization

/// `armload /W` in the front end (commands.md 2.1): runs a program to its end with this process's
/// stdin, stdout and stderr.
///
/// The program starts as `LiveProgramLauncher` starts one (own session and process group, umask 022,
/// default signal dispositions, the spec's environment and working directory, the user switch with
/// `HOME`/`USER`/`LOGNAME`/`SHELL`), but inherits descriptors 0, 1 and 2 (a closed one becomes
/// `/dev/null`); `notifySocketPath` is ignored (`/W` excludes `/WAIT`). While it runs, SIGINT, SIGTERM and
/// SIGHUP sent to this process are forwarded to the program's process group (a signal that arrives
/// before the program has started is sent to it as soon as it has); afterwards the previous handlers are
/// back. Because the program has its own session, it has no controlling terminal: a terminal's Ctrl-C
/// reaches it through this forwarding.
///
/// One program at a time per process (the forwarding target is process-wide); a second caller waits.
package enum SyncProgram {
    private static let gate = Mutex(())

    /// Runs the program and returns how it ended, or why it could not start.
    package static func run(_ spec: ProgramSpec) -> Result<ProgramExit, LaunchError> {
        gate.withLock { _ in runAlone(spec) }
    }

    /// The exit status a wrapper passes on (commands.md 1.5): the program's own status, 128+n after
    /// signal n, 1 when unknown.
    package static func exitStatus(of exit: ProgramExit) -> Int32 {
        switch exit {
        case .exited(let status): status
        case .signaled(let signal): 128 + signal
        case .unknown: 1
        }
    }

    private static func runAlone(_ spec: ProgramSpec) -> Result<ProgramExit, LaunchError> {
        var saved = arm_forward_saved()
        let installed = arm_forward_install(&saved)
        guard installed == 0 else { return .failure(.spawnFailed(errno: installed)) }
        defer { arm_forward_restore(&saved) }

        // Output this process has buffered comes before the program's.
        fflush(nil)
        let environment = ProgramSpawner.environment(for: spec, notifySocket: nil)
        let pid: pid_t
        switch ProgramSpawner.spawn(spec, environment: environment, stdio: (0, 1, 2)) {
        case .success(let started): pid = started
        case .failure(let error): return .failure(error)
        }
        arm_forward_set_group(pid)

        // Wait without reaping first: while the program is unreaped its pid, which is also the group id,
        // cannot be reused, so a forwarded signal cannot reach a stranger's group.
        var kind: Int32 = 0
        var value: Int32 = 0
        var waited = retryingOnInterrupt { arm_wait_exit(pid, WNOWAIT, &kind, &value) }
        arm_forward_clear()
        if waited == 1 {
            waited = retryingOnInterrupt { arm_wait_exit(pid, 0, &kind, &value) }
        }
        guard waited == 1 else { return .success(.unknown) }
        return .success(ProgramSpawner.exit(kind: kind, value: value))
    }
}
