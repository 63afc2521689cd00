import ArmCore
import Glibc
import Synchronization

/// The live `LogSink`: appends lines to the files under the log directory
/// (`$ARM_ROOT/var/log/armcluster`, config-and-files §3.1, §4.1).
///
/// Every append is one `write(2)` of the line and its LF on a cached `O_APPEND|O_CLOEXEC` descriptor,
/// made while holding a shared `flock` on `logrotate.lock`. With `internal` rotation, a write that
/// would take a non-empty file past its size takes the lock exclusively, checks the size again,
/// renames `F.(count-1)`→`F.count` … `F`→`F.1`, recreates `F` with the old file's mode and owner, and
/// writes there. With `external` rotation nothing is renamed; a file whose inode changed is reopened
/// (checked at most once a second), and `reopen()` (for SIGHUP) reopens every file.
///
/// Interpretation: a new file gets the mode of config-and-files §3.1 (ARM.LOG 0660, the others 0640)
/// and the group of the log directory (root:armadm in production); `armload/` is created 0750 the
/// same way. When `logrotate.lock` cannot be opened or created, lines are still written, unlocked.
/// Failures never reach the caller (the port cannot throw): `reportFailure` hears about them.
///
/// Thread-safe; appends are serialised by a mutex and block briefly (one write, perhaps a rotation).
package final class FileLogSink: LogSink {
    /// What happens when a file reaches its size (`[log] rotation`, config-and-files §1.12).
    package enum RotationMode: Sendable, Equatable {
        /// ArmCluster renames the files itself.
        case `internal`
        /// logrotate (with `create`) renames them; ArmCluster reopens.
        case external
    }

    private let directory: String
    private let lockPath: String
    private let rotations: [String: LogRotation]
    private let rotationMode: RotationMode
    private let reportFailure: @Sendable (LogFile, SystemError) -> Void
    private let state = Mutex(State())

    /// Creates a sink.
    /// - Parameters:
    ///   - directory: The log directory, e.g. `$ARM_ROOT/var/log/armcluster`.
    ///   - lockPath: `$ARM_ROOT/run/armcluster/logrotate.lock`.
    ///   - rotations: Per-file settings keyed by `LogFile.configName`; missing ones use `defaultRotation`.
    ///   - rotationMode: `[log] rotation`.
    ///   - reportFailure: Called (outside the sink's lock) when a line could not be written.
    package init(
        directory: String,
        lockPath: String,
        rotations: [String: LogRotation] = [:],
        rotationMode: RotationMode = .internal,
        reportFailure: @escaping @Sendable (LogFile, SystemError) -> Void = { _, _ in }
    ) {
        self.directory = directory
        self.lockPath = lockPath
        self.rotations = rotations
        self.rotationMode = rotationMode
        self.reportFailure = reportFailure
    }

    deinit {
        state.withLock { $0.closeAll() }
    }

    /// The mode a new log file gets (config-and-files §3.1).
    package static func mode(of file: LogFile) -> UInt32 {
        switch file {
        case .arm: 0o660
        case .armsvr, .armscr, .armtun, .events, .armload: 0o640
        }
    }

    /// Appends one line (without its newline), rotating first when needed.
    package func append(_ line: String, to file: LogFile) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        let failure = state.withLock { (state: inout State) -> SystemError? in
            do throws(SystemError) {
                try write(bytes, to: file, state: &state)
                return nil
            } catch {
                return error
            }
        }
        if let failure { reportFailure(file, failure) }
    }

    /// Closes every cached descriptor, so the next append reopens its file (SIGHUP with external
    /// rotation, config-and-files §4.1).
    package func reopen() {
        state.withLock { $0.closeAll() }
    }

    /// Appends one line to a file once, for a front-end command that writes its own ARM.LOG record when armmond is
    /// unreachable (commands.md 1.7): one `O_APPEND` write under a shared `flock` on `lockPath` (unlocked when the lock
    /// file cannot be opened).
    ///
    /// No rotation.
    ///
    /// - Returns: Whether the whole line was written; the caller skips silently otherwise.
    package static func appendOnce(path: String, lockPath: String, line: String) -> Bool {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        let lock = openLockFile(lockPath)
        defer { closeDescriptor(lock) }
        if lock >= 0 { _ = retryingOnInterrupt { flock(lock, LOCK_SH) } }
        guard let file = try? openLogFile(path: path, mode: 0o660) else { return false }
        defer { closeDescriptor(file.descriptor) }
        return (try? writeWhole(file.descriptor, bytes, path: path)) != nil
    }

    // MARK: - Appending

    private func write(_ bytes: [UInt8], to file: LogFile, state: inout State) throws(SystemError) {
        let path = directory + "/" + file.relativePath
        if state.lockDescriptor < 0 { state.lockDescriptor = Self.openLockFile(lockPath) }
        let lock = state.lockDescriptor
        if lock >= 0 { _ = retryingOnInterrupt { flock(lock, LOCK_SH) } }
        defer { if lock >= 0 { _ = flock(lock, LOCK_UN) } }

        var open = try openCached(path: path, file: file, state: &state)
        switch rotationMode {
        case .internal:
            let rotation = rotations[file.configName] ?? file.defaultRotation
            let size = try Self.size(of: open.descriptor, path: path)
            if rotation.maxBytes > 0 && size > 0 && size + bytes.count > rotation.maxBytes {
                if lock >= 0 { _ = retryingOnInterrupt { flock(lock, LOCK_EX) } }
                let current = open
                let rotated = Result(catching: { () throws(SystemError) -> OpenLog? in
                    try rotateIfNeeded(path: path, file: file, open: current, incoming: bytes.count, rotation: rotation)
                })
                if lock >= 0 { _ = retryingOnInterrupt { flock(lock, LOCK_SH) } }
                if let replacement = try rotated.get() {
                    closeDescriptor(open.descriptor)
                    open = replacement
                    state.files[path] = replacement
                }
            }
        case .external:
            let now = monotonicNowNanoseconds()
            if now - open.lastIdentityCheck >= 1_000_000_000 {
                open.lastIdentityCheck = now
                state.files[path] = open
                if Self.identity(ofPath: path) != open.identity {
                    closeDescriptor(open.descriptor)
                    state.files[path] = nil
                    open = try openCached(path: path, file: file, state: &state)
                }
            }
        }
        try Self.writeWhole(open.descriptor, bytes, path: path)
    }

    private func openCached(path: String, file: LogFile, state: inout State) throws(SystemError) -> OpenLog {
        if let open = state.files[path] { return open }
        if case .armload = file {
            try Self.ensureSubdirectory(directory + "/armload", groupFrom: directory)
        }
        let open = try Self.openLogFile(path: path, mode: Self.mode(of: file))
        state.files[path] = open
        return open
    }

    /// Renames the generations and returns the new descriptor for `path`, or nil when no rotation is needed any more.
    ///
    /// Called with the lock held exclusively.
    private func rotateIfNeeded(
        path: String,
        file: LogFile,
        open: OpenLog,
        incoming: Int,
        rotation: LogRotation
    ) throws(SystemError) -> OpenLog? {
        var current = stat()
        guard stat(path, &current) == 0, FileIdentity(current) == open.identity else {
            // Someone else rotated (or removed) it meanwhile: just reopen.
            return try Self.openLogFile(path: path, mode: Self.mode(of: file))
        }
        guard Int(current.st_size) > 0 && Int(current.st_size) + incoming > rotation.maxBytes else { return nil }
        let count = max(1, rotation.count)
        for generation in stride(from: count - 1, through: 1, by: -1) {
            if rename("\(path).\(generation)", "\(path).\(generation + 1)") != 0 && currentErrno() != ENOENT {
                throw .call("rename", path: "\(path).\(generation)", errno: currentErrno())
            }
        }
        guard rename(path, "\(path).1") == 0 else { throw .call("rename", path: path, errno: currentErrno()) }
        let descriptor = retryingOnInterrupt {
            Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else {
            if currentErrno() == EEXIST { return try Self.openLogFile(path: path, mode: Self.mode(of: file)) }
            throw .call("open", path: path, errno: currentErrno())
        }
        // Same mode and owner as the file it replaces (chown fails harmlessly when not root).
        _ = fchmod(descriptor, current.st_mode & 0o7777)
        _ = fchown(descriptor, current.st_uid, current.st_gid)
        var created = stat()
        _ = fstat(descriptor, &created)
        return OpenLog(
            descriptor: descriptor,
            identity: FileIdentity(created),
            lastIdentityCheck: monotonicNowNanoseconds()
        )
    }

    // MARK: - Files

    private static func openLockFile(_ path: String) -> Int32 {
        let existing = retryingOnInterrupt { Glibc.open(path, O_RDONLY | O_CLOEXEC) }
        if existing >= 0 || currentErrno() != ENOENT { return existing }
        let created = retryingOnInterrupt { Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o660) }
        if created >= 0 { _ = fchmod(created, 0o660) }
        return created
    }

    /// Opens a log file for appending, creating it with `mode` and the directory's group if missing.
    private static func openLogFile(path: String, mode: UInt32) throws(SystemError) -> OpenLog {
        var descriptor = retryingOnInterrupt { Glibc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC) }
        if descriptor < 0 && currentErrno() == ENOENT {
            descriptor = retryingOnInterrupt {
                Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            }
            if descriptor >= 0 {
                _ = fchmod(descriptor, mode)
                var parent = stat()
                if stat(Paths.directoryName(of: path), &parent) == 0 {
                    _ = fchown(descriptor, UInt32.max, parent.st_gid)
                }
            } else if currentErrno() == EEXIST {
                descriptor = retryingOnInterrupt { Glibc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC) }
            }
        }
        guard descriptor >= 0 else { throw .call("open", path: path, errno: currentErrno()) }
        var status = stat()
        _ = fstat(descriptor, &status)
        return OpenLog(
            descriptor: descriptor,
            identity: FileIdentity(status),
            lastIdentityCheck: monotonicNowNanoseconds()
        )
    }

    private static func ensureSubdirectory(_ path: String, groupFrom parentPath: String) throws(SystemError) {
        if mkdir(path, 0o750) == 0 {
            _ = chmod(path, 0o750)
            var parent = stat()
            if stat(parentPath, &parent) == 0 { _ = chown(path, UInt32.max, parent.st_gid) }
        } else if currentErrno() != EEXIST {
            throw .call("mkdir", path: path, errno: currentErrno())
        }
    }

    private static func size(of descriptor: Int32, path: String) throws(SystemError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .call("fstat", path: path, errno: currentErrno()) }
        return Int(status.st_size)
    }

    private static func identity(ofPath path: String) -> FileIdentity? {
        var status = stat()
        return stat(path, &status) == 0 ? FileIdentity(status) : nil
    }

    /// One `write(2)`; should a regular file ever take less, the rest follows.
    private static func writeWhole(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                retryingOnInterrupt {
                    Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
                }
            }
            guard written > 0 else { throw .call("write", path: path, errno: written < 0 ? currentErrno() : EIO) }
            offset += written
        }
    }
}

/// Device and inode of a file: what changes when a file is renamed away and recreated.
private struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// A cached descriptor of one log file.
private struct OpenLog {
    let descriptor: Int32
    let identity: FileIdentity
    var lastIdentityCheck: Int64
}

/// What the sink's mutex protects.
private struct State {
    var files: [String: OpenLog] = [:]
    var lockDescriptor: Int32 = -1

    mutating func closeAll() {
        for open in files.values { closeDescriptor(open.descriptor) }
        files.removeAll()
        closeDescriptor(lockDescriptor)
        lockDescriptor = -1
    }
}
