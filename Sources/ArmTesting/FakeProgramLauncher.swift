import ArmCore
import Synchronization

/// A `ProgramLauncher` that starts nothing: it records every launch (spec with argv, environment, user and
/// notify socket), lets the test print lines, signal readiness and end a program with any exit, decides which
/// signals kill which program, and simulates re-attaching to programs of an earlier monitor.
package final class FakeProgramLauncher: ProgramLauncher {
    /// One recorded launch.
    package struct Launch: Sendable, Equatable {
        /// What was asked for.
        package var spec: ProgramSpec
        /// The pid given to it.
        package var pid: Int32
        /// When it was launched on the test clock (nil without a clock).
        package var at: MonotonicInstant?
    }

    /// One signal sent to a process group.
    package struct SentSignal: Sendable, Equatable {
        /// The process group.
        package var processGroup: Int32
        /// The signal number.
        package var signal: Int32
        /// When, on the test clock (nil without a clock).
        package var at: MonotonicInstant?

        /// Creates a record.
        package init(processGroup: Int32, signal: Int32, at: MonotonicInstant?) {
            self.processGroup = processGroup
            self.signal = signal
            self.at = at
        }
    }

    private struct Running {
        var events: ProgramEvents
        var startTicks: UInt64
    }

    private struct Watcher {
        var predicate: @Sendable (State) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var launches: [Launch] = []
        var signals: [SentSignal] = []
        var running: [Int32: Running] = [:]
        var stragglers: Set<Int32> = []
        var fatalSignals: [Int32: Set<Int32>] = [:]
        var defaultFatalSignals: Set<Int32> = []
        var launchFailures: [String: [LaunchError]] = [:]
        var nextFailure: [LaunchError] = []
        var previousPrograms: [Int32: UInt64] = [:]
        var attached: [Int32] = []
        var users: [String: ProgramUser] = [:]
        var nextPID: Int32 = 5000
        var watchers: [Watcher] = []
    }

    private let state = Mutex(State())
    private let clock: (any MonitorClock)?

    /// Creates a launcher; with a clock, launches and signals record their time.
    package init(clock: (any MonitorClock)? = nil) {
        self.clock = clock
    }

    // MARK: - Set-up

    /// Makes the next launch (whatever its path) fail with `error`.
    package func failNextLaunch(with error: LaunchError) { mutate { $0.nextFailure.append(error) } }

    /// Makes every later launch of `path` fail with `error` (nil: launches succeed again).
    package func failLaunches(of path: String, with error: LaunchError?) {
        mutate { state in
            if let error { state.launchFailures[path] = [error] } else { state.launchFailures[path] = nil }
        }
    }

    /// Programs end on these signals by default (`.signaled(n)`); others are ignored (initially: all).
    package func programsDie(on signals: Set<Int32>) { mutate { $0.defaultFatalSignals = signals } }

    /// This pid ends on these signals (overrides the default).
    package func program(_ pid: Int32, diesOn signals: Set<Int32>) { mutate { $0.fatalSignals[pid] = signals } }

    /// After the main process of `pid` ended, its process group keeps a process (until SIGKILL).
    package func leaveStraggler(_ pid: Int32) { mutate { _ = $0.stragglers.insert(pid) } }

    /// A program of an earlier monitor that is still running with these start ticks (re-attachable).
    package func previousProgram(pid: Int32, startTicks: UInt64) { mutate { $0.previousPrograms[pid] = startTicks } }

    /// An account `lookupUser` finds.
    package func addUser(_ user: ProgramUser) { mutate { $0.users[user.name] = user } }

    // MARK: - Driving programs

    /// The program prints a line.
    package func print(_ pid: Int32, _ stream: OutputStream, _ text: String) {
        let events = state.withLock { $0.running[pid]?.events }
        events?.line(stream, text)
    }

    /// The program sends `READY=1`.
    package func ready(_ pid: Int32) {
        let events = state.withLock { $0.running[pid]?.events }
        events?.ready()
    }

    /// The program ends with `exit`; false when it is not running.
    @discardableResult
    package func end(_ pid: Int32, with exit: ProgramExit) -> Bool {
        let events = mutate { state -> ProgramEvents? in
            state.running.removeValue(forKey: pid)?.events
        }
        guard let events else { return false }
        events.exited(exit)
        return true
    }

    // MARK: - ProgramLauncher

    /// Records the launch and hands out a pid, or fails as set up.
    package func launch(_ spec: ProgramSpec, events: ProgramEvents) throws(LaunchError) -> LaunchedProgram {
        let now = clock?.now()
        let result = mutate { state -> Result<LaunchedProgram, LaunchError> in
            if !state.nextFailure.isEmpty { return .failure(state.nextFailure.removeFirst()) }
            if let error = state.launchFailures[spec.path]?.first { return .failure(error) }
            let pid = state.nextPID
            state.nextPID += 1
            let program = LaunchedProgram(pid: pid, startTicks: 100_000 + UInt64(pid))
            state.running[pid] = Running(events: events, startTicks: program.startTicks)
            state.launches.append(Launch(spec: spec, pid: pid, at: now))
            return .success(program)
        }
        return try result.get()
    }

    /// Re-attaches to a program set up with `previousProgram(pid:startTicks:)` when the ticks match.
    package func attach(pid: Int32, startTicks: UInt64, events: ProgramEvents) -> LaunchedProgram? {
        mutate { state in
            guard state.previousPrograms[pid] == startTicks else { return nil }
            state.previousPrograms[pid] = nil
            state.running[pid] = Running(events: events, startTicks: startTicks)
            state.attached.append(pid)
            return LaunchedProgram(pid: pid, startTicks: startTicks)
        }
    }

    /// Records the signal; a program that dies on it ends with `.signaled(signal)`.
    @discardableResult
    package func signalGroup(_ processGroup: Int32, signal: Int32) -> Bool {
        let now = clock?.now()
        let (alive, dying) = mutate { state -> (Bool, ProgramEvents?) in
            state.signals.append(SentSignal(processGroup: processGroup, signal: signal, at: now))
            let alive = state.running[processGroup] != nil || state.stragglers.contains(processGroup)
            if signal == SignalNumber.kill { state.stragglers.remove(processGroup) }
            let fatal = state.fatalSignals[processGroup] ?? state.defaultFatalSignals
            guard fatal.contains(signal), let running = state.running.removeValue(forKey: processGroup) else {
                return (alive, nil)
            }
            return (alive, running.events)
        }
        dying?.exited(.signaled(signal))
        return alive
    }

    /// Whether the main process or a straggler of the group is alive.
    package func isGroupAlive(_ processGroup: Int32) -> Bool {
        state.withLock { $0.running[processGroup] != nil || $0.stragglers.contains(processGroup) }
    }

    /// The start ticks of a running program, or of one set up with `previousProgram(pid:startTicks:)`.
    package func processStartTicks(pid: Int32) -> UInt64? {
        state.withLock { $0.running[pid]?.startTicks ?? $0.previousPrograms[pid] }
    }

    /// The account set up with `addUser(_:)`.
    package func lookupUser(_ name: String) -> ProgramUser? { state.withLock { $0.users[name] } }

    // MARK: - Assertions

    /// Every launch, oldest first.
    package var launches: [Launch] { state.withLock { $0.launches } }

    /// Every signal sent, oldest first.
    package var signals: [SentSignal] { state.withLock { $0.signals } }

    /// The pids re-attached, in order.
    package var attached: [Int32] { state.withLock { $0.attached } }

    /// The pids running now, ascending.
    package var runningPIDs: [Int32] { state.withLock { $0.running.keys.sorted() } }

    /// Suspends until at least `count` launches happened.
    package func waitForLaunches(_ count: Int) async {
        await waitUntil { $0.launches.count >= count }
    }

    /// Suspends until at least `count` signals were sent.
    package func waitForSignals(_ count: Int) async {
        await waitUntil { $0.signals.count >= count }
    }

    private func waitUntil(_ predicate: @escaping @Sendable (State) -> Bool) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if predicate(state) { return true }
                    state.watchers.append(Watcher(predicate: predicate, continuation: continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Changes the state and wakes the watchers whose condition now holds.
    private func mutate<T: Sendable>(_ body: (inout State) -> T) -> T {
        let (result, ready) = state.withLock { state -> (T, [CheckedContinuation<Void, Never>]) in
            let result = body(&state)
            let snapshot = state
            var ready: [CheckedContinuation<Void, Never>] = []
            state.watchers.removeAll { watcher in
                guard watcher.predicate(snapshot) else { return false }
                ready.append(watcher.continuation)
                return true
            }
            return (result, ready)
        }
        for continuation in ready { continuation.resume() }
        return result
    }
}
