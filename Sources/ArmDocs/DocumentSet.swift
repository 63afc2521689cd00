import ArmCore

/// One file that `scripts/gen-docs` writes, relative to the repository root.
package struct GeneratedFile: Sendable, Equatable {
    /// Path relative to the output directory (`man/man1/armload.1`).
    package let path: String
    /// The whole file.
    package let contents: String

    /// Creates a file.
    package init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Everything rendered from the command table: the man pages and the completion scripts.
package enum DocumentSet {
    /// The directories that hold only generated files; armdocgen removes other files there.
    package static let generatedDirectories = ["man/man1", "man/man5", "man/man7", "man/man8"]

    /// Every generated file, in a stable order.
    /// - Parameter date: the date the man pages carry, normally `ManRenderer.date`.
    /// - Returns: the files, sorted by path.
    package static func files(date: String = ManRenderer.date) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for spec in [CommandSpec.armtool] + CommandSpec.all {
            files.append(
                GeneratedFile(
                    path: "man/man\(spec.manSection)/\(spec.name).\(spec.manSection)",
                    contents: ManRenderer.page(spec, date: date)
                )
            )
        }
        files.append(GeneratedFile(path: "man/man5/cluster.toml.5", contents: ManRenderer.configPage(date: date)))
        files.append(GeneratedFile(path: "man/man7/armcluster.7", contents: ManRenderer.overviewPage(date: date)))
        files.append(GeneratedFile(path: "completions/armtool.bash", contents: CompletionRenderer.bash()))
        files.append(GeneratedFile(path: "completions/_armtool", contents: CompletionRenderer.zsh()))
        files.append(GeneratedFile(path: "completions/armtool.fish", contents: CompletionRenderer.fish()))
        return files.sorted { $0.path < $1.path }
    }
}
