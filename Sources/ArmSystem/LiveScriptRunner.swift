import ArmCore
import Glibc

/// Runs group scripts and hooks for real (commands.md 1.6): `posix_spawn` into a new session (so the
/// script leads its own session and process group), stdin `/dev/null`, stdout and stderr on pipes,
/// the given working directory and exactly the given environment.
///
/// Everything runs on a dedicated thread: the spawn, then a `poll` on the pipes and a pidfd until the
/// script exits or its timeout passes, splitting output into lines for the observer; then the thread
/// resumes the caller. `observer.started` and `observer.line` are called on that thread.
///
/// Interpretation (the spec is silent):
/// - When the script itself exits, whatever is already in the pipes is read (at most one pipe
///   capacity more per stream) and reading stops, even if a background child still holds the pipes
///   open: `start.sh` may legitimately leave a daemon running, and waiting for it would hang the group.
///   Such children are left alone.
/// - On timeout the whole process group gets `SIGKILL` (children that moved to another session or
///   group escape it) and the outcome is `.timedOut`, whatever the script's own status.
/// - `ETXTBSY` from exec (the file was just written and a concurrently spawned child still held it
///   open) is retried for about half a second before it becomes `.execFailed`.
/// - Task cancellation is ignored: the port promises to run the script to its end, and the timeout
///   bounds the wait.
/// - A line longer than `maximumLineBytes` is passed on in pieces of that size; invalid UTF-8 becomes
///   U+FFFD.
package struct LiveScriptRunner: ScriptRunner {
    /// The longest line passed on whole.
    package static let maximumLineBytes = 65_536

    /// Creates the runner.
    package init() {}

    /// Runs the invocation to its end; every failure is an outcome (`.execFailed` for spawn errors,
    /// including a missing working directory).
    package func run(_ invocation: ScriptInvocation, observer: ScriptObserver) async -> ScriptOutcome {
        await withCheckedContinuation { continuation in
            let work: @Sendable () -> Void = {
                continuation.resume(returning: Self.runToEnd(invocation, observer: observer))
            }
            do {
                try SystemThread.detach(work)
            } catch {
                // Last resort when the system refuses a thread: run here, blocking this pool thread,
                // rather than not run the script at all.
                work()
            }
        }
    }

    /// Spawns and supervises on the calling (dedicated) thread.
    private static func runToEnd(_ invocation: ScriptInvocation, observer: ScriptObserver) -> ScriptOutcome {
        var attempt = 0
        while true {
            switch SpawnedScript.spawn(invocation) {
            case .success(let spawned):
                observer.started(spawned.pid)
                let deadline = invocation.timeout.map { monotonicNowNanoseconds() + $0.totalNanoseconds }
                var supervisor = ScriptSupervisor(script: spawned, deadline: deadline, observer: observer)
                return supervisor.run()
            case .failure(let failure) where failure.code == ETXTBSY && attempt < 8:
                // The file was open for writing in a child that another thread was spawning at that
                // moment (it holds every descriptor until its own exec): transient, so retry briefly.
                attempt += 1
                _ = poll(nil, 0, Int32(min(100, 5 << attempt)))
            case .failure(let failure):
                return .execFailed(errno: failure.code)
            }
        }
    }
}

/// An errno value as a `Result` failure.
struct Errno: Error {
    let code: Int32
}

/// A script that `posix_spawn` started: its pid and our ends of its output pipes.
struct SpawnedScript: Sendable {
    let pid: pid_t
    let stdout: Int32
    let stderr: Int32

