import Foundation
import Glibc
import Synchronization

/// What a finished command did.
struct CommandResult: Sendable, CustomStringConvertible {
    /// The exit status, or 128 + the signal number.
    let status: Int32
    let stdout: String
    let stderr: String
    /// The command's PID (what ARM.LOG must show for its line).
    let pid: Int32
    /// Wall time from launch to exit.
    let elapsed: Duration

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String { "status \(status), stdout \(stdout.debugDescription), stderr \(stderr.debugDescription)" }
}

/// A child process started with `posix_spawn`, whose exit is awaited without blocking the cooperative pool.
///
/// stdout and stderr go to files (no pipe can fill up), stdin comes from /dev/null, the signal mask and
/// dispositions are reset. A thread of its own blocks in `waitpid` for it.
///
/// Not Foundation's `Process`: it learns of an exit through a socket that the child inherits, and armmond
/// passes that socket on to group scripts and their background children, so an exit could go unnoticed
/// for as long as any of them lives.
final class ChildProcess: Sendable {
    private struct State {
        var status: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// The exit status and its waiters, shared with the reaping thread.
    private final class ExitState: Sendable {
        let state = Mutex(State())

        func finish(_ code: Int32) {
            let waiters = state.withLock { current -> [CheckedContinuation<Int32, Never>] in
                current.status = code
                defer { current.waiters = [] }
                return current.waiters
            }
            for waiter in waiters { waiter.resume(returning: code) }
        }
    }

    private let exit = ExitState()
    let stdoutPath: String
    let stderrPath: String
    let pid: Int32
    let started: ContinuousClock.Instant

    private static let counter = Mutex(0)

    /// Starts `executable` with argv[0] = its path, so that a symbolic link's name selects the command.
    init(_ executable: String, _ arguments: [String], environment: [String: String], outputIn directory: String) throws
    {
        let number = Self.counter.withLock { value -> Int in
            value += 1
            return value
        }
        let base = directory + "/" + (executable as NSString).lastPathComponent + "-\(number)"
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        let output = open(stdoutPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let errors = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer {
            if output >= 0 { close(output) }
            if errors >= 0 { close(errors) }
        }
        guard output >= 0, errors >= 0 else { throw RigError("cannot create output files in \(directory)") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child = pid_t()
        started = .now
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw RigError("posix_spawn \(executable): errno \(result)") }
        pid = child

        let exit = self.exit
        let spawned = child
        let reaper = Thread {
            var status: Int32 = 0
            while waitpid(spawned, &status, 0) < 0 {
                guard errno == EINTR else {
                    exit.finish(255)
                    return
                }
            }
            let signal = status & 0x7f
            exit.finish(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
        }
        reaper.start()
    }

    /// The exit status once known, without waiting.
    var exitStatus: Int32? { exit.state.withLock { $0.status } }

    /// Waits for the exit.
    ///
    /// Cancelled (the test's time limit passed), the child gets SIGKILL, so the wait still ends.
    func wait() async -> Int32 {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let known = exit.state.withLock { current -> Int32? in
                    if let status = current.status { return status }
                    current.waiters.append(continuation)
                    return nil
                }
                if let known { continuation.resume(returning: known) }
            }
        } onCancel: {
            kill(pid, SIGKILL)
        }
    }

    /// Waits for the exit at most `limit`; past it, the child gets SIGKILL and nil is returned.
    func wait(atMost limit: Duration) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await self.wait() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            if first == nil { kill(pid, SIGKILL) }
            group.cancelAll()
            return first
        }
    }

    /// Sends a signal.
    func signal(_ number: Int32) { kill(pid, number) }

    var stdout: String { Files.read(stdoutPath) }
    var stderr: String { Files.read(stderrPath) }

    /// Runs a command to its end (at most `limit`; then it is killed and the status is 137).
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        outputIn directory: String,
        limit: Duration = .seconds(60)
    ) async throws -> CommandResult {
        let child = try ChildProcess(executable, arguments, environment: environment, outputIn: directory)
        return await child.result(limit: limit)
    }

    /// Waits (at most `limit`) and collects the result.
    func result(limit: Duration = .seconds(60)) async -> CommandResult {
        let status = await wait(atMost: limit) ?? 137
        let elapsed = ContinuousClock.now - started
        return CommandResult(status: status, stdout: stdout, stderr: stderr, pid: pid, elapsed: elapsed)
    }
}
