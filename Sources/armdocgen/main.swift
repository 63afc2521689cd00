// armdocgen: writes the man pages and completion scripts rendered from the command table.
//
//   armdocgen OUTDIR           write OUTDIR/man/man{1,5,7,8}/* and OUTDIR/completions/*
//   armdocgen --check OUTDIR   exit 1 listing every stale, missing or extra file; 0 when all match
//
// Only Glibc for file I/O; the rendering is pure (ArmDocs).
import ArmCore
import ArmDocs
import Glibc

/// Writes `text` and a newline to stderr.
func printError(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}

/// The contents of a file, nil if it cannot be read.
func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { bytes += buffer[0..<count] }
        if count < buffer.count { break }
    }
    guard ferror(file) == 0 else { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `contents` to `path` through a temporary file and `rename`, so a reader never sees half a file.
func writeFile(_ path: String, _ contents: String) -> Bool {
    let temporary = path + ".tmp"
    guard let file = fopen(temporary, "wb") else { return false }
    let bytes = Array(contents.utf8)
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file) == 0
    guard written == bytes.count, closed else {
        unlink(temporary)
        return false
    }
    return rename(temporary, path) == 0
}

/// `mkdir -p`.
func makeDirectories(_ path: String) -> Bool {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
        prefix += component + "/"
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return false }
    }
    return true
}

/// Names of the regular files in a directory (empty if it does not exist).
func fileNames(in directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// The first line where two texts differ, for the stale-file report.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
        let have = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
        if want != have { return "line \(index + 1):\n  - \(have)\n  + \(want)" }
    }
    return "(identical lines; differs in the final newline)"
}

func main() -> Int32 {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let check = arguments.first == "--check"
    if check { arguments.removeFirst() }
    guard arguments.count == 1, let root = arguments.first, !root.hasPrefix("-") else {
        printError("usage: armdocgen [--check] OUTDIR")
        return 2
    }
    let files = DocumentSet.files()
    let expected = Set(files.map(\.path))
    var problems: [String] = []

    for file in files {
        let path = root + "/" + file.path
        let current = readFile(path)
        guard current != file.contents else { continue }
        if check {
            if let current {
                problems.append("stale: \(file.path) (\(firstDifference(file.contents, current)))")
            } else {
                problems.append("missing: \(file.path)")
            }
            continue
        }
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        guard makeDirectories(directory), writeFile(path, file.contents) else {
            printError("armdocgen: cannot write \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        print("wrote \(file.path)")
    }

    for directory in DocumentSet.generatedDirectories {
        for name in fileNames(in: root + "/" + directory) where !expected.contains(directory + "/" + name) {
            if check {
                problems.append("extra: \(directory)/\(name) (no longer generated)")
            } else if unlink(root + "/" + directory + "/" + name) == 0 {
                print("removed \(directory)/\(name)")
            }
        }
    }

    if check {
        for problem in problems { printError(problem) }
        if !problems.isEmpty {
            printError("armdocgen: \(problems.count) generated file(s) out of date; run scripts/gen-docs")
            return 1
        }
    }
    return 0
}

exit(main())
