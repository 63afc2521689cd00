import ArmCore
import CArmSpawn
import Glibc
import Synchronization

/// Runs group scripts and hooks for real (commands.md 1.6) with the same spawner and the same watcher as
/// ARMLOAD programs: `arm_spawn` (CArmSpawn) into a new session (so the script leads its own session and
/// process group), stdin `/dev/null`, stdout and stderr on pipes, the given working directory, exactly the
/// given environment, default signal dispositions and an empty signal mask, no descriptor above 2, and this
/// process's umask.
///
/// No thread per script: the script's pidfd and pipes join the `ProcessWatcher`'s epoll set, its timeout is
/// a deadline there, and the caller's task is resumed when the watcher reports the end.
/// `observer.started` and `observer.line` are called in order on the task that awaits `run`: the watcher
/// thread only queues them, so a slow observer never holds up the other scripts and programs.
///
/// Interpretation (the spec is silent):
/// - When the script itself exits, whatever is already in the pipes is read (at most one pipe
///   capacity more per stream) and reading stops, even if a background child still holds the pipes
///   open: `start.sh` may legitimately leave a daemon running, and waiting for it would hang the group.
///   Such children are left alone.
/// - On timeout the whole process group gets `SIGKILL` (children that moved to another session or
///   group escape it) and the outcome is `.timedOut`, whatever the script's own status.
/// - `ETXTBSY` from exec (the file was just written and a concurrently spawned child still held it
///   open) is retried for about half a second (timers on the watcher) before it becomes `.execFailed`.
/// - Task cancellation is ignored: the port promises to run the script to its end, and the timeout
///   bounds the wait. A watcher stopped under a running script (daemon shutdown) ends it as
///   `.execFailed(ECANCELED)`; the script itself is left running.
/// - A line longer than `maximumLineBytes` is passed on in pieces of that size; invalid UTF-8 becomes
///   U+FFFD.
package struct LiveScriptRunner: ScriptRunner {
    /// The longest line passed on whole.
    package static let maximumLineBytes = 65_536

    private let watcher: ProcessWatcher

    /// Creates the runner.
    /// - Parameter watcher: Where scripts are watched (one per process in the daemon).
    package init(watcher: ProcessWatcher = .shared) {
        self.watcher = watcher
    }

    /// Runs the invocation to its end; every failure is an outcome (`.execFailed` for spawn errors,
    /// including a missing working directory).
    package func run(_ invocation: ScriptInvocation, observer: ScriptObserver) async -> ScriptOutcome {
        // The watcher thread only queues; the observer (log writes) runs here, off that shared thread.
        let reports = ScriptReports()
        let relay = ScriptObserver(
            started: { reports.push(.started($0)) },
            line: { reports.push(.line($0, $1)) }
        )
        start(invocation, observer: relay, attempt: 0) { reports.push(.ended($0)) }
        while true {
            for report in await reports.next() {
                switch report {
                case .started(let pid): observer.started(pid)
                case .line(let stream, let text): observer.line(stream, text)
                case .ended(let outcome): return outcome
                }
            }
        }
    }

    /// `stat` of the script (`FileIO.status(path:)`).
    package func fileStatus(_ path: String) -> LocalFileStatus? {
        FileIO.status(path: path)
    }

    /// Spawns and registers the script; `finish` is called exactly once, with the outcome.
    private func start(
        _ invocation: ScriptInvocation,
        observer: ScriptObserver,
        attempt: Int,
        finish: @escaping @Sendable (ScriptOutcome) -> Void
    ) {
        guard let out = makeCloseOnExecPipe() else { return finish(.execFailed(errno: currentErrno())) }
        guard let err = makeCloseOnExecPipe() else {
            let code = currentErrno()
            closeDescriptor(out.read)
            closeDescriptor(out.write)
            return finish(.execFailed(errno: code))
        }
        let request = ProgramSpawner.Request(
            path: invocation.path,
            argv: [invocation.path] + invocation.arguments,
            environment: invocation.environment,
            workingDirectory: invocation.workingDirectory,
            user: nil,
            keepsUmask: true
        )
        let spawned = ProgramSpawner.spawnOnce(request, stdio: (-1, out.write, err.write))
        closeDescriptor(out.write)
        closeDescriptor(err.write)
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let failure):
            closeDescriptor(out.read)
            closeDescriptor(err.read)
            let delays = ProgramSpawner.retryDelays
            if failure.isTextBusy && attempt < delays.count {
                // The file was open for writing in a child that another thread was spawning at that
                // moment (it holds every descriptor until its own exec): transient, so retry briefly.
                let due = monotonicNowNanoseconds() + Int64(delays[attempt]) * 1_000_000
                let scheduled = watcher.schedule(at: due) { cancelled in
                    if cancelled { return finish(.execFailed(errno: ECANCELED)) }
                    start(invocation, observer: observer, attempt: attempt + 1, finish: finish)
                }
                if scheduled { return }
            }
            return finish(.execFailed(errno: failure.code))
        }
        setNonBlocking(out.read)
        setNonBlocking(err.read)
        observer.started(pid)

        let pidfd = descriptorAboveStandardStreams(arm_pidfd_open(pid))
        do throws(LaunchError) {
            guard pidfd >= 0 else { throw .spawnFailed(errno: currentErrno()) }
            let watch = ProcessWatcher.Watch(
                pid: pid,
                pidfd: pidfd,
                outputs: [(out.read, .stdout), (err.read, .stderr)],
                deadline: invocation.timeout.map { monotonicNowNanoseconds() + $0.totalNanoseconds },
                closesOutputAtExit: true
            )
            let events = ProcessWatcher.Events(
                ended: { ending in
                    switch ending {
                    case .exited(.exited(let status)): finish(.exited(status))
                    case .exited(.signaled(let signal)): finish(.signaled(signal))
                    case .exited(.unknown): finish(.execFailed(errno: ECHILD))  // someone else reaped it
                    case .deadlinePassed: finish(.timedOut)
                    case .watcherStopped: finish(.execFailed(errno: ECANCELED))
                    }
                },
                line: observer.line,
                ready: {}
            )
            try watcher.register(watch, events: events)
        } catch {
            // Not watchable: do not leave a script running that nobody waits for.
            ProgramSpawner.abandon(pid)
            closeDescriptor(pidfd)
            closeDescriptor(out.read)
            closeDescriptor(err.read)
            finish(.execFailed(errno: error.errno))
        }
    }
}

/// What one script reports, handed from the spawning and watcher threads to the task that runs it, in order.
///
/// Unbounded (the watcher must never block), and deliberately blind to task cancellation: the port runs a
/// script to its end.
private final class ScriptReports: Sendable {
    enum Report: Sendable {
        case started(Int32)
        case line(OutputStream, String)
        case ended(ScriptOutcome)
    }

    private struct State {
        var pending: [Report] = []
        var waiter: CheckedContinuation<[Report], Never>?
    }

    private let state = Mutex(State())

    /// Queues a report; wakes the waiting task, if any.
    func push(_ report: Report) {
        let wake = state.withLock { state -> (CheckedContinuation<[Report], Never>, [Report])? in
            state.pending.append(report)
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            defer { state.pending = [] }
            return (waiter, state.pending)
        }
        if let (waiter, reports) = wake { waiter.resume(returning: reports) }
    }

    /// Everything queued so far, waiting for at least one report.
    func next() async -> [Report] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> [Report]? in
                guard !state.pending.isEmpty else {
                    state.waiter = continuation
                    return nil
                }
                defer { state.pending = [] }
                return state.pending
            }
            if let ready { continuation.resume(returning: ready) }
        }
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
