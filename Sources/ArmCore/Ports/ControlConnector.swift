/// Why the monitor could not be reached (commands.md 1.4, 1.7 steps 001–003).
package enum ConnectError: Error, Sendable, Equatable {
    /// Socket missing, refused or connect over the limit: step 001 with errno.
    case unreachable(errno: Int32)
    /// No answer before the deadline, or connection closed: step 002 (`0x6e` / `0x68`).
    case noAnswer(errno: Int32)
    /// `EACCES`/`EPERM` on connect: step 003, exit 7.
    case permissionDenied(errno: Int32)
}

/// One request/response exchange with armmond over its Unix socket (one request per connection).
package protocol ControlConnector: Sendable {
    /// Connects to `path` within `connectTimeout`, sends `request` (a whole frame), and returns the
    /// whole response frame read before `deadline` (milliseconds from now). A frame is a 4-byte
    /// big-endian payload length followed by the payload (docs/protocol.md).
    func exchange(
        path: String,
        request: [UInt8],
        connectTimeoutMilliseconds: Int,
        deadlineMilliseconds: Int
    ) throws(ConnectError) -> [UInt8]
}
