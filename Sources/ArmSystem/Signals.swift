import Glibc
import Synchronization

/// Signal handling for the daemon: SIGTERM, SIGINT, SIGHUP… delivered as an `AsyncStream`.
///
/// Interpretation: a self-pipe rather than `signalfd`, because `signalfd` needs the signals blocked
/// in every thread, and the Swift runtime may already have started threads that did not inherit such
/// a mask. The handler only `write`s the signal number to a non-blocking pipe; a dedicated thread
/// reads it and yields to every stream subscribed to that signal. Handlers stay installed once
/// installed: a signal with no subscriber left is swallowed, never turned back into its default
/// action (which would terminate the daemon on a late SIGHUP).
package enum Signals {
    /// Delivers the given signals to a new stream (each signal to every stream that asked for it).
    ///
    /// The stream buffers the newest 32 signals.
    ///
    /// - Throws: `.call("pipe2"/"sigaction"/"pthread_create", …)`.
    package static func stream(_ signals: [Int32]) throws(SystemError) -> AsyncStream<Int32> {
        let hub = SignalHub.shared
        try hub.startReader()
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id = hub.subscribe(Set(signals), continuation)
        continuation.onTermination = { _ in hub.unsubscribe(id) }
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignal
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            guard sigaction(signal, &action, nil) == 0 else {
                continuation.finish()
                throw .call("sigaction", path: "signal \(signal)", errno: currentErrno())
            }
        }
        try unblock(signals)
        return stream
    }

    /// Ignores a signal in this process (typically SIGPIPE).
    ///
    /// Scripts still start with the default disposition (`LiveScriptRunner` resets every signal).
    package static func ignore(_ signal: Int32) throws(SystemError) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&action.sa_mask)
        guard sigaction(signal, &action, nil) == 0 else {
            throw .call("sigaction", path: "signal \(signal)", errno: currentErrno())
        }
    }

    /// Blocks signals in the calling thread (threads it starts later inherit the mask).
    package static func block(_ signals: [Int32]) throws(SystemError) {
        try changeMask(Int32(SIG_BLOCK), signals)
    }

    /// Unblocks signals in the calling thread.
    package static func unblock(_ signals: [Int32]) throws(SystemError) {
        try changeMask(Int32(SIG_UNBLOCK), signals)
    }

    private static func changeMask(_ how: Int32, _ signals: [Int32]) throws(SystemError) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        let result = pthread_sigmask(how, &set, nil)
        guard result == 0 else { throw .call("pthread_sigmask", path: nil, errno: result) }
    }
}

/// The signal handler: async-signal-safe (`write` only; `errno` preserved).
///
/// The pipe global is initialised before any handler is installed, so reading it here does no lazy initialisation.
private func forwardSignal(_ signal: Int32) {
    let saved = Glibc.errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipe.write, &byte, 1)
    Glibc.errno = saved
}

/// The self-pipe: the read end blocks (reader thread), the write end does not (handler).
private let signalPipe: (read: Int32, write: Int32) = {
    guard let ends = makeCloseOnExecPipe() else { return (-1, -1) }
    setNonBlocking(ends.write)
    return ends
}()

/// Subscribers and the reader thread.
private final class SignalHub: Sendable {
    static let shared = SignalHub()

    private struct Subscriber {
        let signals: Set<Int32>
        let continuation: AsyncStream<Int32>.Continuation
    }

    private struct State {
        var subscribers: [UInt64: Subscriber] = [:]
        var nextID: UInt64 = 0
        var isReading = false
    }

    private let state = Mutex(State())

    func startReader() throws(SystemError) {
        let pipe = signalPipe
        guard pipe.read >= 0 else { throw .call("pipe2", path: nil, errno: EMFILE) }
        let shouldStart = state.withLock { state in
            defer { state.isReading = true }
            return !state.isReading
        }
        guard shouldStart else { return }
        do {
            try SystemThread.detach { [self] in readForever(pipe.read) }
        } catch {
            state.withLock { $0.isReading = false }
            throw error
        }
    }

    func subscribe(_ signals: Set<Int32>, _ continuation: AsyncStream<Int32>.Continuation) -> UInt64 {
        state.withLock { state in
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(signals: signals, continuation: continuation)
            return state.nextID
        }
    }

    func unsubscribe(_ id: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
    }

    private func readForever(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                retryingOnInterrupt { read(descriptor, raw.baseAddress, raw.count) }
            }
            guard count > 0 else { return }
            for byte in buffer[..<count] {
                let signal = Int32(byte)
                let targets = state.withLock { state in
                    state.subscribers.values.filter { $0.signals.contains(signal) }.map(\.continuation)
                }
                for continuation in targets { continuation.yield(signal) }
            }
        }
    }
}
