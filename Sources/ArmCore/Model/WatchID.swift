/// An ARMLOAD watch ID (WID; commands.md 1.8, config-and-files N6), checked by one rule on both ends of
/// the control socket: the command refuses a bad WID before it connects, and armmond refuses it again for
/// any other client.
package struct WatchID: Sendable, Hashable {
    /// The WID as given (its case is kept for display and logs).
    package let text: String

    /// The longest WID, in Unicode scalars (ARMLOAD-05 beyond it).
    package static let maximumLength = 255

    /// Why a WID is refused.
    package enum Problem: Error, Sendable, Equatable {
        /// Longer than `maximumLength` (ARMLOAD-05).
        case tooLong
        /// A character outside the rule, a reserved prefix or empty (ARMLOAD-02); the V7 text.
        case invalid(String)

        /// The DETAIL text of the refusal.
        package var detail: String {
            switch self {
            case .tooLong: "at most \(WatchID.maximumLength) characters"
            case .invalid(let rule): rule
            }
        }
    }

    /// Checks `text`: the length first (as the seed's ARMLOAD-05 comes before -02), then the N6 rule.
    /// - Throws: The first problem found.
    package init(_ text: String) throws(Problem) {
        if text.unicodeScalars.count > Self.maximumLength { throw .tooLong }
        if let violation = NameRule.watchID.violation(text) { throw .invalid(violation) }
        self.text = text
    }

    /// The problem with `text`, or nil when it is a valid WID.
    package static func problem(_ text: String) -> Problem? {
        do {
            _ = try WatchID(text)
            return nil
        } catch {
            return error
        }
    }

    /// The key WIDs are registered and looked up by: WIDs are case-insensitive (commands.md 1.8).
    package var key: String { text.lowercased() }
}

/// The account of `armload /U` (commands.md 2.1): in `DOMAIN\user` the domain is ignored, on both ends of the
/// control socket.
package enum AccountName {
    /// The account name the passwd lookup and the `[armload] users` list use: the part after the last `\`.
    package static func resolve(_ requested: String) -> String {
        requested.split(separator: "\\", omittingEmptySubsequences: false).last.map(String.init) ?? requested
    }
}
