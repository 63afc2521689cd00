import ArmCore
import ArmSystem

/// Writes all of a string to a descriptor (stdout/stderr).
func writeText(_ descriptor: Int32, _ text: String) {
    FileIO.writeAll(text, to: descriptor)
}

/// `/F` copies every log line to stderr as well as to its file (commands.md 2.32).
final class TeeLogSink: LogSink {
    let files: any LogSink

    init(_ files: any LogSink) { self.files = files }

    func append(_ line: String, to file: LogFile) {
        files.append(line, to: file)
        writeText(2, file.relativePath + "\t" + line + "\n")
    }
}

/// Starting in the background: the same program with `/F`, in its own session with stdio on /dev/null.
///
/// The parent waits until the control socket answers (exit 0) or the child ends (its status).
enum Background {
    static func start(arguments: [String], environment: [String: String], socketPath: String) -> Int32 {
        let executable = (try? Paths.executablePath()) ?? arguments[0]
        // Up to 60 s: the start-up delay and the group auto-start come before the socket. Ready when the
        // socket accepts a connection: a file left by a killed armmond does not count.
        let outcome = BackgroundStart.run(
            executable: executable,
            arguments: arguments,
            environment: environment,
            limit: .seconds(60),
            isReady: { unixSocketAccepts(socketPath) }
        )
        switch outcome {
        case .ready, .stillStarting:
            return ExitStatus.success.rawValue
        case .exited(let status):
            return status
        case .spawnFailed(let code):
            writeText(2, "armmond: cannot start in the background (errno \(code))\n")
            return ExitStatus.failed.rawValue
        }
    }
}
