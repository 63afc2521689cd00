import ArmCore
import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SyslogSinkTests {
    @Test func recordsHaveTheRFC3164Layout() {
        let time = SyslogSink.Time(month: 3, day: 4, hour: 9, minute: 5, second: 7)
        let record = SyslogSink.record(
            priority: .error,
            facility: .daemon,
            time: time,
            ident: "armmond",
            pid: 1022,
            text: "armmond error: state database\ncorrupt"
        )
        #expect(record == "<27>Mar  4 09:05:07 armmond[1022]: armmond error: state database corrupt")
        let late = SyslogSink.Time(month: 12, day: 31, hour: 23, minute: 59, second: 60)
        let info = SyslogSink.record(priority: .info, facility: .daemon, time: late, ident: "a", pid: 1, text: "x")
        #expect(info == "<30>Dec 31 23:59:60 a[1]: x")
    }

    @Test func noSocketMeansNoSink() throws {
        let directory = try TemporaryDirectory()
        #expect(SyslogSink(path: directory.file("log"), ident: "armmond") == nil)
        #expect(SyslogSink(path: directory.path, ident: "armmond") == nil)  // a directory is no socket
    }

    @Test func aRecordArrivesAsOneDatagram() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("log")
        let receiver = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try #require(receiver >= 0)
        defer { close(receiver) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(receiver, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)

        let sink = try #require(SyslogSink(path: path, ident: "armmond"))
        sink.write(.warning, "armmond warning: slow")
        var buffer = [UInt8](repeating: 0, count: 1024)
        // The datagram is already queued when sendto returns; MSG_DONTWAIT keeps a bug from hanging the test.
        let count = recv(receiver, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        try #require(count > 0)
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        #expect(text.hasPrefix("<28>"))
        #expect(text.hasSuffix(" armmond[\(getpid())]: armmond warning: slow"))
    }
}
