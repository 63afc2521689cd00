import Glibc

/// Dedicated POSIX threads for blocking work (`poll`, `waitid`, `read`), which must never run on the
/// cooperative pool (STYLE §3 Concurrency).
package enum SystemThread {
    /// Starts a detached thread that runs `body` once.
    /// - Throws: `SystemError.call("pthread_create", …)` when the system refuses another thread.
    package static func detach(_ body: @escaping @Sendable () -> Void) throws(SystemError) {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
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
    }
}

/// The closure handed to a new thread.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
