import ArmCore
import ArmDocs
import Glibc
import Testing

/// Everything the table renders, computed once for all tests.
let renderedFiles = DocumentSet.files()

/// The committed man/ and completions/ must equal what the command table renders (STYLE §2.1).
///
/// With ARM_RECORD_SNAPSHOTS=1 the files are rewritten and the test fails, so the diff gets reviewed.
@Suite(.timeLimit(.minutes(2))) struct GeneratedDocumentsTests {
    /// The repository root: this file is `<root>/Tests/ArmCoreTests/GeneratedDocumentsTests.swift`.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static var isRecording: Bool {
        guard let value = getenv("ARM_RECORD_SNAPSHOTS") else { return false }
        return String(cString: value) == "1"
    }

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes += buffer[0..<count]
            if count < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ path: String, _ contents: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/").dropLast() {
            prefix += "/" + component
            _ = mkdir(prefix, 0o755)
        }
        guard let file = fopen(path, "wb") else { return false }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        return fclose(file) == 0 && written == bytes.count
    }

    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    @Test(arguments: renderedFiles.map(\.path))
    func committedFileMatchesTheRenderer(path relativePath: String) throws {
        let file = try #require(renderedFiles.first { $0.path == relativePath })
        let path = Self.root + "/" + file.path
        let committed = Self.read(path)
        guard committed != file.contents else { return }
        if Self.isRecording {
            #expect(Self.write(path, file.contents), "cannot write \(path)")
            Issue.record("rewrote \(file.path); review the diff and commit it")
        } else {
            Issue.record(
                "\(file.path) is stale or missing; run scripts/gen-docs (or ARM_RECORD_SNAPSHOTS=1 swift test)"
            )
        }
    }

    @Test func generatedDirectoriesHoldNoLeftoverPages() {
        let expected = Set(renderedFiles.map(\.path))
        let leftovers = DocumentSet.generatedDirectories.flatMap { directory in
            Self.names(in: Self.root + "/" + directory).map { directory + "/" + $0 }
        }.filter { !expected.contains($0) }
        #expect(leftovers.isEmpty, "no longer generated; run scripts/gen-docs")
        #expect(Self.read(Self.root + "/Package.swift") != nil, "repository root not found at \(Self.root)")
    }
}