    /// Spawns the script; the failure is the errno `posix_spawn` (or pipe creation) reported.
    static func spawn(_ invocation: ScriptInvocation) -> Result<SpawnedScript, Errno> {
        guard let addChdir = GlibcExtras.addChdir else { return .failure(Errno(code: ENOSYS)) }
        guard let out = makeCloseOnExecPipe() else { return .failure(Errno(code: currentErrno())) }
        guard let err = makeCloseOnExecPipe() else {
            let code = currentErrno()
            closeDescriptor(out.read)
            closeDescriptor(out.write)
            return .failure(Errno(code: code))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        // Close everything above stderr in the child: not every descriptor of the daemon is O_CLOEXEC (NIO's
        // epoll and listening sockets, inherited ones), and a daemon a script starts must not keep them.
        _ = GlibcExtras.addClosefrom?(&actions, 3)
        _ = addChdir(&actions, invocation.workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // New session (so pgid == pid), an empty signal mask and default dispositions: the daemon's
        // blocked or ignored signals (SIGPIPE, SIGTERM…) must not leak into scripts.
        let flags = posixSpawnSetsid | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let argv = CStringArray([invocation.path] + invocation.arguments)
        let envp = CStringArray(environmentStrings(invocation.environment))
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        var pid = pid_t()
        let result = argv.pointers.withUnsafeBufferPointer { argvPointer in
            envp.pointers.withUnsafeBufferPointer { envpPointer -> Int32 in
                guard let argvBase = argvPointer.baseAddress, let envpBase = envpPointer.baseAddress else {
                    return EINVAL
                }
                return posix_spawn(&pid, invocation.path, &actions, &attributes, argvBase, envpBase)
            }
        }
        closeDescriptor(out.write)
        closeDescriptor(err.write)
        guard result == 0 else {
            closeDescriptor(out.read)
            closeDescriptor(err.read)
            return .failure(Errno(code: result))
        }
        setNonBlocking(out.read)
        setNonBlocking(err.read)
        return .success(SpawnedScript(pid: pid, stdout: out.read, stderr: err.read))
    }
}

/// Waits for one script on its own thread: reads output, enforces the timeout, reaps.
struct ScriptSupervisor {
    private let pid: pid_t
    private let deadline: Int64?
    private let observer: ScriptObserver
    private var streams: [OutputPipe]

    init(script: SpawnedScript, deadline: Int64?, observer: ScriptObserver) {
        pid = script.pid
        self.deadline = deadline
        self.observer = observer
        streams = [
            OutputPipe(descriptor: script.stdout, stream: .stdout),
            OutputPipe(descriptor: script.stderr, stream: .stderr),
        ]
    }

    /// Supervises to the end and returns the outcome; closes every descriptor.
    mutating func run() -> ScriptOutcome {
        let pidfd = GlibcExtras.pidfdOpen.map { $0(pid, 0) } ?? -1
        defer { closeDescriptor(pidfd) }
        var timedOut = false
        waiting: while true {
            var descriptors: [pollfd] = []
            for stream in streams where stream.isOpen {
                descriptors.append(pollfd(fd: stream.descriptor, events: Int16(POLLIN), revents: 0))
            }
            if pidfd >= 0 { descriptors.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
            var timeout: Int32 = deadline.map { pollTimeout(until: $0) } ?? -1
            if pidfd < 0 {
                // No pidfd (very old kernel or C library): check for the exit at least every 50 ms.
                timeout = timeout < 0 ? 50 : min(timeout, 50)
            }
            let ready = descriptors.withUnsafeMutableBufferPointer { buffer in
                poll(buffer.baseAddress, nfds_t(buffer.count), timeout)
            }
            if ready < 0 && currentErrno() != EINTR {
                // Only ENOMEM is possible with valid descriptors: wait a little, keep enforcing the timeout.
                _ = poll(nil, 0, 50)
            }
            for index in streams.indices where streams[index].isOpen {
                if descriptors.contains(where: { $0.fd == streams[index].descriptor && $0.revents != 0 }) {
                    streams[index].readAvailable(budget: Int.max, observer: observer)
                }
            }
            if hasExited(pidfd: pidfd) { break waiting }
            if let deadline, monotonicNowNanoseconds() >= deadline {
                timedOut = true
                // The script has not been reaped, so its pid (== pgid) cannot have been reused.
                kill(-pid, SIGKILL)
                break waiting
            }
        }
        let status = reap()
        // Read what is already in the pipes, bounded so that a child that keeps writing cannot keep
        // us here; then stop (see the type's documentation).
        for index in streams.indices where streams[index].isOpen {
            streams[index].readAvailable(budget: drainBudget(streams[index].descriptor), observer: observer)
        }
        for index in streams.indices { streams[index].finish(observer: observer) }
        if timedOut { return .timedOut }
        return decode(status)
    }

    private func hasExited(pidfd: Int32) -> Bool {
        if pidfd >= 0 {
            var descriptor = pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, 0) > 0
        }
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info._sifields._sigchld.si_pid == pid
    }

    private func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if currentErrno() != EINTR { return -1 }
        }
        return status
    }

