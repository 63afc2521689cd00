/// Plain-text helpers shared by the `--help` and completion renderers.
package enum PlainText {
    /// The text with the few non-ASCII characters of the command table replaced by ASCII,
    /// so `--help` and completion scripts read well in any locale.
    package static func ascii(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2013}": result += "-"
            case "\u{2014}": result += "--"
            case "\u{2026}": result += "..."
            case "\u{2192}": result += "->"
            case "\u{00A7}": result += "S"
            case "\u{2264}": result += "<="
            case "\u{2265}": result += ">="
            case "\u{00D7}": result += "x"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Words of `text` filled into lines of at most `width` columns.
    ///
    /// The first line starts at column
    /// `firstLineColumn` (its prefix is the caller's); later lines start with `indent` spaces. A word longer
    /// than a line stays whole.
    package static func wrap(_ text: String, width: Int, firstLineColumn: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var column = firstLineColumn
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
                column += word.count
            } else if column + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
                column = indent + word.count
            } else {
                line += " " + word
                column += 1 + word.count
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` with its first letter in upper case (`start a group` → `Start a group`).
    package static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let ending = text.last == "." ? "" : "."
        return first.uppercased() + text.dropFirst() + ending
    }
}
