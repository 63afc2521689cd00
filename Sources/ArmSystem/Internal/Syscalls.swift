import CArmSpawn
import Glibc

/// The calling thread's `errno` (a named accessor, so that `SystemError.errno` never shadows it).
func currentErrno() -> Int32 { Glibc.errno }

/// Retries a call that returns -1 with `EINTR`.
func retryingOnInterrupt<Result: BinaryInteger>(_ body: () -> Result) -> Result {
    while true {
        let result = body()
        if result == -1 && currentErrno() == EINTR { continue }
        return result
    }
}

/// Closes a descriptor, ignoring errors (Linux always releases the descriptor, even on `EINTR`).
func closeDescriptor(_ descriptor: Int32) {
    if descriptor >= 0 { _ = Glibc.close(descriptor) }
}

/// A NULL-terminated array of C strings (`argv`, `envp`) that lives until `deallocate()`.
struct CStringArray {
    private(set) var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) }
        pointers.append(nil)
    }

    func deallocate() {
        for pointer in pointers { free(pointer) }
    }
}

/// The `KEY=VALUE` strings of an environment, sorted by key so that runs are reproducible.
func environmentStrings(_ environment: [String: String]) -> [String] {
    environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
}

/// Creates a pipe whose ends are both `O_CLOEXEC` (`pipe2`, through CArmSpawn: the Glibc module map does
/// not export it) and at 3 or above.
func makeCloseOnExecPipe() -> (read: Int32, write: Int32)? {
    var ends: [Int32] = [-1, -1]
    guard arm_pipe_cloexec(&ends) == 0 else { return nil }
    return (descriptorAboveStandardStreams(ends[0]), descriptorAboveStandardStreams(ends[1]))
}

/// `F_GETPIPE_SZ`, not exported by the Glibc module map.
let fcntlGetPipeSize: Int32 = 1032

/// Moves a descriptor to 3 or above (keeping `O_CLOEXEC`), so that it can never collide with the
/// standard descriptors a child gets through `dup2` when this process runs with 0–2 closed.
func descriptorAboveStandardStreams(_ descriptor: Int32) -> Int32 {
    guard descriptor >= 0 && descriptor < 3 else { return descriptor }
    let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, Int32(3))
    guard moved >= 0 else { return descriptor }
    closeDescriptor(descriptor)
    return moved
}

/// Sets `O_NONBLOCK` on a descriptor.
func setNonBlocking(_ descriptor: Int32) {
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
}

/// Milliseconds from now until a monotonic deadline, rounded up, clamped to `poll`'s range.
func pollTimeout(until deadline: Int64) -> Int32 {
    let remaining = deadline - monotonicNowNanoseconds()
    if remaining <= 0 { return 0 }
    let milliseconds = (remaining + 999_999) / 1_000_000
    return Int32(clamping: milliseconds)
}
