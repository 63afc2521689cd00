import ArmConfig
import ArmCore
import Glibc

/// Small blocking file reads for configuration checks (run at start-up or by `armcfg check`, never on an
/// event loop).
enum ConfigFileReader {
    /// The whole file, or the `strerror` text of why not.
    static func read(_ path: String) -> Result<[UInt8], ConfigReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ConfigReadError(errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ConfigReadError(errno: errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > ConfigLoader.maximumSize {
                return .failure(ConfigReadError(reason: "file is larger than 16 MiB"))
            }
        }
    }

    /// `stat` (following links) as the local checks need it; nil if the file does not exist or cannot be seen.
    static func status(_ path: String) -> LocalFileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return LocalFileStatus(
            isRegular: info.st_mode & S_IFMT == S_IFREG,
            mode: UInt32(info.st_mode & 0o7777),
            owner: info.st_uid
        )
    }
}

extension ConfigReadError {
    /// The `strerror` text of `code`.
    init(errno code: Int32) {
        self.init(reason: strerror(code).map { String(cString: $0) } ?? "error \(code)")
    }
}
