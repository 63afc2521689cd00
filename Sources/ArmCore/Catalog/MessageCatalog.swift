/// Placeholder until the catalog lands: no entries.
package enum MessageCatalog {
    /// Every entry.
    package static let all: [CatalogEntry] = []
    /// The entry with an ID.
    package static func entry(_ id: String) -> CatalogEntry? { all.first { $0.id == id } }
}
