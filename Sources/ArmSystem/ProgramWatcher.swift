import ArmCore
import CArmSpawn
import Glibc
import Synchronization

/// The one thread that watches every ARMLOAD program of this process.
///
/// A level-triggered epoll set holds each program's pidfd, output pipes and notify socket. The thread
/// blocks in `epoll_wait` without a timeout, so nothing is polled periodically.
///
/// Behaviour (the spec is silent; decided here):
/// - When the pidfd fires, the program is reaped (`waitid`; a program that is not our child, or that
///   someone else reaped, ends as `.unknown`), its notify socket and pipes are read for what is already
///   there (at most one pipe capacity per stream, so that a writer cannot hold the report back), and then
///   `exited` is called. A `READY=1` sent before the end is reported before `exited`.
/// - An unterminated last line is passed on before `exited` too. Pipes stay open after that until their
///   end of file, which comes when the last process holding them (a background child of the program) has
///   closed them or ended. Lines read then are still passed to `line`, after `exited`, so that such output
///   still reaches the WID's log. No thread and no timer is kept for that: the descriptors simply stay in
///   the epoll set.
/// - Callbacks run on the watcher thread, never under its lock; they must return quickly (hop to an actor
///   or a queue), since every program waits on them. They may call back into the launcher.
final class ProgramWatcher: Sendable {
    /// The process-wide watcher (one epoll set and one thread for every program).
    static let shared = ProgramWatcher()

    /// Read per wake-up of one pipe before other sources get their turn.
    private static let readBudget = 65_536
    /// Datagrams read per wake-up of one notify socket.
    private static let datagramBudget = 64

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
        let events: ProgramEvents
        var hasExited = false
        var isReady = false

