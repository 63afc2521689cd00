import ArmCore

/// The rules of config-and-files §2.2 V25 (scripts) and V27 (key file) without the file system.
package enum LocalFileRules {
    /// V27: the REASON of `key file "P": REASON`, or nil when the key file is fine.
    /// - Parameters:
    ///   - status: nil if the file does not exist.
    ///   - contents: the file's text, nil if it could not be read.
    /// - Returns: the reason, or nil.
    package static func keyFileProblem(status: LocalFileStatus?, contents: String?) -> String? {
        guard let status else { return "does not exist" }
        guard status.isRegular else { return "is not a regular file" }
        let permissions = status.mode & 0o777
        guard permissions == 0o600 else { return "has mode \(LocalFileStatus.octal(permissions)), must be 0600" }
        guard let contents else { return "cannot be read" }
        var line = Substring(contents)
        if line.hasSuffix("\n") { line = line.dropLast() }
        let isHex = line.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0)
        }
        guard isHex, (64...128).contains(line.unicodeScalars.count), line.unicodeScalars.count % 2 == 0 else {
            return "must hold one line of 64 to 128 hex digits"
        }
        return nil
    }

    /// V25: the message for one script, or nil when it is fine.
    /// - Parameters:
    ///   - path: the script's path as shown in the message.
    ///   - status: nil if it does not exist.
    ///   - requiredOwner: 0 (root); test rigs that run unprivileged pass their own uid.
    /// - Returns: the whole message, or nil.
    package static func scriptProblem(path: String, status: LocalFileStatus?, requiredOwner: UInt32 = 0) -> String? {
        let subject = "script \(quote(path))"
        guard let status else { return "\(subject) is missing" }
        guard status.isRegular else { return "\(subject) is not a regular file" }
        guard status.mode & 0o111 != 0 else { return "\(subject) is not executable" }
        guard !status.isWritableByOthers(requiredOwner: requiredOwner) else {
            return "\(subject) is writable by non-root"
        }
        return nil
    }
}
