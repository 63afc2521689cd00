import ArmCore
import ArmProtocol

/// Why a request got no usable answer, mapped to the internal steps of commands.md 1.7.
package enum ClientError: Error, Sendable, Equatable {
    /// Step 001: cannot connect (errno).
    case cannotConnect(errno: Int32)
    /// Step 002: no answer or connection closed (errno `0x6e` / `0x68`).
    case noAnswer(errno: Int32)
    /// Step 003: permission refused.
    case permissionDenied(errno: Int32)
    /// Step 004: the monitor speaks another protocol version.
    case versionMismatch
    /// Step 005: an answer we cannot understand.
    case unexpectedAnswer(String)

    /// The internal step number (commands.md 1.7).
    package var step: Int {
        switch self {
        case .cannotConnect: 1
        case .noAnswer: 2
        case .permissionDenied: 3
        case .versionMismatch: 4
        case .unexpectedAnswer: 5
        }
    }

    /// The code printed as `0x%x`.
    package var code: Int {
        switch self {
        case .cannotConnect(let errno), .noAnswer(let errno), .permissionDenied(let errno): Int(errno)
        case .versionMismatch: 0x47
        case .unexpectedAnswer: 0x47
        }
    }

    /// The exit status of the step (commands.md 1.7 table).
    package var status: ExitStatus {
        switch self {
        case .cannotConnect, .noAnswer: .monitorUnreachable
        case .permissionDenied: .permissionDenied
        case .versionMismatch, .unexpectedAnswer: .internal
        }
    }

    /// Whether the monitor counts as unreachable (so the command may append its own ARM.LOG line).
    package var isUnreachable: Bool { status == .monitorUnreachable }
}

/// The only path from a front end to armmond (STYLE §1): framing, versions and timeouts.
package struct MonitorClient: Sendable {
    /// Connect timeout (commands.md 1.4).
    package static let connectTimeoutMilliseconds = 2000
    /// Default request deadline (commands.md 1.4).
    package static let defaultDeadlineMilliseconds = 30_000

    /// The transport.
    package let connector: any ControlConnector
    /// `$ARM_ROOT/run/armcluster/armmond.sock`.
    package let socketPath: String

    /// Creates a client.
    package init(connector: any ControlConnector, socketPath: String) {
        self.connector = connector
        self.socketPath = socketPath
    }

    /// The socket path under an ARM_ROOT (commands.md 1.3).
    package static func socketPath(armRoot: String) -> String { armRoot + "/run/armcluster/armmond.sock" }

    /// Sends one request and waits for its response until the deadline.
    package func send(
        _ envelope: RequestEnvelope,
        deadlineMilliseconds: Int = MonitorClient.defaultDeadlineMilliseconds,
        connectTimeoutMilliseconds: Int = MonitorClient.connectTimeoutMilliseconds
    ) throws(ClientError) -> ControlResponse {
        let frame = ControlFrame.encode(envelope.wire)
        let answer: [UInt8]
        do {
            answer = try connector.exchange(
                path: socketPath,
                request: frame,
                connectTimeoutMilliseconds: connectTimeoutMilliseconds,
                deadlineMilliseconds: deadlineMilliseconds
            )
        } catch {
            switch error {
            case .unreachable(let errno): throw .cannotConnect(errno: errno)
            case .noAnswer(let errno): throw .noAnswer(errno: errno)
            case .permissionDenied(let errno): throw .permissionDenied(errno: errno)
            }
        }
        do {
            return try ControlResponse(wire: try ControlFrame.decode(answer))
        } catch {
            switch error {
            case .versionMismatch: throw .versionMismatch
            case .malformed(let why), .unexpectedContent(let why): throw .unexpectedAnswer(why)
            }
        }
    }
}
