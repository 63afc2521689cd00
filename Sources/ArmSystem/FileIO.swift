import ArmCore
import Glibc

/// Whole-file reads and crash-safe replacement writes.
package enum FileIO {
    /// Reads a whole file (also `/proc` files, whose size `stat` reports as 0).
    /// - Parameters:
    ///   - path: the file.
    ///   - limit: stop after this many bytes (a caller that refuses larger files passes its maximum + 1, so a
    ///     huge file or `/dev/zero` cannot exhaust memory); nil reads to the end.
    /// - Returns: the bytes, at most `limit` of them.
    /// - Throws: `SystemError.call` of `open` or `read`.
    package static func readAll(path: String, limit: Int? = nil) throws(SystemError) -> [UInt8] {
        let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw .call("open", path: path, errno: currentErrno()) }
        defer { closeDescriptor(descriptor) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in
                retryingOnInterrupt { read(descriptor, raw.baseAddress, raw.count) }
            }
            if count == 0 { return contents }
            guard count > 0 else { throw .call("read", path: path, errno: currentErrno()) }
            contents.append(contentsOf: chunk[..<count])
            if let limit, contents.count >= limit { return Array(contents.prefix(limit)) }
        }
    }

    /// Reads a whole file as UTF-8 text (invalid sequences become U+FFFD).
    package static func readText(path: String) throws(SystemError) -> String {
        String(decoding: try readAll(path: path), as: UTF8.self)
    }

    /// Replaces a file atomically: writes a temporary file in the same directory, `fsync`s it, sets its mode (and
    /// owner, when given), renames it over `path` and `fsync`s the directory.
    ///
    /// Readers see the old or the new contents, never a mixture, even after a crash.
    package static func writeAtomically(
        path: String,
        contents: [UInt8],
        mode: UInt32,
        uid: UInt32? = nil,
        gid: UInt32? = nil
    ) throws(SystemError) {
        let directory = Paths.directoryName(of: path)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            temporary = "\(path).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
            descriptor = retryingOnInterrupt { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
            if descriptor >= 0 || currentErrno() != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .call("open", path: temporary, errno: currentErrno()) }
        var committed = false
        defer {
            closeDescriptor(descriptor)
            if !committed { unlink(temporary) }
        }
        var offset = 0
        while offset < contents.count {
            let written = contents.withUnsafeBytes { raw in
                retryingOnInterrupt { write(descriptor, raw.baseAddress.map { $0 + offset }, contents.count - offset) }
            }
            guard written > 0 else { throw .call("write", path: temporary, errno: written < 0 ? currentErrno() : EIO) }
            offset += written
        }
        guard fchmod(descriptor, mode) == 0 else { throw .call("fchmod", path: temporary, errno: currentErrno()) }
        if uid != nil || gid != nil {
            guard fchown(descriptor, uid ?? UInt32.max, gid ?? UInt32.max) == 0 else {
                throw .call("fchown", path: temporary, errno: currentErrno())
            }
        }
        guard fsync(descriptor) == 0 else { throw .call("fsync", path: temporary, errno: currentErrno()) }
        guard rename(temporary, path) == 0 else { throw .call("rename", path: path, errno: currentErrno()) }
        committed = true
        try syncDirectory(directory)
    }

    /// Writes text atomically (see `writeAtomically(path:contents:mode:uid:gid:)`).
    package static func writeAtomically(
        path: String,
        text: String,
        mode: UInt32,
        uid: UInt32? = nil,
        gid: UInt32? = nil
    ) throws(SystemError) {
        try writeAtomically(path: path, contents: Array(text.utf8), mode: mode, uid: uid, gid: gid)
    }

    /// `fsync`s a directory so that a rename in it is durable.
    ///
    /// File systems that cannot sync a directory (`EINVAL`) are accepted as they are.
    package static func syncDirectory(_ path: String) throws(SystemError) {
        let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw .call("open", path: path, errno: currentErrno()) }
        defer { closeDescriptor(descriptor) }
        if fsync(descriptor) != 0 && currentErrno() != EINVAL {
            throw .call("fsync", path: path, errno: currentErrno())
        }
    }

    /// `stat(path)` (following symbolic links) as the script and key-file checks need it; nil when nothing is
    /// there or it cannot be seen.
    package static func status(path: String) -> LocalFileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return LocalFileStatus(
            isRegular: info.st_mode & S_IFMT == S_IFREG,
            mode: UInt32(info.st_mode & 0o7777),
            owner: info.st_uid
        )
    }

    /// Whether something exists at `path` (without following a final symbolic link).
    package static func exists(path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Writes all of `text` to a descriptor (stdout, stderr), retrying short writes and `EINTR`; gives up
    /// silently on any other error (a closed stderr must not stop a command).
    package static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                retryingOnInterrupt { write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
            }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// `chmod(path, mode)`.
    package static func setMode(path: String, mode: UInt32) throws(SystemError) {
        guard chmod(path, mode_t(mode)) == 0 else { throw .call("chmod", path: path, errno: currentErrno()) }
    }

    /// `chown(path, uid, gid)`; nil leaves that id as it is.
    package static func setOwner(path: String, uid: UInt32?, gid: UInt32?) throws(SystemError) {
        guard chown(path, uid ?? UInt32.max, gid ?? UInt32.max) == 0 else {
            throw .call("chown", path: path, errno: currentErrno())
        }
    }

    /// `unlink(path)`; a file that is already gone counts as removed.
    package static func remove(path: String) throws(SystemError) {
        guard unlink(path) == 0 || currentErrno() == ENOENT else {
            throw .call("unlink", path: path, errno: currentErrno())
        }
    }
}
