import ArmCore
import ArmSystem
import Glibc
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(2))) struct FileLogSinkTests {
    let directory: TemporaryDirectory
    let logs: String
    let lock: String

    init() throws {
        directory = try TemporaryDirectory()
        logs = directory.file("log")
        lock = directory.file("logrotate.lock")
        try Directories.ensure(path: logs, mode: 0o750)
    }

    @Test func appendsOneLinePerCall() {
        let sink = FileLogSink(directory: logs, lockPath: lock)
        sink.append("first", to: .arm)
        sink.append("second\tfield", to: .arm)
        #expect(contents(logs + "/ARM.LOG") == "first\nsecond\tfield\n")
    }

    @Test func newFilesGetTheModesOfTheLayout() {
        let sink = FileLogSink(directory: logs, lockPath: lock)
        sink.append("a", to: .arm)
        sink.append("b", to: .armscr)
        #expect(permissions(logs + "/ARM.LOG") == 0o660)
        #expect(permissions(logs + "/armscr.log") == 0o640)
        #expect(permissions(lock) == 0o660)
    }

    @Test func armloadFilesGoToTheirOwnDirectory() {
        let sink = FileLogSink(directory: logs, lockPath: lock)
        sink.append("out", to: .armload(wid: "web"))
        #expect(contents(logs + "/armload/web.log") == "out\n")
        #expect(permissions(logs + "/armload") == 0o750)
        #expect(permissions(logs + "/armload/web.log") == 0o640)
    }

    @Test func appendsGoToTheEndOfAnExistingFile() throws {
        try FileIO.writeAtomically(path: logs + "/events.log", text: "old\n", mode: 0o640)
        FileLogSink(directory: logs, lockPath: lock).append("new", to: .events)
        #expect(contents(logs + "/events.log") == "old\nnew\n")
    }

    @Test func rotationKeepsCountGenerations() {
        // Each line is 5 bytes with its LF; two fit into 10.
        let sink = FileLogSink(
            directory: logs,
            lockPath: lock,
            rotations: ["armscr": LogRotation(maxBytes: 10, count: 2)]
        )
        for line in ["aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg"] { sink.append(line, to: .armscr) }
        let file = logs + "/armscr.log"
        #expect(contents(file) == "gggg\n")
        #expect(contents(file + ".1") == "eeee\nffff\n")
        #expect(contents(file + ".2") == "cccc\ndddd\n")
        #expect(!FileIO.exists(path: file + ".3"))
    }

    @Test func rotatedFileKeepsTheMode() throws {
        let file = logs + "/armsvr.log"
        try FileIO.writeAtomically(path: file, text: "12345678\n", mode: 0o604)
        let sink = FileLogSink(
            directory: logs,
            lockPath: lock,
            rotations: ["armsvr": LogRotation(maxBytes: 10, count: 3)]
        )
        sink.append("next", to: .armsvr)
        #expect(contents(file + ".1") == "12345678\n")
        #expect(contents(file) == "next\n")
        #expect(permissions(file) == 0o604)
    }

    @Test func lineLargerThanTheLimitIsWrittenToAnEmptyFileWithoutRotating() {
        let sink = FileLogSink(directory: logs, lockPath: lock, rotations: ["arm": LogRotation(maxBytes: 4, count: 2)])
        sink.append("longer than four", to: .arm)
        #expect(contents(logs + "/ARM.LOG") == "longer than four\n")
        #expect(!FileIO.exists(path: logs + "/ARM.LOG.1"))
    }

    @Test func defaultRotationAppliesWithoutSettings() {
        let sink = FileLogSink(
            directory: logs,
            lockPath: lock,
            rotations: ["armscr": LogRotation(maxBytes: 1, count: 1)]
        )
        sink.append("a", to: .arm)
        sink.append("b", to: .arm)  // ARM.LOG keeps its 8 MiB default
        #expect(contents(logs + "/ARM.LOG") == "a\nb\n")
    }

    @Test func externalModeNeverRenamesAndReopensAfterRotation() {
        let sink = FileLogSink(
            directory: logs,
            lockPath: lock,
            rotations: ["events": LogRotation(maxBytes: 1, count: 1)],
            rotationMode: .external
        )
        sink.append("one", to: .events)
        sink.append("two", to: .events)
        #expect(contents(logs + "/events.log") == "one\ntwo\n")
        // logrotate moves the file away, then sends SIGHUP.
        rename(logs + "/events.log", logs + "/events.log.1")
        sink.reopen()
        sink.append("three", to: .events)
        #expect(contents(logs + "/events.log.1") == "one\ntwo\n")
        #expect(contents(logs + "/events.log") == "three\n")
    }

    @Test func failuresAreReportedNotThrown() {
        let failures = Mutex<[SystemError]>([])
        let sink = FileLogSink(directory: directory.file("missing"), lockPath: lock) { _, error in
            failures.withLock { $0.append(error) }
        }
        sink.append("lost", to: .arm)
        #expect(
            failures.withLock { $0 } == [.call("open", path: directory.file("missing") + "/ARM.LOG", errno: ENOENT)]
        )
    }

    @Test func concurrentAppendsAreNeitherLostNorInterleaved() async {
        let sink = FileLogSink(directory: logs, lockPath: lock)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<100 {
                        sink.append("task\(task)-line\(index)-" + String(repeating: "x", count: 100), to: .armsvr)
                    }
                }
            }
        }
        let lines = contents(logs + "/armsvr.log").split(separator: "\n")
        #expect(lines.count == 800)
        #expect(lines.allSatisfy { $0.hasSuffix(String(repeating: "x", count: 100)) && $0.hasPrefix("task") })
    }

    @Test func appendOnceWritesOneLine() {
        let path = logs + "/ARM.LOG"
        #expect(FileLogSink.appendOnce(path: path, lockPath: lock, line: "by a command"))
        #expect(FileLogSink.appendOnce(path: path, lockPath: lock, line: "and another"))
        #expect(contents(path) == "by a command\nand another\n")
        #expect(permissions(path) == 0o660)
    }

    @Test func appendOnceReportsFailureInsteadOfThrowing() {
        #expect(!FileLogSink.appendOnce(path: directory.file("missing/ARM.LOG"), lockPath: lock, line: "x"))
    }

    @Test func appendOnceWorksWithoutALockFile() {
        let path = logs + "/ARM.LOG"
        #expect(FileLogSink.appendOnce(path: path, lockPath: directory.file("no/such/lock"), line: "unlocked"))
        #expect(contents(path) == "unlocked\n")
    }
}
