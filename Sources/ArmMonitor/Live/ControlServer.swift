import ArmCore
import ArmProtocol
import ArmSystem
import NIOCore
import NIOPosix

/// Why the control socket could not be opened.
package enum ControlServerError: Error, Sendable, Equatable {
    /// `bind`/`listen` failed (text of the error).
    case bind(String)
    /// `chmod`/`chown` of the socket failed (errno).
    case permissions(errno: Int32)
}

/// Splits a byte stream into control-frame payloads: a 4-byte big-endian length, then the payload
/// (at most `ControlFrame.maxPayload` bytes; a larger announcement is an error).
package struct ControlFrameDecoder: ByteToMessageDecoder {
    /// The payload of one frame.
    package typealias InboundOut = ByteBuffer

    /// A frame announced more than `ControlFrame.maxPayload` bytes.
    package struct FrameTooLarge: Error, Sendable {}

    /// Creates a decoder.
    package init() {}

    /// Emits every complete payload in the buffer.
    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length <= ControlFrame.maxPayload else { throw FrameTooLarge() }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let payload = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(payload))
        return .continue
    }

    /// Decodes what is left at end of input; a partial frame is dropped.
    package mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// The Unix-socket control server of armmond (commands.md 1.4; docs/protocol.md): one request per
/// connection, framed, authorised by `SO_PEERCRED`, answered by a `ControlRequestHandling` off the event loop.
package final class ControlServer: Sendable {
    /// Where and how to listen.
    package struct Configuration: Sendable {
        /// The socket path (`ArmPaths.socket`).
        package var path: String
        /// Permission bits of the socket (`[cluster] socket_mode`).
        package var permissions: UInt16
        /// Group owner of the socket (`armadm`); nil leaves it as created (root's, as armmond runs as root).
        package var groupID: UInt32?

        /// Creates a configuration.
        package init(path: String, permissions: UInt16, groupID: UInt32?) {
            self.path = path
            self.permissions = permissions
            self.groupID = groupID
        }
    }

    private typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    private let listener: NIOAsyncChannel<Connection, Never>
    private let handler: any ControlRequestHandling
    private let isAdmin: @Sendable (PeerCredentials) -> Bool
    /// The socket path.
    package let path: String

    private init(
        listener: NIOAsyncChannel<Connection, Never>,
        path: String,
        handler: any ControlRequestHandling,
        isAdmin: @escaping @Sendable (PeerCredentials) -> Bool
    ) {
        self.listener = listener
        self.path = path
        self.handler = handler
        self.isAdmin = isAdmin
    }

    /// Removes a stale socket file, binds, listens and sets the socket's mode and group.
    /// - Parameters:
    ///   - configuration: Path, mode and group.
    ///   - handler: Answers requests.
    ///   - isAdmin: Whether a peer may make mutating requests: uid 0 or member of `armadm` (primary gid or the
    ///     `Groups:` line of `/proc/<pid>/status`; see `AdminCheck`).
    ///   - eventLoopGroup: NIO's threads.
    /// - Returns: The listening server; call `serve()`.
    /// - Throws: `ControlServerError` when the socket cannot be bound or its permissions set.
    package static func listen(
        configuration: Configuration,
        handler: any ControlRequestHandling,
        isAdmin: @escaping @Sendable (PeerCredentials) -> Bool,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(ControlServerError) -> ControlServer {
        let listener: NIOAsyncChannel<Connection, Never>
        do {
            listener = try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.backlog, value: 128)
                .bind(unixDomainSocketPath: configuration.path, cleanupExistingSocketFile: true) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ControlFrameDecoder()))
                        return try Connection(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw .bind(String(describing: error))
        }
        do throws(SystemError) {
            try FileIO.setMode(path: configuration.path, mode: UInt32(configuration.permissions))
            if let gid = configuration.groupID { try FileIO.setOwner(path: configuration.path, uid: 0, gid: gid) }
        } catch {
            listener.channel.close(promise: nil)
            throw .permissions(errno: error.errno)
        }
        return ControlServer(listener: listener, path: configuration.path, handler: handler, isAdmin: isAdmin)
    }

    /// Serves connections until `close()` (or cancellation); then cancels requests still waiting
    /// (armgwait), waits for them and removes the socket file.
    package func serve() async {
        do {
            try await listener.executeThenClose { inbound in
                await withDiscardingTaskGroup { connections in
                    do {
                        for try await connection in inbound {
                            connections.addTask { await self.serve(connection) }
                        }
                    } catch {
                        // The listening socket failed or was closed: stop accepting.
                    }
                    connections.cancelAll()
                }
            }
        } catch {
            // Closing an already closed listener.
        }
        try? FileIO.remove(path: path)
    }

    /// Stops accepting connections; `serve()` returns once the requests under way have ended.
    package func close() {
        listener.channel.close(promise: nil)
    }

    private func serve(_ connection: Connection) async {
        let peer = await Self.peerCredentials(of: connection.channel)
        do {
            try await connection.executeThenClose { inbound, outbound in
                var frames = inbound.makeAsyncIterator()
                let response: ControlResponse
                do {
                    guard let payload = try await frames.next() else { return }
                    response = await respond(to: payload, from: peer)
                } catch {
                    response = ControlResponse(status: .internal, detail: "malformed frame")
                }
                try await outbound.write(ByteBuffer(bytes: ControlFrame.encode(response.wire)))
            }
        } catch {
            // The peer went away before the answer; nothing to tell it.
        }
    }

    private func respond(to payload: ByteBuffer, from peer: PeerCredentials?) async -> ControlResponse {
        let envelope: RequestEnvelope
        do {
            let bytes = payload.getBytes(at: payload.readerIndex, length: payload.readableBytes) ?? []
            envelope = try RequestEnvelope(wire: try ControlFrame.decodePayload(bytes[...]))
        } catch {
            switch error {
            case .versionMismatch(let received):
                return ControlResponse(
                    status: .internal,
                    detail: "protocol version mismatch: monitor \(ControlFrame.version), command \(received)"
                )
            case .malformed(let why), .unexpectedContent(let why):
                return ControlResponse(status: .internal, detail: "bad request: \(why)")
            }
        }
        // Without SO_PEERCRED the caller is nobody: read-only requests only.
        let caller = peer ?? PeerCredentials(pid: 0, uid: UInt32.max, gid: UInt32.max)
        if envelope.request.isMutating && (peer == nil || !isAdmin(caller)) {
            return await handler.deny(envelope, from: caller)
        }
        return await handler.handle(envelope, from: caller)
    }

    /// `SO_PEERCRED` of a connected Unix socket: `struct ucred { pid_t; uid_t; gid_t }`.
    private static func peerCredentials(of channel: any Channel) async -> PeerCredentials? {
        #if canImport(Glibc)
        // NIO exposes raw socket options only through this protocol of its socket channels.
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        do {
            // A tuple of three 32-bit integers has ucred's layout; Glibc hides `struct ucred` behind _GNU_SOURCE.
            let credentials: (Int32, UInt32, UInt32) = try await provider.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET),
                name: SocketOptionName(SO_PEERCRED)
            ).get()
            return PeerCredentials(pid: credentials.0, uid: credentials.1, gid: credentials.2)
        } catch {
            return nil
        }
        #else
        return nil
        #endif
    }
}

/// A one-shot client of the control socket on NIO, for the daemon's own checks and the tests; commands
/// use ArmClient.
package enum ControlSocketClient {
    /// Why an exchange failed.
    package struct Failure: Error, Sendable {
        /// What went wrong.
        package var reason: String
    }

    /// Connects to `path`, sends one whole frame and returns the payload of the answer frame.
    package static func exchange(
        path: String,
        frame: [UInt8],
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(Failure) -> [UInt8] {
        let payload: [UInt8]?
        do {
            let connection = try await ClientBootstrap(group: eventLoopGroup)
                .connect(unixDomainSocketPath: path) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ControlFrameDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            payload = try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(bytes: frame))
                var frames = inbound.makeAsyncIterator()
                return try await frames.next().map { $0.getBytes(at: $0.readerIndex, length: $0.readableBytes) ?? [] }
            }
        } catch {
            throw Failure(reason: String(describing: error))
        }
        guard let payload else { throw Failure(reason: "connection closed") }
        return payload
    }
}