    private func drainBudget(_ descriptor: Int32) -> Int {
        let capacity = fcntl(descriptor, fcntlGetPipeSize)
        return capacity > 0 ? Int(capacity) : 1 << 20
    }

    private func decode(_ status: Int32) -> ScriptOutcome {
        if status == -1 { return .execFailed(errno: ECHILD) }  // someone else reaped it
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(signal)
    }
}

/// One output pipe of a script and its partial line.
struct OutputPipe {
    private(set) var descriptor: Int32
    let stream: OutputStream
    private var splitter = LineSplitter(maximumLineBytes: LiveScriptRunner.maximumLineBytes)

    init(descriptor: Int32, stream: OutputStream) {
        self.descriptor = descriptor
        self.stream = stream
    }

    var isOpen: Bool { descriptor >= 0 }

    /// Reads until the pipe is empty (`EAGAIN`), at its end, or `budget` bytes were read.
    mutating func readAvailable(budget: Int, observer: ScriptObserver) {
        var remaining = budget
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let stream = stream
        while remaining > 0 && descriptor >= 0 {
            let wanted = min(buffer.count, remaining)
            let count = buffer.withUnsafeMutableBytes { bytes in
                retryingOnInterrupt { read(descriptor, bytes.baseAddress, wanted) }
            }
            if count > 0 {
                remaining -= count
                buffer.withUnsafeBytes { bytes in
                    splitter.feed(UnsafeRawBufferPointer(rebasing: bytes[..<count])) { observer.line(stream, $0) }
                }
            } else if count == 0 || currentErrno() != EAGAIN {
                closeDescriptor(descriptor)
                descriptor = -1
            } else {
                return
            }
        }
    }

    /// Passes on a final partial line and closes the pipe.
    mutating func finish(observer: ScriptObserver) {
        let stream = stream
        splitter.finish { observer.line(stream, $0) }
        closeDescriptor(descriptor)
        descriptor = -1
    }
}

/// Splits a byte stream into lines: LF ends a line, a CR before it is dropped, a line over the
/// limit is cut into pieces, and a final unterminated line is flushed by `finish`.
package struct LineSplitter {
    private var pending: [UInt8] = []
    private let maximumLineBytes: Int

    /// Creates a splitter.
    package init(maximumLineBytes: Int) {
        self.maximumLineBytes = max(1, maximumLineBytes)
    }

    /// Adds bytes and emits every line they complete.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, emit: (String) -> Void) {
        for byte in bytes {
            if byte == 0x0A {
                emitPending(droppingCarriageReturn: true, emit)
            } else {
                pending.append(byte)
                if pending.count >= maximumLineBytes { emitPending(droppingCarriageReturn: false, emit) }
            }
        }
    }

    /// Adds bytes (array form).
    package mutating func feed(_ bytes: [UInt8], emit: (String) -> Void) {
        bytes.withUnsafeBytes { feed($0, emit: emit) }
    }

    /// Emits the unterminated last line, if any.
    package mutating func finish(emit: (String) -> Void) {
        if !pending.isEmpty { emitPending(droppingCarriageReturn: true, emit) }
    }

    private mutating func emitPending(droppingCarriageReturn: Bool, _ emit: (String) -> Void) {
        if droppingCarriageReturn && pending.last == 0x0D { pending.removeLast() }
        emit(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var totalNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).overflow
            ? Int64.max : scaled + attoseconds / 1_000_000_000
    }
}
