import Foundation
import Glibc
import Testing

extension Tag {
    /// Tests that run the built `armtool` and `armmond` binaries in temporary ARM_ROOTs (STYLE §3, tests 3).
    @Tag static var endToEnd: Self
}

/// Every end-to-end suite lives inside this one, so that all of them run one after the other: they
/// start real daemons and scripts, and the machine has few cores.
///
/// `ARM_E2E=1` enables them (scripts/test always sets it); `ARM_BIN_DIR` names the directory with the
/// built binaries (`swift build --show-bin-path`), else `<repo>/.build/debug` is used. The time limit applies
/// to each test of every nested suite: a hung daemon or command fails the run instead of hanging it.
@Suite(.tags(.endToEnd), .enabled(if: E2E.isEnabled), .serialized, .timeLimit(.minutes(10)))
struct EndToEnd {}

/// Where the binaries are and how commands are run.
enum E2E {
    /// Whether the suite runs at all.
    static var isEnabled: Bool { ProcessInfo.processInfo.environment["ARM_E2E"] == "1" }

    /// The directory holding `armtool` and `armmond`, with symbolic links resolved (armmond puts its
    /// own, resolved, directory first on the scripts' PATH).
    static let binDirectory: String = {
        let environment = ProcessInfo.processInfo.environment
        let directory: String
        if let given = environment["ARM_BIN_DIR"], !given.isEmpty {
            directory = given
        } else {
            // #filePath is <repo>/Tests/ArmEndToEndTests/Support/EndToEnd.swift.
            var repository = URL(fileURLWithPath: #filePath)
            for _ in 0..<4 { repository.deleteLastPathComponent() }
            directory = repository.appendingPathComponent(".build/debug").path
        }
        return URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    }()

    /// The multi-call binary.
    static var armtool: String { binDirectory + "/armtool" }
    /// The daemon.
    static var armmond: String { binDirectory + "/armmond" }

    /// A clean environment for commands: nothing inherited from the test runner but a few basics.
    static func baseEnvironment() -> [String: String] {
        [
            "PATH": binDirectory + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": "/root",
            "LANG": "C.UTF-8",
        ]
    }

    /// Whether every process of a process group has gone (ESRCH).
    ///
    /// The killed processes are not our children,
    /// so no event tells us when the kernel and PID 1 have reaped them (slow here): a bounded poll, 30 s.
    static func processGroupGone(_ processGroup: Int32) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if kill(-processGroup, 0) != 0 && errno == ESRCH { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// The host name up to its first dot (the local server name when ARM_SERVER is not set).
    static func shortHostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
    }
}

/// Failures of the test rig itself (not of the product).
struct RigError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under /tmp (mkdtemp), removed with everything in it by `remove()`.
struct TemporaryDirectory: Sendable {
    let path: String

    init(prefix: String) throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw RigError("mkdtemp failed: errno \(errno)") }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Small file helpers.
enum Files {
    static func write(_ text: String, to path: String, mode: Int = 0o644) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        guard chmod(path, mode_t(mode)) == 0 else { throw RigError("chmod \(path): errno \(errno)") }
    }

    /// The file's text, or "" when it does not exist.
    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Non-empty lines of a file.
    static func lines(_ path: String) -> [String] {
        read(path).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// Whether `text` is a log timestamp of config-and-files §4.1: `YYYY-MM-DDThh:mm:ss.mmm±hh:mm`.
func isLogTimestamp(_ text: String) -> Bool {
    let characters = Array(text)
    guard characters.count == 29 else { return false }
    let pattern = Array("dddd-dd-ddTdd:dd:dd.ddd+dd:dd")
    for (character, expected) in zip(characters, pattern) {
        switch expected {
        case "d": if !character.isASCII || !character.isNumber { return false }
        case "+": if character != "+" && character != "-" { return false }
        default: if character != expected { return false }
        }
    }
    return true
}
