import ArmCommands
import ArmCore
import ArmSystem
import Glibc

extension CommandSystem {
    /// The real system: environment, Unix socket, stdio, files and clocks of this process.
    static func live() -> CommandSystem {
        CommandSystem(
            environment: Environment.current(),
            pid: getpid(),
            connector: UnixSocketConnector(),
            writeStdout: { writeAll(1, $0) },
            writeStderr: { writeAll(2, $0) },
            appendLogLine: { path, lockPath, line in FileLogSink.appendOnce(path: path, lockPath: lockPath, line: line)
            },
            wallNow: { LiveClock().wallNow() },
            sleep: { duration in
                let (seconds, attoseconds) = duration.components
                var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
                var remaining = timespec()
                while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
            },
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
            currentDirectory: {
                var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
                let found = buffer.withUnsafeMutableBufferPointer { pointer in
                    pointer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                        getcwd($0, pointer.count)
                    } != nil
                }
                return found ? String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self) : "/"
            },
            resolveExecutable: { name, searchPath in
                switch Exec.locate(name, searchPath: searchPath) {
                case .found(let path): .success(path)
                case .notExecutable: .failure(.notExecutable(errno: EACCES))
                case .notFound: .failure(.notFound(errno: ENOENT))
                }
            },
            lookupUser: { LiveProgramLauncher.lookup(user: $0) },
            runSynchronously: { SyncProgram.run($0) },
            readTextFile: { try? FileIO.readText(path: $0) }
        )
    }
}

/// Writes all of a string to a descriptor, retrying short writes and EINTR.
private func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}
