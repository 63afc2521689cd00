import ArmCore

/// roff escaping for the man pages (groff_man(7), groff_char(7)).
package enum Roff {
    /// `text` safe as roff input text: backslashes as `\e`, every `-` as `\-` (so copied options and paths
    /// stay ASCII minus signs), non-ASCII characters as named glyphs or `\[uXXXX]`, and a control character
    /// (`.` or `'`) at the start of any line protected with `\&`.
    package static func escape(_ text: String) -> String {
        var result = ""
        var atLineStart = true
        for scalar in text.unicodeScalars {
            if atLineStart, scalar == "." || scalar == "'" { result += "\\&" }
            atLineStart = scalar == "\n"
            switch scalar {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case "\u{2013}": result += "\\(en"
            case "\u{2014}": result += "\\(em"
            case "\u{00A7}": result += "\\(sc"
            case "\u{2192}": result += "\\(->"
            case "\u{2264}": result += "\\(<="
            case "\u{2265}": result += "\\(>="
            case "\u{00D7}": result += "\\(mu"
            case "\u{2026}": result += "\\&..."
            default:
                if scalar.isASCII {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\\[u" + hex(scalar.value) + "]"
                }
            }
        }
        return result
    }

    /// `text` in bold (`\fB…\fR`), escaped.
    package static func bold(_ text: String) -> String { "\\fB" + escape(text) + "\\fR" }

    /// `text` in italics (`\fI…\fR`), escaped.
    package static func italic(_ text: String) -> String { "\\fI" + escape(text) + "\\fR" }

    /// A macro argument: escaped, and in double quotes when it holds a space or a quote (`"` becomes `\(dq`).
    package static func argument(_ text: String) -> String {
        let escaped = escape(text).replacing("\"", with: "\\(dq")
        return escaped.contains(" ") || escaped.isEmpty ? "\"" + escaped + "\"" : escaped
    }

    /// Four or more upper-case hex digits, as `\[uXXXX]` wants them.
    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        var rest = value
        repeat {
            text.insert(digits[Int(rest & 0xF)], at: text.startIndex)
            rest >>= 4
        } while rest > 0
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
