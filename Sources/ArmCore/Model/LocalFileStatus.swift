/// What `stat` says about a file, as the script and key-file checks need it (config-and-files §2.2 V25, V27).
///
/// ArmSystem fills it in (`FileIO.status(path:)`); the rules that read it are pure.
package struct LocalFileStatus: Sendable, Equatable {
    /// A regular file (not a directory, device or socket; symbolic links already followed).
    package var isRegular: Bool
    /// Permission bits (`st_mode & 0o7777`).
    package var mode: UInt32
    /// Owner uid.
    package var owner: UInt32

    /// Creates a status.
    package init(isRegular: Bool, mode: UInt32, owner: UInt32) {
        self.isRegular = isRegular
        self.mode = mode
        self.owner = owner
    }

    /// Whether someone other than `requiredOwner` (root) may change the file.
    ///
    /// True for another owner, or a group- or world-write bit. armmond never runs such a script as root (V25;
    /// issue 8 item 5).
    package func isWritableByOthers(requiredOwner: UInt32 = 0) -> Bool {
        owner != requiredOwner || mode & 0o022 != 0
    }

    /// `0644`-style text of permission bits.
    package static func octal(_ mode: UInt32) -> String {
        var digits = String(mode, radix: 8)
        while digits.count < 4 { digits = "0" + digits }
        return digits
    }
}
