import Glibc

/// Dedicated POSIX threads for blocking work (`epoll_wait`, `waitid`, `read`), which must never run on the
/// cooperative pool (STYLE §3 Concurrency).
package enum SystemThread {
    /// A started thread that someone waits for with `join()`.
    package struct Joinable: Sendable {
        private let thread: pthread_t

        fileprivate init(thread: pthread_t) { self.thread = thread }

        /// Waits until the thread's body has returned; call once, never from that thread itself.
        package func join() {
            _ = pthread_join(thread, nil)
        }
    }

    /// Starts a detached thread that runs `body` once.
    /// - Throws: `SystemError.call("pthread_create", …)` when the system refuses another thread.
    package static func detach(_ body: @escaping @Sendable () -> Void) throws(SystemError) {
        _ = try create(body, detached: true)
    }

    /// Starts a thread that runs `body` once and must be joined.
    /// - Throws: `SystemError.call("pthread_create", …)` when the system refuses another thread.
    package static func start(_ body: @escaping @Sendable () -> Void) throws(SystemError) -> Joinable {
        Joinable(thread: try create(body, detached: false))
    }

    private static func create(_ body: @escaping @Sendable () -> Void, detached: Bool) throws(SystemError) -> pthread_t
    {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let state = detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE
        pthread_attr_setdetachstate(&attributes, Int32(state))
        var thread = pthread_t()
        let result = pthread_create(
            &thread,
            &attributes,
            { argument in
                guard let argument else { return nil }
                let body = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
                body.run()
                return nil
            },
            box
        )
        if result != 0 {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            throw .call("pthread_create", path: nil, errno: result)
        }
        return thread
    }
}

/// The closure handed to a new thread.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
