import ArmCommands
import ArmConfig
import ArmCore
import ArmSystem

extension CommandSystem {
    /// The real system: environment, Unix socket, stdio, files and clocks of this process.
    static func live() -> CommandSystem {
        CommandSystem(
            environment: Environment.current(),
            pid: CurrentProcess.id,
            connector: UnixSocketConnector(),
            writeStdout: { FileIO.writeAll($0, to: 1) },
            writeStderr: { FileIO.writeAll($0, to: 2) },
            appendLogLine: { path, lockPath, line in FileLogSink.appendOnce(path: path, lockPath: lockPath, line: line)
            },
            wallNow: { LiveClock().wallNow() },
            sleep: { CurrentProcess.sleep(for: $0) },
            shortHostname: { Hostname.short() },
            exec: { path, arguments, environment in
                Exec.replace(
                    path: path,
                    arguments: Array(arguments.dropFirst()),
                    environment: environment,
                    argv0: arguments.first
                ).errno
            },
            executableDirectory: { (try? Paths.executableDirectory()) ?? "/usr/local/bin" },
            readStateFallback: { StateDatabaseReader.read(path: $0) },
            currentDirectory: { CurrentProcess.workingDirectory() ?? "/" },
            resolveExecutable: { Exec.resolve($0, searchPath: $1) },
            lookupUser: { LiveProgramLauncher.lookup(user: $0) },
            runSynchronously: { SyncProgram.run($0) },
            readFile: { path in
                do throws(SystemError) {
                    return .success(try FileIO.readAll(path: path, limit: ConfigLoader.maximumSize + 1))
                } catch {
                    return .failure(ConfigReadError(reason: SystemError.describe(errno: error.errno)))
                }
            },
            fileStatus: { FileIO.status(path: $0) }
        )
    }
}
