import ArmCore
import CArmSpawn
import Glibc
import Synchronization

/// The one thread that watches every child of this process: ARMLOAD programs and group scripts alike.
///
/// A level-triggered epoll set holds each process's pidfd, output pipes and notify socket, plus an eventfd
/// that wakes the thread (a new deadline, `stop()`). The thread blocks in `epoll_wait` until the earliest
/// deadline (a script's timeout, a retry timer) or forever, so nothing is polled periodically.
///
/// Behaviour (the spec is silent; decided here):
/// - When the pidfd fires, the process is reaped (`waitid`; a process that is not our child, or that
///   someone else reaped, ends as `.unknown`), its notify socket and pipes are read for what is already
///   there (at most one pipe capacity per stream, so that a writer cannot hold the report back), and then
///   `exited` is called. A `READY=1` sent before the end is reported before `exited`.
/// - An unterminated last line is passed on before `exited` too. With `closesOutputAtExit` (scripts) the
///   pipes are closed then: a background child that still holds them must not keep the caller waiting.
///   Otherwise (programs) they stay open until their end of file, which comes when the last process holding
///   them has closed them or ended; lines read then are still passed to `line`, after `exited`, so that such
///   output still reaches the WID's log. No thread and no timer is kept for that.
/// - At a process's deadline its whole process group gets `SIGKILL` (the process is not reaped yet, so its
///   pid, which is the group id, cannot have been reused); its end is then reported as `.deadlinePassed`.
/// - Callbacks run on the watcher thread, never under its lock; they must return quickly (hop to an actor
///   or a queue), since every process waits on them. They may call back into the watcher, but not `stop()`.
package final class ProcessWatcher: Sendable {
    /// The process-wide watcher that the live launchers use unless given another; armmond stops it when
    /// it stops.
    package static let shared = ProcessWatcher()

    /// Read per wake-up of one pipe before other sources get their turn.
    private static let readBudget = 65_536
    /// Datagrams read per wake-up of one notify socket.
    private static let datagramBudget = 64
    /// The token of the wake-up eventfd (process tokens start at 1).
    private static let wakeToken: UInt64 = 0

    /// A notify socket: its descriptor, its path (`@` for an abstract name) and, for a file, its identity,
    /// so that only the socket we bound is unlinked.
    struct NotifyEndpoint: Sendable {
        let descriptor: Int32
        let path: String
        let identity: (device: UInt64, inode: UInt64)?

        /// Closes the socket and removes its file if it is still ours.
        func close() {
            closeDescriptor(descriptor)
            guard let identity else { return }
            var status = stat()
            if lstat(path, &status) == 0 && UInt64(status.st_dev) == identity.device
                && UInt64(status.st_ino) == identity.inode
            {
                unlink(path)
            }
        }
    }

    /// How a watched process ended.
    enum Ending: Sendable, Equatable {
        /// It ended (by itself or by someone's signal) and was reaped.
        case exited(ProgramExit)
        /// Its deadline passed and its process group was killed; it has been reaped.
        case deadlinePassed
        /// `stop()` came first: the process may still run; its descriptors are closed.
        case watcherStopped
    }

    /// What the watcher reports for one process.
    struct Events: Sendable {
        /// Called exactly once.
        var ended: @Sendable (Ending) -> Void
        /// One output line (LF split, trailing CR dropped).
        var line: @Sendable (OutputStream, String) -> Void
        /// The first `READY=1` on the notify socket.
        var ready: @Sendable () -> Void
    }

    /// What to watch besides the pidfd.
    struct Watch {
        /// The process id (also its process group id).
        var pid: Int32
        /// Its pidfd; the watcher owns it once registered.
        var pidfd: Int32
        /// Output pipes (non-blocking); the watcher owns them once registered.
        var outputs: [(descriptor: Int32, stream: OutputStream)] = []
        /// The notify socket; the watcher owns it once registered.
        var notify: NotifyEndpoint?
        /// Monotonic nanoseconds (`monotonicNowNanoseconds`) at which the process group is killed.
        var deadline: Int64?
        /// Close the pipes when the process has ended (scripts) rather than at their end of file (programs).
        var closesOutputAtExit = false
    }

    private struct Output {
        var descriptor: Int32
        let token: UInt64
        let stream: OutputStream
        var splitter = LineSplitter(maximumLineBytes: LiveScriptRunner.maximumLineBytes)
    }

    private struct Watched {
        let pid: Int32
        var pidfd: Int32
        let pidfdToken: UInt64
        var outputs: [Output]
        var notify: NotifyEndpoint?
        var notifyToken: UInt64
        let closesOutputAtExit: Bool
        let events: Events
        var hasExited = false
        var isReady = false
        var wasKilledAtDeadline = false

        var isFinished: Bool { hasExited && outputs.allSatisfy { $0.descriptor < 0 } }
    }

    private enum Source {
        case process(UInt64)
        case output(UInt64, Int)
        case notify(UInt64)
    }

    private struct Timer {
        let deadline: Int64
        /// Called on the watcher thread with false when due, or by `stop()` with true.
        let action: @Sendable (_ cancelled: Bool) -> Void
    }

    private struct State {
        var thread: SystemThread.Joinable?
        var isStopped = false
        var nextID: UInt64 = 1
        var sources: [UInt64: Source] = [:]
        var processes: [UInt64: Watched] = [:]
        /// Deadlines of watched processes, by process id.
        var deadlines: [UInt64: Int64] = [:]
        var timers: [UInt64: Timer] = [:]

        mutating func makeID() -> UInt64 {
            defer { nextID += 1 }
            return nextID
        }

        var earliestDeadline: Int64? {
            let processes = deadlines.values.min()
            let timers = timers.values.lazy.map(\.deadline).min()
            switch (processes, timers) {
            case (let first?, let second?): return min(first, second)
            case (let only?, nil), (nil, let only?): return only
            case (nil, nil): return nil
            }
        }
    }

    private let threadName: String
    private let epoll: Int32
    private let wake: Int32
    private let setupError: Int32
    private let state = Mutex(State())

    /// Creates a watcher; its thread starts with the first registration.
    /// - Parameter threadName: The thread's name (`/proc/self/task/*/comm`, at most 15 bytes).
    package init(threadName: String = "arm-watcher") {
        self.threadName = threadName
        let descriptor = arm_epoll_create()
        let epollError = descriptor < 0 ? currentErrno() : 0
        epoll = descriptorAboveStandardStreams(descriptor)
        let wakeDescriptor = arm_eventfd_create()
        let wakeError = wakeDescriptor < 0 ? currentErrno() : 0
        wake = descriptorAboveStandardStreams(wakeDescriptor)
        var error = epollError != 0 ? epollError : wakeError
        if error == 0 && arm_epoll_add(epoll, wake, Self.wakeToken) != 0 { error = currentErrno() }
        setupError = error
    }

    deinit {
        closeDescriptor(epoll)
        closeDescriptor(wake)
    }

    /// Watches a process.
    ///
    /// On success the watcher owns the pidfd, the output descriptors (non-blocking) and the notify socket
    /// and closes them; on failure the caller still owns them.
    /// - Throws: `.spawnFailed` when the thread or epoll fails, `ESHUTDOWN` after `stop()`.
    func register(_ watch: Watch, events: Events) throws(LaunchError) {
        guard setupError == 0 else { throw .spawnFailed(errno: setupError) }
        try startIfNeeded()
        let epoll = epoll
        let failure = state.withLock { state -> Int32 in
            guard !state.isStopped else { return ESHUTDOWN }
            let id = state.makeID()
            var added: [Int32] = []
            var watched = Watched(
                pid: watch.pid,
                pidfd: watch.pidfd,
                pidfdToken: state.makeID(),
                outputs: [],
                notify: watch.notify,
                notifyToken: 0,
                closesOutputAtExit: watch.closesOutputAtExit,
                events: events
            )
            var wanted: [(token: UInt64, descriptor: Int32, source: Source)] = [
                (watched.pidfdToken, watch.pidfd, .process(id))
            ]
            for (index, output) in watch.outputs.enumerated() {
                let token = state.makeID()
                watched.outputs.append(Output(descriptor: output.descriptor, token: token, stream: output.stream))
                wanted.append((token, output.descriptor, .output(id, index)))
            }
            if let notify = watch.notify {
                watched.notifyToken = state.makeID()
                wanted.append((watched.notifyToken, notify.descriptor, .notify(id)))
            }
            state.processes[id] = watched
            for item in wanted {
                state.sources[item.token] = item.source
                if arm_epoll_add(epoll, item.descriptor, item.token) != 0 {
                    let code = currentErrno()
                    for descriptor in added { _ = arm_epoll_remove(epoll, descriptor) }
                    for undo in wanted { state.sources[undo.token] = nil }
                    state.processes[id] = nil
                    return code
                }
                added.append(item.descriptor)
            }
            if let deadline = watch.deadline { state.deadlines[id] = deadline }
            return 0
        }
        if failure != 0 { throw .spawnFailed(errno: failure) }
        // The thread may be waiting with a later timeout (or none).
        if watch.deadline != nil { _ = arm_eventfd_signal(wake) }
    }

    /// Calls `action(false)` on the watcher thread once `deadline` (monotonic nanoseconds) has passed, or
    /// `action(true)` from `stop()` if that comes first.
    /// - Returns: False, without calling `action`, when the watcher cannot run it (stopped, or no thread).
    func schedule(at deadline: Int64, _ action: @escaping @Sendable (_ cancelled: Bool) -> Void) -> Bool {
        guard setupError == 0 else { return false }
        do { try startIfNeeded() } catch { return false }
        let accepted = state.withLock { state -> Bool in
            guard !state.isStopped else { return false }
            state.timers[state.makeID()] = Timer(deadline: deadline, action: action)
            return true
        }
        if accepted { _ = arm_eventfd_signal(wake) }
        return accepted
    }

    /// Ends the watcher thread and waits for it (armmond calls it when it stops).
    ///
    /// Then every watched descriptor is closed and what was still watched is reported as `.watcherStopped`
    /// (timers get `cancelled`). Processes are left running. Later registrations fail with `ESHUTDOWN`.
    /// Idempotent; never call it from a watcher callback.
    package func stop() {
        let thread = state.withLock { state -> SystemThread.Joinable? in
            state.isStopped = true
            defer { state.thread = nil }
            return state.thread
        }
        if let thread {
            _ = arm_eventfd_signal(wake)
            thread.join()
        }
        let (processes, timers) = state.withLock { state in
            defer {
                state.processes = [:]
                state.sources = [:]
                state.deadlines = [:]
                state.timers = [:]
            }
            return (Array(state.processes.values), Array(state.timers.values))
        }
        for watched in processes {
            // close() also takes a descriptor out of the epoll set.
            closeDescriptor(watched.pidfd)
            for output in watched.outputs { closeDescriptor(output.descriptor) }
            watched.notify?.close()
            if !watched.hasExited { watched.events.ended(.watcherStopped) }
        }
        for timer in timers { timer.action(true) }
    }

    private func startIfNeeded() throws(LaunchError) {
        // Started under the lock, so that two first registrations start one thread; the new thread waits
        // for the lock before it reads any state.
        try state.withLock { state throws(LaunchError) in
            guard !state.isStopped, state.thread == nil else { return }
            do throws(SystemError) {
                state.thread = try SystemThread.start { [self] in run() }
            } catch {
                throw .spawnFailed(errno: error.errno)
            }
        }
    }

    // MARK: - The watcher thread

    private func run() {
        arm_set_thread_name(threadName)
        var tokens = [UInt64](repeating: 0, count: 64)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let deadline = state.withLock { $0.earliestDeadline }
            let timeout = deadline.map { pollTimeout(until: $0) } ?? -1
            let count = tokens.withUnsafeMutableBufferPointer { pointer in
                arm_epoll_wait(epoll, pointer.baseAddress, Int32(pointer.count), timeout)
            }
            if count < 0 && currentErrno() != EINTR {
                // Anything but EINTR would be a bug (the epoll descriptor lives as long as this object).
                _ = poll(nil, 0, 10)
            }
            for token in tokens[..<Int(max(0, count))] {
                if token == Self.wakeToken {
                    _ = arm_eventfd_drain(wake)
                } else {
                    handle(token, buffer: &buffer)
                }
            }
            if state.withLock({ $0.isStopped }) { return }
            handleDeadlines()
        }
    }

    private func handleDeadlines() {
        let now = monotonicNowNanoseconds()
        let due = state.withLock { state -> [@Sendable (Bool) -> Void] in
            for (id, deadline) in state.deadlines where deadline <= now {
                state.deadlines[id] = nil
                guard let watched = state.processes[id], !watched.hasExited else { continue }
                // Not reaped yet (only this thread reaps), so the group id is still this process's.
                _ = kill(-watched.pid, SIGKILL)
                state.processes[id]?.wasKilledAtDeadline = true
            }
            var actions: [@Sendable (Bool) -> Void] = []
            for (id, timer) in state.timers where timer.deadline <= now {
                state.timers[id] = nil
                actions.append(timer.action)
            }
            return actions
        }
        for action in due { action(false) }
    }

    private func handle(_ token: UInt64, buffer: inout [UInt8]) {
        guard let source = state.withLock({ $0.sources[token] }) else { return }
        switch source {
        case .output(let id, let index):
            // Looked up first: reading the end of file may remove a process that has already exited.
            guard let events = state.withLock({ $0.processes[id]?.events }) else { return }
            var lines: [(OutputStream, String)] = []
            readOutput(id, index, budget: Self.readBudget, buffer: &buffer, into: &lines)
            for (stream, line) in lines { events.line(stream, line) }
        case .notify(let id):
            guard let events = state.withLock({ $0.processes[id]?.events }) else { return }
            if readNotify(id) { events.ready() }
        case .process(let id):
            handleExit(id, buffer: &buffer)
        }
    }

    /// Reads one pipe until it is empty, at its end (then flushes and closes it) or `budget` bytes were
    /// read, and appends the completed lines.
    private func readOutput(
        _ id: UInt64,
        _ index: Int,
        budget: Int,
        buffer: inout [UInt8],
        into lines: inout [(OutputStream, String)]
    ) {
        guard
            let (descriptor, stream) = state.withLock({ state -> (Int32, OutputStream)? in
                guard let output = state.processes[id]?.outputs[index], output.descriptor >= 0 else { return nil }
                return (output.descriptor, output.stream)
            })
        else { return }
        var remaining = budget
        while remaining > 0 {
            let wanted = min(buffer.count, remaining)
            // Only this thread closes the descriptor, so it stays valid outside the lock.
            let count = buffer.withUnsafeMutableBytes { raw in
                retryingOnInterrupt { read(descriptor, raw.baseAddress, wanted) }
            }
            if count > 0 {
                remaining -= count
                buffer.withUnsafeBytes { raw in
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[..<count])
                    state.withLock { state in
                        state.processes[id]?.outputs[index].splitter.feed(bytes) { lines.append((stream, $0)) }
                    }
                }
                continue
            }
            if count < 0 && currentErrno() == EAGAIN { return }
            // End of file (or an error that ends the stream the same way).
            let epoll = epoll
            state.withLock { state in
                guard var watched = state.processes[id] else { return }
                watched.outputs[index].splitter.finish { lines.append((stream, $0)) }
                _ = arm_epoll_remove(epoll, descriptor)
                closeDescriptor(descriptor)
                state.sources[watched.outputs[index].token] = nil
                watched.outputs[index].descriptor = -1
                state.processes[id] = watched.isFinished ? nil : watched
            }
            return
        }
    }

    /// Reads pending notify datagrams; true when `READY=1` arrived for the first time.
    private func readNotify(_ id: UInt64) -> Bool {
        guard let descriptor = state.withLock({ $0.processes[id]?.notify?.descriptor }) else { return false }
        var sawReady = false
        var datagram = [UInt8](repeating: 0, count: 4096)
        var budget = Self.datagramBudget
        while budget > 0 {
            let count = datagram.withUnsafeMutableBytes { raw in
                retryingOnInterrupt { recv(descriptor, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT)) }
            }
            if count < 0 { break }
            budget -= 1
            if datagram[..<count].split(separator: 0x0A).contains(where: { $0.elementsEqual("READY=1".utf8) }) {
                sawReady = true
            }
        }
        guard sawReady else { return false }
        return state.withLock { state in
            guard let watched = state.processes[id], !watched.isReady else { return false }
            state.processes[id]?.isReady = true
            return true
        }
    }

    private func handleExit(_ id: UInt64, buffer: inout [UInt8]) {
        guard
            let (pid, events, outputCount) = state.withLock({ state -> (Int32, Events, Int)? in
                guard let watched = state.processes[id], !watched.hasExited else { return nil }
                return (watched.pid, watched.events, watched.outputs.count)
            })
        else { return }

        var kind: Int32 = 0
        var value: Int32 = 0
        var reaped = retryingOnInterrupt { arm_wait_exit(pid, WNOHANG, &kind, &value) }
        if reaped == 0 {
            // The pidfd only becomes readable once the process has ended; a child whose status is not
            // there yet is about to be: wait for it.
            reaped = retryingOnInterrupt { arm_wait_exit(pid, 0, &kind, &value) }
        }
        // -1: not our child (re-attached) or already reaped elsewhere.
        let exit: ProgramExit = reaped == 1 ? ProgramSpawner.exit(kind: kind, value: value) : .unknown

        let becameReady = readNotify(id)
        var lines: [(OutputStream, String)] = []
        for index in 0..<outputCount {
            readOutput(id, index, budget: drainBudget(id, index), buffer: &buffer, into: &lines)
        }
        let epoll = epoll
        let wasKilled = state.withLock { state -> Bool in
            state.deadlines[id] = nil
            guard var watched = state.processes[id] else { return false }
            watched.hasExited = true
            // The process's own last, unterminated line belongs before its exit, even while another
            // process (a background child, or a child another thread is just spawning) still holds the pipe.
            for index in watched.outputs.indices where watched.outputs[index].descriptor >= 0 {
                let stream = watched.outputs[index].stream
                watched.outputs[index].splitter.finish { lines.append((stream, $0)) }
                if watched.closesOutputAtExit {
                    _ = arm_epoll_remove(epoll, watched.outputs[index].descriptor)
                    closeDescriptor(watched.outputs[index].descriptor)
                    state.sources[watched.outputs[index].token] = nil
                    watched.outputs[index].descriptor = -1
                }
            }
            _ = arm_epoll_remove(epoll, watched.pidfd)
            closeDescriptor(watched.pidfd)
            watched.pidfd = -1
            state.sources[watched.pidfdToken] = nil
            if let notify = watched.notify {
                _ = arm_epoll_remove(epoll, notify.descriptor)
                notify.close()
                state.sources[watched.notifyToken] = nil
                watched.notify = nil
            }
            state.processes[id] = watched.isFinished ? nil : watched
            return watched.wasKilledAtDeadline
        }
        if becameReady { events.ready() }
        for (stream, line) in lines { events.line(stream, line) }
        events.ended(wasKilled ? .deadlinePassed : .exited(exit))
    }

    /// What may still be read from a pipe at exit: one pipe capacity, plus one byte so that the end of
    /// file after a full pipe is seen too.
    private func drainBudget(_ id: UInt64, _ index: Int) -> Int {
        guard let descriptor = state.withLock({ $0.processes[id]?.outputs[index].descriptor }), descriptor >= 0
        else {
            return 0
        }
        let capacity = fcntl(descriptor, fcntlGetPipeSize)
        return (capacity > 0 ? Int(capacity) : 1 << 20) + 1
    }
}
