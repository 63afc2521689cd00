import Glibc

/// Creation of the directories of config-and-files §3.1 ("daemons create missing directories of
/// this table with these owners and modes at start").
package enum Directories {
    /// Creates `path` and any missing parents (parents 0755, like `mkdir -p`), then sets the mode of
    /// `path` itself and, when given, its owner and group (also when it already existed).
    /// - Throws: `.call("mkdir"/"chmod"/"chown", path:, errno:)`; `ENOTDIR` when a component is not
    ///   a directory.
    package static func ensure(path: String, mode: UInt32, uid: UInt32? = nil, gid: UInt32? = nil) throws(SystemError) {
        guard !path.isEmpty else { throw .call("mkdir", path: path, errno: ENOENT) }
        var prefix = path.hasPrefix("/") ? "" : "."
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, component) in components.enumerated() {
            prefix += "/" + component
            let isLast = index == components.count - 1
            if mkdir(prefix, isLast ? mode : 0o755) == 0 { continue }
            let code = currentErrno()
            var status = stat()
            guard code == EEXIST || code == EACCES || code == EROFS, stat(prefix, &status) == 0 else {
                throw .call("mkdir", path: prefix, errno: code)
            }
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .call("mkdir", path: prefix, errno: ENOTDIR) }
        }
        guard chmod(path, mode) == 0 else { throw .call("chmod", path: path, errno: currentErrno()) }
        if uid != nil || gid != nil {
            guard chown(path, uid ?? UInt32.max, gid ?? UInt32.max) == 0 else {
                throw .call("chown", path: path, errno: currentErrno())
            }
        }
    }
}
