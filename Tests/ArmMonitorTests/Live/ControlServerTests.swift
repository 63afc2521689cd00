import ArmCore
import ArmMonitor
import ArmProtocol
import Foundation
import Glibc
import Synchronization
import Testing

/// Records what reached the handler.
private final class RecordingHandler: ControlRequestHandling {
    let seen = Mutex<[(RequestEnvelope, PeerCredentials)]>([])

    func handle(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse {
        seen.withLock { $0.append((envelope, peer)) }
        return ControlResponse(
            status: .success,
            messageID: "ARMSTAT-01",
            body: .object([("pid", .int(Int64(peer.pid)))])
        )
    }

    func deny(_ envelope: RequestEnvelope, from peer: PeerCredentials) async -> ControlResponse {
        ControlResponse(status: .permissionDenied, messageID: "\(envelope.command)-91", arguments: [3, 13])
    }
}

/// Binds a Unix socket at `path` and closes it without unlinking, as a killed armmond leaves it.
private func leaveStaleSocket(at path: String) {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    close(descriptor)
}

@Suite(.timeLimit(.minutes(2))) struct ControlServerTests {
    private func temporaryDirectory() throws -> String {
        // Short: a Unix socket path has at most 107 bytes.
        let path = "/tmp/armcs-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func exchange(_ path: String, _ envelope: RequestEnvelope) async throws -> ControlResponse {
        let payload = try await ControlSocketClient.exchange(path: path, frame: ControlFrame.encode(envelope.wire))
        return try ControlResponse(wire: try ControlFrame.decodePayload(payload[...]))
    }

    @Test func requestsRoundTripOverTheSocketWithPeerCredentials() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/armmond.sock"
        // A socket file left by an armmond that died is replaced.
        leaveStaleSocket(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let handler = RecordingHandler()
        let admins = Mutex<[PeerCredentials]>([])
        let server = try await ControlServer.listen(
            configuration: .init(path: path, permissions: 0o660, groupID: nil),
            handler: handler,
            isAdmin: { peer in
                admins.withLock { $0.append(peer) }
                return false
            }
        )
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o660)
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask { await server.serve() }

            let status = try await exchange(
                path,
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "all", name: nil))
            )
            #expect(status.status == .success)
            #expect(status.body["pid"]?.intValue == Int64(getpid()))

            let denied = try await exchange(
                path,
                RequestEnvelope(command: "ARMGSTRT", request: .startGroup(group: "web", server: nil))
            )
            #expect(denied == ControlResponse(status: .permissionDenied, messageID: "ARMGSTRT-91", arguments: [3, 13]))

            // A frame of another protocol version is answered in ours, with status internal.
            var frame = ControlFrame.encode(.object([("op", .string("status"))]))
            frame[9] = 0x7f
            let payload = try await ControlSocketClient.exchange(path: path, frame: frame)
            let mismatch = try ControlResponse(wire: try ControlFrame.decodePayload(payload[...]))
            #expect(mismatch.status == .internal)

            let garbage = try await ControlSocketClient.exchange(path: path, frame: [0, 0, 0, 3, 1, 2, 3])
            #expect(try ControlResponse(wire: try ControlFrame.decodePayload(garbage[...])).status == .internal)
            server.close()
        }
        #expect(handler.seen.withLock { $0.map(\.0.command) } == ["ARMSTAT"])
        #expect(handler.seen.withLock { $0.first?.1.uid } == getuid())
        #expect(admins.withLock { $0.map(\.pid) } == [getpid()])
        #expect(!FileManager.default.fileExists(atPath: path))  // removed at close
    }
}
