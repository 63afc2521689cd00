import ArmCore
import Glibc

/// The live `ControlConnector`: one blocking request/response exchange over armmond's Unix stream socket (commands.md
/// 1.4).
///
/// Front-end commands call it from their only thread, so it blocks.
///
/// Errors follow commands.md 1.4 and 1.7: a missing socket, a refused connection or a connect over
/// the limit is `.unreachable` (step 001, the connect errno, `ETIMEDOUT` 0x6e for the limit);
/// `EACCES`/`EPERM` is `.permissionDenied` (step 003); no whole answer before the deadline is
/// `.noAnswer(0x6e)`, a connection closed first is `.noAnswer(0x68)` (step 002).
///
/// Interpretation: an answer announcing more than `maximumFrameBytes` is `.noAnswer(errno: EMSGSIZE)`
/// (0x5a) without reading it, since no legitimate response comes near that size.
package struct UnixSocketConnector: ControlConnector {
    /// The largest response payload accepted (16 MiB).
    package static let maximumFrameBytes = 16 << 20

    /// Creates the connector.
    package init() {}

    /// Connects, sends the request, and returns the whole response frame (4-byte big-endian length
    /// header included).
    package func exchange(
        path: String,
        request: [UInt8],
        connectTimeoutMilliseconds: Int,
        deadlineMilliseconds: Int
    ) throws(ConnectError) -> [UInt8] {
        let start = monotonicNowNanoseconds()
        let deadline = start + Int64(max(0, deadlineMilliseconds)) * 1_000_000
        let connectDeadline = min(deadline, start + Int64(max(0, connectTimeoutMilliseconds)) * 1_000_000)

        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let descriptor = socket(AF_UNIX, socketType, 0)
        guard descriptor >= 0 else { throw .unreachable(errno: currentErrno()) }
        defer { closeDescriptor(descriptor) }

        try connect(descriptor, to: path, before: connectDeadline)
        try sendAll(descriptor, request, before: deadline)
        let header = try receive(descriptor, count: 4, before: deadline)
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard length <= Self.maximumFrameBytes else { throw .noAnswer(errno: EMSGSIZE) }
        let payload = try receive(descriptor, count: length, before: deadline)
        return header + payload
    }

    /// Maps the errno of a failed `connect` (or path lookup) to the error commands report
    /// (commands.md 1.4): `EACCES`/`EPERM` are a permission refusal, anything else is unreachable.
    package static func connectError(errno code: Int32) -> ConnectError {
        switch code {
        case EACCES, EPERM: .permissionDenied(errno: code)
        default: .unreachable(errno: code)
        }
    }

    /// Maps the errno of a failed `send`/`recv` to the error commands report: a reset or broken
    /// connection is "connection closed" (0x68), anything else keeps its errno.
    package static func transferError(errno code: Int32) -> ConnectError {
        switch code {
        case EPIPE, ECONNRESET: .noAnswer(errno: ECONNRESET)
        default: .noAnswer(errno: code)
        }
    }

    private func connect(_ descriptor: Int32, to path: String, before deadline: Int64) throws(ConnectError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else { throw .unreachable(errno: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        while true {
            let result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, length) }
            }
            if result == 0 { return }
            let code = currentErrno()
            switch code {
            case EINTR:
                continue
            case EINPROGRESS:
                guard wait(descriptor, for: Int16(POLLOUT), before: deadline) else {
                    throw .unreachable(errno: ETIMEDOUT)
                }
                var pending: Int32 = 0
                var size = socklen_t(MemoryLayout<Int32>.size)
                guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &size) == 0 else {
                    throw Self.connectError(errno: currentErrno())
                }
                if pending == 0 { return }
                throw Self.connectError(errno: pending)
            case EAGAIN:
                // The listener's backlog is full; a Unix socket cannot signal when it drains, so retry.
                let timeout = pollTimeout(until: deadline)
                if timeout == 0 { throw .unreachable(errno: ETIMEDOUT) }
                _ = poll(nil, 0, min(timeout, 10))
            default:
                throw Self.connectError(errno: code)
            }
        }
    }

    private func sendAll(_ descriptor: Int32, _ bytes: [UInt8], before deadline: Int64) throws(ConnectError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = currentErrno()
            switch code {
            case EINTR:
                continue
            case EAGAIN:
                guard wait(descriptor, for: Int16(POLLOUT), before: deadline) else {
                    throw .noAnswer(errno: ETIMEDOUT)
                }
            default:
                throw Self.transferError(errno: code)
            }
        }
    }

    private func receive(_ descriptor: Int32, count: Int, before deadline: Int64) throws(ConnectError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let received = bytes.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress.map { $0 + offset }, count - offset, 0)
            }
            if received > 0 {
                offset += received
                continue
            }
            if received == 0 { throw .noAnswer(errno: ECONNRESET) }
            let code = currentErrno()
            switch code {
            case EINTR:
                continue
            case EAGAIN:
                guard wait(descriptor, for: Int16(POLLIN), before: deadline) else {
                    throw .noAnswer(errno: ETIMEDOUT)
                }
            default:
                throw Self.transferError(errno: code)
            }
        }
        return bytes
    }

    /// Waits until the descriptor is ready for `events` (or has an error or hang-up to report);
    /// false when the deadline passed first.
    private func wait(_ descriptor: Int32, for events: Int16, before deadline: Int64) -> Bool {
        while true {
            let timeout = pollTimeout(until: deadline)
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, timeout)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if currentErrno() != EINTR { return true }  // let the next call report the error
        }
    }
}
