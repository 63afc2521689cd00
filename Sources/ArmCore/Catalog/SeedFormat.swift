/// Renders the seed's printf placeholders without Foundation (STYLE §2.2).
package enum SeedFormat {
    /// Fills `template` with `arguments` in order. (Placeholder implementation; see the catalog work.)
    package static func render(_ template: String, _ arguments: [FormatArgument]) -> String {
        template
    }
}
