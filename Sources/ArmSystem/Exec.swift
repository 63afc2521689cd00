import ArmCore
import Glibc

/// Replacing this process with a program (`armload /W`, `armcall`, `armsh` running a command).
package enum Exec {
    /// Where a program name leads, as `env`/`execvp` see it (commands.md 1.5: 126 vs 127).
    package enum Lookup: Sendable, Equatable {
        /// An executable regular file at this path.
        case found(String)
        /// Something exists there but cannot be executed (the first such path).
        case notExecutable(String)
        /// Nothing by that name.
        case notFound
    }

    /// Replaces this process with `path` (`execve`); flushes C stdio first so that pending
    /// `print` output is not lost.
    /// - Parameters:
    ///   - path: The program's path (no `PATH` search; see `locate(_:searchPath:)`).
    ///   - arguments: The arguments after `argv[0]`.
    ///   - environment: The complete environment of the new program.
    ///   - argv0: `argv[0]`; the path when nil.
    /// - Returns: Only on failure: why `execve` failed.
    package static func replace(
        path: String,
        arguments: [String],
        environment: [String: String],
        argv0: String? = nil
    ) -> SystemError {
        fflush(nil)
        let argv = CStringArray([argv0 ?? path] + arguments)
        let envp = CStringArray(environmentStrings(environment))
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        _ = argv.pointers.withUnsafeBufferPointer { argvPointer in
            envp.pointers.withUnsafeBufferPointer { envpPointer -> Int32 in
                guard let argvBase = argvPointer.baseAddress, let envpBase = envpPointer.baseAddress else { return -1 }
                return execve(path, argvBase, envpBase)
            }
        }
        return .call("execve", path: path, errno: currentErrno())
    }

    /// Finds a program: a name with a slash is taken as a path; otherwise each directory of
    /// `searchPath` (colon-separated; an empty entry is the current directory) is tried in order.
    package static func locate(_ program: String, searchPath: String) -> Lookup {
        guard !program.isEmpty else { return .notFound }
        if program.contains("/") { return check(program) ?? .notFound }
        var firstNonExecutable: String?
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            switch check(candidate) {
            case .found(let path)?: return .found(path)
            case .notExecutable(let path)?: if firstNonExecutable == nil { firstNonExecutable = path }
            case .notFound?, nil: continue
            }
        }
        return firstNonExecutable.map { .notExecutable($0) } ?? .notFound
    }

    /// `locate` as the launch ports want it: the path, or `.notExecutable(EACCES)` / `.notFound(ENOENT)`.
    package static func resolve(_ program: String, searchPath: String) -> Result<String, LaunchError> {
        switch locate(program, searchPath: searchPath) {
        case .found(let path): .success(path)
        case .notExecutable: .failure(.notExecutable(errno: EACCES))
        case .notFound: .failure(.notFound(errno: ENOENT))
        }
    }

    private static func check(_ path: String) -> Lookup? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0 { return .found(path) }
        return .notExecutable(path)
    }
}
