import ArmCore

/// Path relocation under `$ARM_ROOT` (config-and-files §0 and §1.1).
package enum ArmRootPath {
    /// The four product trees that move under `ARM_ROOT`.
    package static let productTrees = [
        "/etc/armcluster", "/var/lib/armcluster", "/var/log/armcluster", "/run/armcluster",
    ]

    /// The only substitution allowed in a path value, and only at its start.
    package static let variable = "${ARM_ROOT}"

    /// The path a program uses for a configured path.
    ///
    /// A leading `${ARM_ROOT}` is replaced by `armRoot`, a path in one of the product trees gets `armRoot`
    /// prepended, anything else is unchanged. `armRoot` `""` and `"/"` mean none.
    package static func resolve(_ path: String, armRoot: String) -> String {
        let root = normalizedRoot(armRoot)
        if path.hasPrefix(variable) {
            return root + path.dropFirst(variable.count)
        }
        if isInProductTree(path) {
            return root + path
        }
        return path
    }

    /// Whether `path` is one of the product trees or below one.
    package static func isInProductTree(_ path: String) -> Bool {
        productTrees.contains { tree in
            path == tree || path.hasPrefix(tree + "/")
        }
    }

    /// Whether a path is absolute once `${ARM_ROOT}` is taken as absolute.
    package static func isAbsolute(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix(variable)
    }

    /// `armRoot` without trailing slashes; `/` becomes empty.
    package static func normalizedRoot(_ armRoot: String) -> String {
        var root = Substring(armRoot)
        while root.hasSuffix("/") { root = root.dropLast() }
        return String(root)
    }
}