        var isFinished: Bool { hasExited && outputs.allSatisfy { $0.descriptor < 0 } }
    }

    private enum Source {
        case process(UInt64)
        case output(UInt64, Int)
        case notify(UInt64)
    }

    private struct State {
        var isRunning = false
        var nextID: UInt64 = 1
        var sources: [UInt64: Source] = [:]
        var programs: [UInt64: Watched] = [:]

        mutating func makeID() -> UInt64 {
            defer { nextID += 1 }
            return nextID
        }
    }

    private let epoll: Int32
    private let epollError: Int32
    private let state = Mutex(State())

    private init() {
        let descriptor = arm_epoll_create()
        epoll = descriptorAboveStandardStreams(descriptor)
        epollError = descriptor < 0 ? currentErrno() : 0
    }

    /// Watches a program.
    ///
    /// On success the watcher owns `pidfd`, the output descriptors (non-blocking) and
    /// the notify socket and closes them; on failure the caller still owns them.
    func register(
        pid: Int32,
        pidfd: Int32,
        outputs: [(descriptor: Int32, stream: OutputStream)],
        notify: NotifyEndpoint?,
        events: ProgramEvents
    ) throws(LaunchError) {
        guard epoll >= 0 else { throw .spawnFailed(errno: epollError) }
        try startIfNeeded()
        let epoll = epoll
        let failure = state.withLock { state -> Int32 in
            let id = state.makeID()
            var added: [(token: UInt64, descriptor: Int32)] = []
            var watched = Watched(
                pid: pid,
                pidfd: pidfd,
                pidfdToken: state.makeID(),
                outputs: [],
                notify: notify,
                notifyToken: 0,
                events: events
            )
            var wanted: [(token: UInt64, descriptor: Int32, source: Source)] = [
                (watched.pidfdToken, pidfd, .process(id))
            ]
            for (index, output) in outputs.enumerated() {
                let token = state.makeID()
                watched.outputs.append(Output(descriptor: output.descriptor, token: token, stream: output.stream))
                wanted.append((token, output.descriptor, .output(id, index)))
            }
            if let notify {
                watched.notifyToken = state.makeID()
                wanted.append((watched.notifyToken, notify.descriptor, .notify(id)))
            }
            state.programs[id] = watched
            for item in wanted {
                state.sources[item.token] = item.source
                if arm_epoll_add(epoll, item.descriptor, item.token) != 0 {
                    let code = currentErrno()
                    for done in added { _ = arm_epoll_remove(epoll, done.descriptor) }
                    for undo in wanted { state.sources[undo.token] = nil }
                    state.programs[id] = nil
                    return code
                }
                added.append((item.token, item.descriptor))
            }
            return 0
        }
        if failure != 0 { throw .spawnFailed(errno: failure) }
    }

    private func startIfNeeded() throws(LaunchError) {
        let shouldStart = state.withLock { state in
            defer { state.isRunning = true }
            return !state.isRunning
        }
        guard shouldStart else { return }
        do {
            try SystemThread.detach { [self] in run() }
        } catch {
            state.withLock { $0.isRunning = false }
            throw .spawnFailed(errno: error.errno)
        }
    }

    // MARK: - The watcher thread

    /// The watcher thread's name (`/proc/self/task/*/comm`).
    static let threadName = "armload-watch"

    private func run() {
        arm_set_thread_name(Self.threadName)
        var tokens = [UInt64](repeating: 0, count: 64)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = tokens.withUnsafeMutableBufferPointer { pointer in
                arm_epoll_wait(epoll, pointer.baseAddress, Int32(pointer.count), -1)
            }
            if count < 0 {
                // EINTR; anything else would be a bug (the epoll descriptor is never closed).
                if currentErrno() != EINTR { _ = poll(nil, 0, 10) }
                continue
            }
            for token in tokens[..<Int(count)] {
                handle(token, buffer: &buffer)
            }
        }
    }

    private func handle(_ token: UInt64, buffer: inout [UInt8]) {
        guard let source = state.withLock({ $0.sources[token] }) else { return }
        switch source {
        case .output(let id, let index):
            // Looked up first: reading the end of file may remove a program that has already exited.
            guard let events = state.withLock({ $0.programs[id]?.events }) else { return }
            var lines: [(OutputStream, String)] = []
            readOutput(id, index, budget: Self.readBudget, buffer: &buffer, into: &lines)
            for (stream, line) in lines { events.line(stream, line) }
        case .notify(let id):
            guard let events = state.withLock({ $0.programs[id]?.events }) else { return }
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
                guard let output = state.programs[id]?.outputs[index], output.descriptor >= 0 else { return nil }
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
                        state.programs[id]?.outputs[index].splitter.feed(bytes) { lines.append((stream, $0)) }
                    }
                }
                continue
            }
            if count < 0 && currentErrno() == EAGAIN { return }
            // End of file (or an error that ends the stream the same way).
            let epoll = epoll
            state.withLock { state in
                guard var watched = state.programs[id] else { return }
                watched.outputs[index].splitter.finish { lines.append((stream, $0)) }
                _ = arm_epoll_remove(epoll, descriptor)
                closeDescriptor(descriptor)
                state.sources[watched.outputs[index].token] = nil
                watched.outputs[index].descriptor = -1
                state.programs[id] = watched.isFinished ? nil : watched
            }
            return
        }
    }

    /// Reads pending notify datagrams; true when `READY=1` arrived for the first time.
    private func readNotify(_ id: UInt64) -> Bool {
        guard let descriptor = state.withLock({ $0.programs[id]?.notify?.descriptor }) else { return false }
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
            guard let watched = state.programs[id], !watched.isReady else { return false }
            state.programs[id]?.isReady = true
            return true
        }
    }

    private func handleExit(_ id: UInt64, buffer: inout [UInt8]) {
        guard
            let (pid, events, outputCount) = state.withLock({ state -> (Int32, ProgramEvents, Int)? in
                guard let watched = state.programs[id], !watched.hasExited else { return nil }
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
        state.withLock { state in
            guard var watched = state.programs[id] else { return }
            watched.hasExited = true
            // The program's own last, unterminated line belongs before its exit, even while another
            // process (a background child, or a child another thread is just spawning) still holds the pipe.
            for index in watched.outputs.indices where watched.outputs[index].descriptor >= 0 {
                let stream = watched.outputs[index].stream
                watched.outputs[index].splitter.finish { lines.append((stream, $0)) }
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
            state.programs[id] = watched.isFinished ? nil : watched
        }
        if becameReady { events.ready() }
        for (stream, line) in lines { events.line(stream, line) }
        events.exited(exit)
    }

    /// What may still be read from a pipe at exit: one pipe capacity, plus one byte so that the end of
    /// file after a full pipe is seen too.
    private func drainBudget(_ id: UInt64, _ index: Int) -> Int {
        guard let descriptor = state.withLock({ $0.programs[id]?.outputs[index].descriptor }), descriptor >= 0 else {
            return 0
        }
        let capacity = fcntl(descriptor, fcntlGetPipeSize)
        return (capacity > 0 ? Int(capacity) : 1 << 20) + 1
    }
}
