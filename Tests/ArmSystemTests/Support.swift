import ArmCore
import ArmSystem
import Glibc
import Synchronization

/// A fresh directory under /tmp (mkdtemp), removed with its contents when released.
final class TemporaryDirectory {
    let path: String

    init() throws(SystemError) {
        var template = Array("/tmp/armsystem-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw .call("mkdtemp", path: "/tmp", errno: errno) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        removeTree(path)
    }

    /// Writes an executable `/bin/sh` script and returns its path.
    func script(_ name: String, _ body: String) throws(SystemError) -> String {
        let scriptPath = path + "/" + name
        try FileIO.writeAtomically(path: scriptPath, text: "#!/bin/sh\n" + body, mode: 0o755)
        return scriptPath
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }
}

/// Removes a file or directory tree (without following symbolic links).
func removeTree(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    if status.st_mode & S_IFMT == S_IFDIR {
        _ = chmod(path, 0o700)
        if let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    } else {
        unlink(path)
    }
}

/// Collects a script's output lines per stream (the observer calls it from the runner's thread).
final class LineCollector: Sendable {
    private let lines = Mutex<[(OutputStream, String)]>([])

    func add(_ stream: OutputStream, _ line: String) {
        lines.withLock { $0.append((stream, line)) }
    }

    func lines(of stream: OutputStream) -> [String] {
        lines.withLock { $0.filter { $0.0 == stream }.map(\.1) }
    }
}

/// A value set from another thread.
final class Box<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    func set(_ value: Value) { storage.withLock { $0 = value } }
    var value: Value? { storage.withLock { $0 } }
}

/// Checks an operating-system condition until it holds or `seconds` pass (for effects that only
/// the kernel or init completes, such as reaping orphans); true when it held.
func eventually(within seconds: Int, _ condition: () -> Bool) -> Bool {
    let deadline = monotonicNowNanoseconds() + Int64(seconds) * 1_000_000_000
    while monotonicNowNanoseconds() < deadline {
        if condition() { return true }
        _ = poll(nil, 0, 20)
    }
    return condition()
}

/// Reads a whole file as text, or "" when it cannot be read.
func contents(_ path: String) -> String {
    (try? FileIO.readText(path: path)) ?? ""
}

/// The permission bits of a file, or nil when it does not exist.
func permissions(_ path: String) -> UInt32? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & 0o7777
}
