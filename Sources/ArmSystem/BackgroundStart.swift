import ArmCore
import CArmSpawn
import Glibc

/// Starting a daemon in the background (armmond without `/F`): the same program, in its own session with
/// stdio on `/dev/null`, and a wait until it is ready or has ended.
package enum BackgroundStart {
    /// How the start went.
    package enum Outcome: Sendable, Equatable {
        /// `isReady` held.
        case ready
        /// The child ended first, with this exit status (1 after a signal).
        case exited(Int32)
        /// Neither within the time limit: the child is left to go on.
        case stillStarting
        /// The child could not be started.
        case spawnFailed(errno: Int32)
    }

    /// Spawns `arguments` (argv[0] included) with exactly `environment`, then checks every 100 ms for up to
    /// `limit` whether the child ended or `isReady()` holds.
    package static func run(
        executable: String,
        arguments: [String],
        environment: [String: String],
        limit: Duration,
        isReady: () -> Bool
    ) -> Outcome {
        let request = ProgramSpawner.Request(
            path: executable,
            argv: arguments,
            environment: environment,
            workingDirectory: nil,
            user: nil,
            keepsUmask: true
        )
        let pid: pid_t
        switch ProgramSpawner.spawnOnce(request, stdio: (-1, -1, -1)) {
        case .success(let started): pid = started
        case .failure(let failure): return .spawnFailed(errno: failure.code)
        }
        let deadline = monotonicNowNanoseconds() + limit.totalNanoseconds
        while monotonicNowNanoseconds() < deadline {
            var kind: Int32 = 0
            var value: Int32 = 0
            if retryingOnInterrupt({ arm_wait_exit(pid, WNOHANG, &kind, &value) }) == 1 {
                return .exited(kind == 1 ? value : 1)
            }
            if isReady() { return .ready }
            CurrentProcess.sleep(for: .milliseconds(100))
        }
        return .stillStarting
    }
}
