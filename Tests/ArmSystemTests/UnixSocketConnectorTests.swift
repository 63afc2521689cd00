import ArmCore
import ArmSystem
import Glibc
import Testing

/// A one-connection Unix stream server on its own thread.
final class TinyServer: Sendable {
    enum Behaviour: Sendable {
        /// Reads one frame and answers with this payload.
        case answer([UInt8])
        /// Reads one frame, sends these raw bytes, then closes or waits until the client goes away.
        case sendRaw([UInt8], thenClose: Bool)
        /// Closes the connection right after accepting.
        case closeImmediately
        /// Reads one frame and waits until the client goes away.
        case stayQuiet
    }

    let path: String
    let received = Box<[UInt8]>()

    init(path: String, behaviour: Behaviour) throws {
        self.path = path
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw SystemError.call("socket", path: nil, errno: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(listener, 4) == 0 else {
            close(listener)
            throw SystemError.call("bind", path: path, errno: errno)
        }
        let received = received
        try SystemThread.detach {
            defer { close(listener) }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            if case .closeImmediately = behaviour { return }
            let header = TinyServer.read(connection, 4)
            let length = header.reduce(0) { $0 << 8 | Int($1) }
            received.set(header + TinyServer.read(connection, length))
            switch behaviour {
            case .answer(let payload):
                let count = UInt32(payload.count)
                TinyServer.write(
                    connection,
                    [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
                        + payload
                )
            case .sendRaw(let bytes, let thenClose):
                TinyServer.write(connection, bytes)
                if !thenClose { _ = TinyServer.read(connection, 1) }  // until the client closes
            case .stayQuiet:
                _ = TinyServer.read(connection, 1)
            case .closeImmediately:
                return
            }
        }
    }

    static func read(_ descriptor: Int32, _ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress.map { $0 + offset }, count - offset, 0)
            }
            if got <= 0 { break }
            offset += got
        }
        return Array(bytes[..<offset])
    }

    static func write(_ descriptor: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

@Suite(.timeLimit(.minutes(1)))
struct UnixSocketConnectorTests {
    let directory: TemporaryDirectory
    let connector = UnixSocketConnector()

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func exchange(
        _ request: [UInt8] = [0, 0, 0, 2, 0x7b, 0x7d],
        deadline: Int = 5000
    ) throws(ConnectError) -> [UInt8] {
        try connector.exchange(
            path: directory.file("armmond.sock"),
            request: request,
            connectTimeoutMilliseconds: 2000,
            deadlineMilliseconds: deadline
        )
    }

    @Test func missingSocketIsUnreachableWithENOENT() {
        #expect(throws: ConnectError.unreachable(errno: ENOENT)) { try exchange() }
    }

    @Test func socketWithoutListenerIsUnreachableWithECONNREFUSED() throws {
        // Bind a socket file, then close it: the file stays but nobody listens.
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(directory.file("armmond.sock").utf8)) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(descriptor)
        try #require(bound == 0)
        #expect(throws: ConnectError.unreachable(errno: ECONNREFUSED)) { try exchange() }
    }

    @Test func overlongPathIsUnreachable() {
        let path = "/tmp/" + String(repeating: "x", count: 200)
        #expect(throws: ConnectError.unreachable(errno: ENAMETOOLONG)) {
            try connector.exchange(path: path, request: [], connectTimeoutMilliseconds: 100, deadlineMilliseconds: 100)
        }
    }

    @Test(arguments: [EACCES, EPERM])
    func permissionErrnosAreAPermissionRefusal(code: Int32) {
        #expect(UnixSocketConnector.connectError(errno: code) == .permissionDenied(errno: code))
    }

    @Test(arguments: [ENOENT, ECONNREFUSED, ETIMEDOUT, ENOTDIR])
    func otherConnectErrnosAreUnreachable(code: Int32) {
        #expect(UnixSocketConnector.connectError(errno: code) == .unreachable(errno: code))
    }

    @Test func resetAndBrokenPipeMeanConnectionClosed() {
        #expect(UnixSocketConnector.transferError(errno: EPIPE) == .noAnswer(errno: 0x68))
        #expect(UnixSocketConnector.transferError(errno: ECONNRESET) == .noAnswer(errno: 0x68))
    }

    @Test func frameRoundTripReturnsTheWholeResponseFrame() throws {
        let server = try TinyServer(path: directory.file("armmond.sock"), behaviour: .answer(Array("pong".utf8)))
        let request: [UInt8] = [0, 0, 0, 4] + Array("ping".utf8)
        let response = try exchange(request)
        #expect(response == [0, 0, 0, 4] + Array("pong".utf8))
        #expect(server.received.value == request)
    }

    @Test func emptyPayloadIsAValidFrame() throws {
        _ = try TinyServer(path: directory.file("armmond.sock"), behaviour: .answer([]))
        #expect(try exchange() == [0, 0, 0, 0])
    }

    @Test func largeFramesRoundTrip() throws {
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
        _ = try TinyServer(path: directory.file("armmond.sock"), behaviour: .answer(payload))
        let request: [UInt8] = [0, 4, 0x93, 0xe0] + payload  // 300 000 bytes
        let response = try exchange(request)
        #expect(response.count == 4 + payload.count)
        #expect(Array(response.dropFirst(4)) == payload)
    }

    @Test func connectionClosedBeforeAnAnswerIsNoAnswerWithECONNRESET() throws {
        _ = try TinyServer(path: directory.file("armmond.sock"), behaviour: .closeImmediately)
        #expect(throws: ConnectError.noAnswer(errno: 0x68)) { try exchange() }
    }

    @Test func truncatedFrameThenCloseIsNoAnswerWithECONNRESET() throws {
        _ = try TinyServer(
            path: directory.file("armmond.sock"),
            behaviour: .sendRaw([0, 0, 0, 10, 1, 2, 3], thenClose: true)
        )
        #expect(throws: ConnectError.noAnswer(errno: 0x68)) { try exchange() }
    }

    @Test func truncatedFrameThenSilenceIsNoAnswerWithETIMEDOUT() throws {
        _ = try TinyServer(
            path: directory.file("armmond.sock"),
            behaviour: .sendRaw([0, 0, 0, 10, 1, 2, 3], thenClose: false)
        )
        #expect(throws: ConnectError.noAnswer(errno: 0x6e)) { try exchange(deadline: 200) }
    }

    @Test func silentServerIsNoAnswerWithETIMEDOUT() throws {
        _ = try TinyServer(path: directory.file("armmond.sock"), behaviour: .stayQuiet)
        #expect(throws: ConnectError.noAnswer(errno: 0x6e)) { try exchange(deadline: 200) }
    }

    @Test func oversizedFrameIsRejectedWithoutReadingIt() throws {
        _ = try TinyServer(
            path: directory.file("armmond.sock"),
            behaviour: .sendRaw([0x01, 0x00, 0x00, 0x01], thenClose: false)
        )
        #expect(throws: ConnectError.noAnswer(errno: EMSGSIZE)) { try exchange() }
    }
}
