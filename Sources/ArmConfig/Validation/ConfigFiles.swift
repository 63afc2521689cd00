import ArmCore

/// The two file-system calls the configuration checks make: read a whole file, `stat` a file.
///
/// ArmConfig stays free of system calls; the executables pass the live calls (ArmSystem's `FileIO`), tests
/// pass their own. `armcfg check` and `armmond` so run one implementation of V25 and V27.
package struct ConfigFiles: Sendable {
    /// The whole file, or why not (`strerror` text).
    package var read: @Sendable (_ path: String) -> Result<[UInt8], ConfigReadError>
    /// `stat` (following links); nil when nothing is there.
    package var status: @Sendable (_ path: String) -> LocalFileStatus?

    /// Creates the calls.
    package init(
        read: @escaping @Sendable (String) -> Result<[UInt8], ConfigReadError>,
        status: @escaping @Sendable (String) -> LocalFileStatus?
    ) {
        self.read = read
        self.status = status
    }
}
