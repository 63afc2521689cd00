import ArmCore
import CArmSpawn
import Glibc

/// Starts ARMLOAD programs and group scripts through `arm_spawn` (CArmSpawn).
///
/// Own session and process group, umask 022, default signal dispositions, the spec's environment and
/// working directory, optional user switch. Shared by `LiveProgramLauncher`, `SyncProgram` and (keeping the
/// caller's umask, no user switch) `LiveScriptRunner`.
enum ProgramSpawner {
    /// The environment a program gets: the spec's, with `HOME`, `USER`, `LOGNAME` and `SHELL` from passwd
    /// when it runs as another account (commands.md 2.1 `/U`), and `NOTIFY_SOCKET` set to `notifySocket`
    /// or removed (a `NOTIFY_SOCKET` inherited from a systemd-started armmond must not reach programs that
    /// were not given one).
    static func environment(for spec: ProgramSpec, notifySocket: String?) -> [String: String] {
        var environment = spec.environment
        if let user = spec.user {
            environment["HOME"] = user.home
            environment["USER"] = user.name
            environment["LOGNAME"] = user.name
            environment["SHELL"] = user.shell
        }
        environment["NOTIFY_SOCKET"] = notifySocket
        return environment
    }

    /// Spawns the program with the given standard descriptors (-1: `/dev/null`).
    ///
    /// `ETXTBSY` from exec (the file was just written and another thread's child still held it open until
    /// its own exec) is retried for about half a second, blocking the caller (`LiveScriptRunner` waits for
    /// its retries on the watcher instead).
    static func spawn(
        _ spec: ProgramSpec,
        environment: [String: String],
        stdio: (Int32, Int32, Int32)
    ) -> Result<pid_t, LaunchError> {
        var attempt = 0
        while true {
            let request = Request(
                path: spec.path,
                argv: spec.arguments.isEmpty ? [spec.path] : spec.arguments,
                environment: environment,
                workingDirectory: spec.workingDirectory.isEmpty ? nil : spec.workingDirectory,
                user: spec.user,
                keepsUmask: false
            )
            switch spawnOnce(request, stdio: stdio) {
            case .success(let pid):
                return .success(pid)
            case .failure(let failure) where failure.isTextBusy && attempt < retryDelays.count:
                _ = poll(nil, 0, retryDelays[attempt])
                attempt += 1
            case .failure(let failure):
                return .failure(launchError(stage: failure.stage, errno: failure.code))
            }
        }
    }

    /// Milliseconds to wait before each retry after `ETXTBSY` (about half a second in all).
    static let retryDelays: [Int32] = [10, 20, 40, 80, 100, 100, 100, 100]

    /// Maps a failed stage of `arm_spawn` to the port's error (ARMLOAD-10 for the user switch, ARMLOAD-11
    /// for exec with 127 for ENOENT and 126 otherwise; resource shortages are not the program's fault).
    static func launchError(stage: Int32, errno code: Int32) -> LaunchError {
        switch stage {
        case Int32(ARM_SPAWN_STAGE_CREDENTIALS):
            return .userSwitchFailed(errno: code)
        case Int32(ARM_SPAWN_STAGE_EXEC):
            switch code {
            case ENOENT, ENOTDIR: return .notFound(errno: code)
            case E2BIG, ENOMEM, EAGAIN, EMFILE, ENFILE: return .spawnFailed(errno: code)
            default: return .notExecutable(errno: code)
            }
        default:
            return .spawnFailed(errno: code)
        }
    }

    /// One start through `arm_spawn`.
    struct Request {
        /// Executable path (no PATH search).
        var path: String
        /// argv, argv[0] included.
        var argv: [String]
        /// The complete environment.
        var environment: [String: String]
        /// nil keeps the caller's.
        var workingDirectory: String?
        /// Switch to this account before chdir and exec.
        var user: ProgramUser?
        /// Keep the caller's umask (scripts) rather than set 022 (programs).
        var keepsUmask: Bool
    }

    /// Where and why `arm_spawn` failed.
    struct Failure: Error {
        /// `ARM_SPAWN_STAGE_*`.
        let stage: Int32
        /// The errno.
        let code: Int32

        /// `ETXTBSY` from exec: transient, worth a retry.
        var isTextBusy: Bool { stage == Int32(ARM_SPAWN_STAGE_EXEC) && code == ETXTBSY }
    }

    /// Starts once with the given standard descriptors (-1: `/dev/null`).
    static func spawnOnce(_ request: Request, stdio: (Int32, Int32, Int32)) -> Result<pid_t, Failure> {
        let argv = CStringArray(request.argv)
        let envp = CStringArray(environmentStrings(request.environment))
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        let groups: [gid_t] = request.user?.groups ?? []
        let directory = request.workingDirectory ?? ""
        var pid: pid_t = 0
        var stage: Int32 = 0
        let code = request.path.withCString { path in
            directory.withCString { directoryPointer in
                argv.pointers.withUnsafeBufferPointer { argvBuffer in
                    envp.pointers.withUnsafeBufferPointer { envpBuffer in
                        groups.withUnsafeBufferPointer { groupBuffer -> Int32 in
                            var spawn = arm_spawn_request()
                            spawn.path = path
                            spawn.argv = argvBuffer.baseAddress
                            spawn.envp = envpBuffer.baseAddress
                            spawn.working_directory = request.workingDirectory == nil ? nil : directoryPointer
                            spawn.stdio = stdio
                            spawn.keep_umask = request.keepsUmask ? 1 : 0
                            if let user = request.user {
                                spawn.switch_user = 1
                                spawn.uid = user.uid
                                spawn.gid = user.gid
                                spawn.groups = groupBuffer.baseAddress
                                spawn.group_count = groupBuffer.count
                            }
                            return arm_spawn(&spawn, &pid, &stage)
                        }
                    }
                }
            }
        }
        return code == 0 ? .success(pid) : .failure(Failure(stage: stage, code: code))
    }

    /// Kills the process group of a child we cannot watch and reaps the child.
    static func abandon(_ pid: pid_t) {
        kill(-pid, SIGKILL)
        var kind: Int32 = 0
        var value: Int32 = 0
        _ = retryingOnInterrupt { arm_wait_exit(pid, 0, &kind, &value) }
    }

    /// How a reaped process ended, from `arm_wait_exit`'s kind and value.
    static func exit(kind: Int32, value: Int32) -> ProgramExit {
        kind == 1 ? .exited(value) : .signaled(value)
    }
}
