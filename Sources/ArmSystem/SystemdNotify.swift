import Glibc

/// sd_notify for `Type=notify` units: one datagram to `$NOTIFY_SOCKET` (a leading `@` names the abstract
/// namespace).
package enum SystemdNotify {
    /// Sends `READY=1` when the environment names a notify socket; does nothing otherwise or on failure
    /// (systemd then reports the start as timed out, which is the right symptom).
    package static func ready(environment: [String: String]) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return }
        _ = UnixAddress(path: path, allowsAbstract: true).map { send(Array("READY=1".utf8), to: $0) }
    }

    private static func send(_ message: [UInt8], to address: UnixAddress) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { closeDescriptor(descriptor) }
        return address.withSocketAddress { pointer, length in
            message.withUnsafeBytes { raw in
                retryingOnInterrupt { sendto(descriptor, raw.baseAddress, raw.count, 0, pointer, length) }
            }
        } >= 0
    }
}

/// Whether something accepts connections on a Unix stream socket path (a socket file left by a killed
/// process does not).
package func unixSocketAccepts(_ path: String) -> Bool {
    guard let address = UnixAddress(path: path, allowsAbstract: false) else { return false }
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { closeDescriptor(descriptor) }
    return address.withSocketAddress { pointer, length in
        retryingOnInterrupt { connect(descriptor, pointer, length) }
    } == 0
}

/// A `sockaddr_un` and its length.
struct UnixAddress {
    private var storage = sockaddr_un()
    private let length: socklen_t

    /// Nil when the path is empty or does not fit `sun_path`.
    init?(path: String, allowsAbstract: Bool) {
        var bytes = Array(path.utf8)
        let isAbstract = allowsAbstract && bytes.first == UInt8(ascii: "@")
        if isAbstract { bytes[0] = 0 }
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: storage.sun_path) else { return nil }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in raw.copyBytes(from: bytes) }
        // An abstract name is exactly its bytes; a path includes its terminating NUL.
        let pathLength = isAbstract ? bytes.count : bytes.count + 1
        length = socklen_t(MemoryLayout<sa_family_t>.size + pathLength)
    }

    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
