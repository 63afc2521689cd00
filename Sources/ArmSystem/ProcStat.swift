import Glibc

/// The fields of `/proc/PID/stat` that ArmCluster uses: the session (field 6) for the `armsetcd`
/// exception (commands.md 1.4) and the start time (field 22) that tells a re-used pid from the
/// program `armload` started (config-and-files §3.2).
package struct ProcStat: Sendable, Equatable {
    /// Field 1: process id.
    package var pid: Int32
    /// Field 2: the command name, without its parentheses (it may itself contain spaces and
    /// parentheses).
    package var command: String
    /// Field 3: state letter (`R`, `S`, `Z`…).
    package var state: String
    /// Field 4: parent pid.
    package var parentPid: Int32
    /// Field 5: process group id.
    package var processGroup: Int32
    /// Field 6: session id.
    package var session: Int32
    /// Field 22: start time in clock ticks after boot.
    package var startTimeTicks: UInt64

    /// Creates a record.
    package init(
        pid: Int32,
        command: String,
        state: String,
        parentPid: Int32,
        processGroup: Int32,
        session: Int32,
        startTimeTicks: UInt64
    ) {
        self.pid = pid
        self.command = command
        self.state = state
        self.parentPid = parentPid
        self.processGroup = processGroup
        self.session = session
        self.startTimeTicks = startTimeTicks
    }

    /// Reads `/proc/PID/stat`.
    /// - Throws: `.call("open", …, ENOENT)` when there is no such process; `.malformed` otherwise.
    package static func read(pid: Int32) throws(SystemError) -> ProcStat {
        let path = "/proc/\(pid)/stat"
        guard let stat = parse(try FileIO.readText(path: path)) else {
            throw .malformed(path: path, reason: "unexpected format")
        }
        return stat
    }

    /// Parses the text of `/proc/PID/stat`.
    ///
    /// The command name is whatever lies between the first `(` and the last `)`, since the name itself may contain
    /// both; nil when the text does not have at least 22 fields.
    package static func parse(_ text: String) -> ProcStat? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        guard let pid = Int32(text[..<open].trimmingSpaces) else { return nil }
        let command = String(text[text.index(after: open)..<close])
        // Fields 3… follow the closing parenthesis; index 0 here is field 3.
        let fields = text[text.index(after: close)...].split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 20,
            let parent = Int32(fields[1]),
            let group = Int32(fields[2]),
            let session = Int32(fields[3]),
            let start = UInt64(fields[19])
        else { return nil }
        return ProcStat(
            pid: pid,
            command: command,
            state: String(fields[0]),
            parentPid: parent,
            processGroup: group,
            session: session,
            startTimeTicks: start
        )
    }

    /// Clock ticks per second (`sysconf(_SC_CLK_TCK)`, normally 100), the unit of `startTimeTicks`.
    package static var ticksPerSecond: Int {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? ticks : 100
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
