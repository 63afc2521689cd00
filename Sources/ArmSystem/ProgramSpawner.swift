import ArmCore
import CArmSpawn
import Glibc

/// Starts ARMLOAD programs through `arm_spawn` (CArmSpawn).
///
/// Own session and process group, umask 022, default signal dispositions, the spec's environment and
/// working directory, optional user switch. Shared by `LiveProgramLauncher` and `SyncProgram`.
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
    /// its own exec) is retried for about half a second, as `LiveScriptRunner` does.
    static func spawn(
        _ spec: ProgramSpec,
        environment: [String: String],
        stdio: (Int32, Int32, Int32)
    ) -> Result<pid_t, LaunchError> {
        var attempt = 0
        while true {
            let (code, stage, pid) = spawnOnce(spec, environment: environment, stdio: stdio)
            if code == 0 { return .success(pid) }
            if stage == Int32(ARM_SPAWN_STAGE_EXEC) && code == ETXTBSY && attempt < 8 {
                attempt += 1
                _ = poll(nil, 0, Int32(min(100, 5 << attempt)))
                continue
            }
            return .failure(launchError(stage: stage, errno: code))
        }
    }

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

    private static func spawnOnce(
        _ spec: ProgramSpec,
        environment: [String: String],
        stdio: (Int32, Int32, Int32)
    ) -> (code: Int32, stage: Int32, pid: pid_t) {
        let argv = CStringArray(spec.arguments.isEmpty ? [spec.path] : spec.arguments)
        let envp = CStringArray(environmentStrings(environment))
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        let groups: [gid_t] = spec.user?.groups ?? []
        var pid: pid_t = 0
        var stage: Int32 = 0
        let code = spec.path.withCString { path in
            spec.workingDirectory.withCString { directory in
                argv.pointers.withUnsafeBufferPointer { argvBuffer in
                    envp.pointers.withUnsafeBufferPointer { envpBuffer in
                        groups.withUnsafeBufferPointer { groupBuffer -> Int32 in
                            var request = arm_spawn_request()
                            request.path = path
                            request.argv = argvBuffer.baseAddress
                            request.envp = envpBuffer.baseAddress
                            request.working_directory = spec.workingDirectory.isEmpty ? nil : directory
                            request.stdio = stdio
                            if let user = spec.user {
                                request.switch_user = 1
                                request.uid = user.uid
                                request.gid = user.gid
                                request.groups = groupBuffer.baseAddress
                                request.group_count = groupBuffer.count
                            }
                            return arm_spawn(&request, &pid, &stage)
                        }
                    }
                }
            }
        }
        return (code, stage, pid)
    }

    /// How a reaped process ended, from `arm_wait_exit`'s kind and value.
    static func exit(kind: Int32, value: Int32) -> ProgramExit {
        kind == 1 ? .exited(value) : .signaled(value)
    }
}
