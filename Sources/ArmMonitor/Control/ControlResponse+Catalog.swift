import ArmCore
import ArmProtocol

extension ControlResponse {
    /// A response carrying a catalogued message: the wire gets the entry's ID.
    package init(
        status: ExitStatus,
        entry: CatalogEntry,
        arguments: [FormatArgument] = [],
        detail: String? = nil
    ) {
        self.init(status: status, messageID: entry.id, arguments: arguments, detail: detail)
    }
}
