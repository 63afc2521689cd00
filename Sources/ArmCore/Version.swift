/// The product version printed by `--version` (commands.md 1.2 rule 6).
package enum ArmVersion {
    /// `X.Y.Z`.
    package static let string = "0.1.0"
}
