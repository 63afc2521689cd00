/// Name rules N1–N6 of config-and-files §0, shared by the validator and the commands.
package enum NameRule: String, Sendable, CaseIterable {
    case cluster = "N1"
    case server = "N2"
    case group = "N3"
    case resource = "N4"
    case share = "N5"
    case watchID = "N6"

    /// The longest valid name.
    package var maxLength: Int {
        switch self {
        case .cluster: 31
        case .server, .group, .resource: 63
        case .share: 80
        case .watchID: 255
        }
    }

    /// Whether a name follows the rule (characters, first character and length).
    package func accepts(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= maxLength else { return false }
        func isAlnum(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
        }
        let extra: Set<Unicode.Scalar>
        switch self {
        case .cluster, .server, .watchID: extra = ["_", "-"]
        case .group: extra = ["-"]
        case .resource: extra = ["_", ".", "@", "-"]
        case .share: extra = ["_", ".", "$", "-"]
        }
        guard scalars.allSatisfy({ isAlnum($0) || extra.contains($0) }) else { return false }
        switch self {
        case .server, .resource, .watchID:
            guard isAlnum(first) else { return false }
        case .cluster, .group, .share:
            guard first != "-" else { return false }
        }
        if self == .watchID {
            let upper = name.uppercased()
            if upper.hasPrefix("NEC_") || upper.hasPrefix("ARM_") { return false }
        }
        return true
    }
}
