import ArmCore

/// One catalogued line the monitor writes: its ID, class, English template and arguments.
///
/// The text comes from `MessageCatalog` when it has the ID (in `[log] language`), and from the English
/// template given here otherwise, so the monitor works before and after the catalog lands.
package struct MonitorMessage: Sendable, Equatable {
    /// `RSC-003`, `MONITOR-01`, `ARMGSTRT-04`, or an event number such as `2007`.
    package var id: String
    /// The class written to the log.
    package var severity: Severity
    /// English template with the seed's placeholders (`%1`, `%s`, `%d`, `%03d`, `0x%x`).
    package var english: String
    /// Placeholder values in order.
    package var arguments: [FormatArgument]
    /// The text is final (already rendered elsewhere): neither the catalog nor placeholders apply.
    package var isRendered: Bool

    /// Creates a message.
    package init(id: String, severity: Severity, english: String, arguments: [FormatArgument] = []) {
        self.id = id
        self.severity = severity
        self.english = english
        self.arguments = arguments
        self.isRendered = false
    }

    /// A message whose text is already final.
    package static func rendered(id: String, severity: Severity, text: String) -> MonitorMessage {
        var message = MonitorMessage(id: id, severity: severity, english: text)
        message.isRendered = true
        return message
    }

    /// The filled text in a language.
    package func text(_ language: Language) -> String {
        if isRendered { return english }
        if let entry = MessageCatalog.entry(id) {
            return SeedFormat.render(entry.template(language), arguments)
        }
        return Self.render(english, arguments)
    }

    /// Fills a printf-style template (the seed's `%1`…`%n` and C forms) with `SeedFormat`.
    package static func render(_ template: String, _ arguments: [FormatArgument]) -> String {
        SeedFormat.render(template, arguments)
    }

    private static func format(_ argument: FormatArgument, spec: String, conversion: Character) -> String {
        let leftAlign = spec.hasPrefix("-")
        let body = leftAlign ? String(spec.dropFirst()) : spec
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let widthText = parts.first.map(String.init) ?? ""
        let precision = parts.count > 1 ? Int(parts[1]) : nil
        let zeroPad = widthText.hasPrefix("0") && !leftAlign
        let width = Int(widthText) ?? 0
        var text: String
        switch (conversion, argument) {
        case ("x", .int(let value)): text = String(value, radix: 16)
        case ("s", _): text = argument.text
        default: text = argument.text
        }
        if conversion == "s", let precision, text.count > precision { text = String(text.prefix(precision)) }
        if text.count < width {
            let padding = String(repeating: zeroPad ? "0" : " ", count: width - text.count)
            if leftAlign {
                text += padding
            } else if zeroPad, text.hasPrefix("-") {
                text = "-" + padding + text.dropFirst()
            } else {
                text = padding + text
            }
        }
        return text
    }
}
