import ArmCore
import ArmProtocol
import Testing

@Suite(.timeLimit(.minutes(2))) struct ControlFrameTests {
    @Test func aStopRequestEncodesToPinnedBytes() throws {
        let envelope = RequestEnvelope(command: "ARMGSTOP", request: .stopGroup(group: "web"))
        let frame = ControlFrame.encode(envelope.wire)
        // Golden bytes: changing them breaks old clients, so bump ControlFrame.version instead.
        let expected: [UInt8] =
            [0, 0, 0, 73] + Array("ARMP".utf8) + [0, 1]
            + [6, 0, 0, 0, 3]
            + [0, 0, 0, 2] + Array("op".utf8) + [4, 0, 0, 0, 10] + Array("group.stop".utf8)
            + [0, 0, 0, 7] + Array("command".utf8) + [4, 0, 0, 0, 8] + Array("ARMGSTOP".utf8)
            + [0, 0, 0, 5] + Array("group".utf8) + [4, 0, 0, 0, 3] + Array("web".utf8)
        #expect(frame.count == expected.count)
        #expect(frame == expected)
        #expect(try RequestEnvelope(wire: ControlFrame.decode(frame)) == envelope)
    }

    @Test(arguments: [
        ControlRequest.status(view: "group", name: "web"),
        .status(view: "all", name: nil),
        .startGroup(group: "web", server: "node2"),
        .startGroup(group: "web", server: nil),
        .stopGroup(group: "db"),
        .waitGroup(group: "web", stopped: true, timeoutSeconds: 0),
        .waitGroup(group: "web", stopped: false, timeoutSeconds: 86_400),
        .appendLog(LogRecord(id: "ARMGSTRT-02", arguments: ["web", 7])),
        .showConfig(pending: true),
        .listNames(kind: "groups"),
        .armloadStart(
            ArmloadStartRequest(
                wid: "WEB",
                group: "web",
                arguments: ["/usr/sbin/nginx", "-g", "daemon off;"],
                searchPath: "/usr/bin",
                environment: ["A": "1", "ARMS_GROUP": "web"],
                workingDirectory: "/srv",
                retry: 3,
                hours: 1,
                scriptRestart: true,
                finalAction: "shutdown",
                startTimeout: 60,
                interval: 5,
                user: "www-data",
                isService: false,
                attach: true,
                isSync: false
            )
        ),
        .armloadStart(ArmloadStartRequest(wid: "PREP", group: "web", arguments: ["prep"], isSync: true)),
        .armloadKill(wid: "WEB", waitSeconds: 120),
        .armloadKill(wid: "WEB", waitSeconds: nil),
        .armloadControl(wid: "DB", action: "stop", seconds: 300),
        .armloadControl(wid: "DB", action: "pause", seconds: nil),
        .armloadEnded(wid: "PREP", status: 3, signal: nil),
        .armloadEnded(wid: "PREP", status: nil, signal: 9),
    ])
    func everyRequestSurvivesARoundTrip(request: ControlRequest) throws {
        let envelope = RequestEnvelope(command: "ARMTEST", request: request)
        let decoded = try RequestEnvelope(wire: ControlFrame.decode(ControlFrame.encode(envelope.wire)))
        #expect(decoded == envelope)
    }

    @Test func responsesKeepStatusMessageAndBody() throws {
        let response = ControlResponse(
            status: .refused,
            messageID: "ARMGSTRT-04",
            arguments: ["web", "n1"],
            detail: "group is started",
            body: .object([("names", .array([.string("a"), .null, .bool(true), .int(-5)]))])
        )
        let decoded = try ControlResponse(wire: ControlFrame.decode(ControlFrame.encode(response.wire)))
        #expect(decoded == response)
    }

    @Test func anotherVersionIsReportedAsAMismatch() {
        var frame = ControlFrame.encode(.null)
        frame[9] = 2
        #expect(throws: ProtocolError.versionMismatch(received: 2)) { try ControlFrame.decode(frame) }
    }

    @Test(arguments: [
        [UInt8](),
        [0, 0, 0, 1, 65],
        [0, 0, 0, 6] + Array("XXXX".utf8) + [0, 1],
        [0, 0, 0, 11] + Array("ARMP".utf8) + [0, 1] + [4, 0, 0, 0, 9],
        [0, 0, 0, 7] + Array("ARMP".utf8) + [0, 1] + [99],
    ])
    func malformedFramesAreRejectedWithoutTrapping(frame: [UInt8]) {
        #expect(throws: ProtocolError.self) { try ControlFrame.decode(frame) }
    }

    @Test func deeplyNestedValuesAreRejected() {
        var value = WireValue.null
        for _ in 0..<(WireCodec.maxDepth + 1) { value = .array([value]) }
        #expect(throws: ProtocolError.self) { try ControlFrame.decode(ControlFrame.encode(value)) }
    }

    @Test func unknownOperationsAreRejected() {
        let wire = WireValue.object([("op", .string("format.disk")), ("command", .string("X"))])
        #expect(throws: ProtocolError.unexpectedContent("unknown operation format.disk")) {
            try RequestEnvelope(wire: wire)
        }
    }
}

@Suite(.timeLimit(.minutes(2))) struct WireValueJSONTests {
    @Test func jsonIsOneLineWithEscapes() {
        let value = WireValue.object([
            ("name", .string("a\"b\\c\nd\u{1}")), ("n", .int(-3)), ("ok", .bool(false)), ("x", .null),
            ("list", .array([.int(1), .string("é")])),
        ])
        #expect(value.json == #"{"name":"a\"b\\c\nd\u0001","n":-3,"ok":false,"x":null,"list":[1,"é"]}"#)
    }
}
