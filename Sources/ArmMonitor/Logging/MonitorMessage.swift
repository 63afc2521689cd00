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

    /// Fills a printf-style template: `%1`…`%n` by position, and `%s`, `%d`, `%x`, `%0Nd`, `%Ns`, `%.Ns` in order.
    /// `%%` is a percent sign; a placeholder without a value is written as it stands.
    // TODO(lead): use SeedFormat.render once the catalog's renderer has merged.
    package static func render(_ template: String, _ arguments: [FormatArgument]) -> String {
        var out = ""
        var next = 0
        var characters = template[...]
        while let percent = characters.firstIndex(of: "%") {
            out += characters[..<percent]
            characters = characters[characters.index(after: percent)...]
            guard let first = characters.first else {
                out += "%"
                break
            }
            if first == "%" {
                out += "%"
                characters = characters.dropFirst()
                continue
            }
            // Flags, width and precision, then the conversion.
            var spec = ""
            while let character = characters.first, character.isNumber || character == "." || character == "-" {
                spec.append(character)
                characters = characters.dropFirst()
            }
            guard let conversion = characters.first, "sdxu".contains(conversion) else {
                // `%1`…`%9` not followed by a conversion: the seed's positional insertion strings.
                let digits = String(spec.prefix { $0.isNumber })
                let rest = spec.dropFirst(digits.count)
                if let position = Int(digits), !digits.hasPrefix("0"), position >= 1 {
                    out += position <= arguments.count ? arguments[position - 1].text : "%" + digits
                    out += rest
                } else {
                    out += "%" + spec
                }
                continue
            }
            characters = characters.dropFirst()
            guard next < arguments.count else {
                out += "%" + spec + String(conversion)
                continue
            }
            out += format(arguments[next], spec: spec, conversion: conversion)
            next += 1
        }
        out += characters
        return out
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
