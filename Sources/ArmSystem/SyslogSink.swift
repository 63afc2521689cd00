import ArmCore
import Glibc

/// Syslog records as datagrams to the local socket (`/dev/log`: journald or rsyslog), in the RFC 3164 form
/// glibc's `syslog(3)` sends: `<PRI>Mmm dd hh:mm:ss IDENT[PID]: TEXT`.
///
/// The socket is unconnected, so a restarted journal (a new socket at the same path) needs no reconnect; a
/// record that cannot be sent is dropped, as `syslog(3)` does.
package final class SyslogSink: JournalSink {
    /// Syslog facilities the daemons use.
    package enum Facility: Int32, Sendable {
        /// `daemon` (config-and-files §4.1).
        case daemon = 3
    }

    /// Longest datagram written; longer texts are cut (journald and rsyslog accept at least this much).
    package static let maximumBytes = 8192

    /// The datagram socket; immutable, and `sendto(2)` on one descriptor is safe from any thread.
    private let descriptor: Int32
    private let path: String
    private let ident: String
    private let facility: Facility
    private let pid: Int32

    /// Opens a sink writing to the socket at `path`; nil when no socket is there (no syslog on this host).
    package init?(path: String = "/dev/log", ident: String, facility: Facility = .daemon) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFSOCK else { return nil }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.path = path
        self.ident = ident
        self.facility = facility
        self.pid = getpid()
    }

    deinit { closeDescriptor(descriptor) }

    /// Sends one record.
    package func write(_ priority: JournalPriority, _ text: String) {
        let record = Self.record(
            priority: priority,
            facility: facility,
            time: Self.localTime(),
            ident: ident,
            pid: pid,
            text: text
        )
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + 1)
        let bytes = Array(record.utf8.prefix(Self.maximumBytes))
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                retryingOnInterrupt {
                    sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
    }

    /// The fields of an RFC 3164 timestamp, local time.
    package struct Time: Sendable, Equatable {
        /// 1–12.
        package var month: Int
        /// 1–31.
        package var day: Int
        /// 0–23.
        package var hour: Int
        /// 0–59.
        package var minute: Int
        /// 0–60.
        package var second: Int

        /// Creates a time.
        package init(month: Int, day: Int, hour: Int, minute: Int, second: Int) {
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    /// One record: `<PRI>Mmm dd hh:mm:ss IDENT[PID]: TEXT`, PRI = facility × 8 + severity; line breaks in the
    /// text become spaces, so one record stays one journal line.
    package static func record(
        priority: JournalPriority,
        facility: Facility,
        time: Time,
        ident: String,
        pid: Int32,
        text: String
    ) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[min(max(time.month, 1), 12) - 1]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let day = time.day < 10 ? " \(time.day)" : String(time.day)
        let stamp = "\(month) \(day) \(two(time.hour)):\(two(time.minute)):\(two(time.second))"
        let flat = String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        return "<\(facility.rawValue * 8 + priority.rawValue)>\(stamp) \(ident)[\(pid)]: \(flat)"
    }

    private static func localTime() -> Time {
        var now = time(nil)
        var fields = tm()
        localtime_r(&now, &fields)
        return Time(
            month: Int(fields.tm_mon) + 1,
            day: Int(fields.tm_mday),
            hour: Int(fields.tm_hour),
            minute: Int(fields.tm_min),
            second: Int(fields.tm_sec)
        )
    }
}

/// Journal records on stderr, for the foreground (`armmond /F`) and for systemd, which files stderr in the journal.
package struct StandardErrorJournal: JournalSink {
    /// The text before each record (`armmond: `).
    package let prefix: String

    /// Creates a writer with a prefix.
    package init(prefix: String) { self.prefix = prefix }

    /// Writes `PREFIX TEXT\n` with one `write(2)` loop.
    package func write(_ priority: JournalPriority, _ text: String) {
        var bytes = Array((prefix + text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if currentErrno() == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
