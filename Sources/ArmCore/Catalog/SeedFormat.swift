/// Renders the seed's printf placeholders without Foundation (STYLE §2.2; commands.md "Notation").
///
/// Supported forms:
/// - C conversions `%[flags][width][.precision]conv` with flags `0` and `-`, and `conv` one of
///   `s`, `d`, `i`, `u`, `x`, `X`, `c`: `%s`, `%0.16s` and `%.48s` (precision = at most that many
///   characters), `%16s` (right-aligned in 16 columns), `%-16s` (left-aligned), `%d`, `%3d`, `%03d`
///   (zero pad), `%x` (lowercase hex), `%%`.
/// - The seed's positional `%1`…`%9` (S§0; armsvr.log texts): the n-th argument, 1-based, as text.
///
/// A digit written before a placeholder is literal text: `1%03d` is `1` followed by `%03d`.
/// Sequential conversions take the arguments in order; positional ones do not advance that order.
///
/// Characters are counted as Swift `Character`s (extended grapheme clusters), never bytes, so a cut
/// never splits a character. Missing arguments render as nothing (no padding), extra arguments are
/// ignored, and an unknown `%` sequence is copied literally: rendering never fails.
package enum SeedFormat {
    /// Fills `template` with `arguments`.
    /// - Parameters:
    ///   - template: A catalogue text with printf placeholders.
    ///   - arguments: Values in the template's order (`%1`…`%9` pick by position).
    /// - Returns: The filled text.
    package static func render(_ template: String, _ arguments: [FormatArgument]) -> String {
        var output = ""
        var nextArgument = 0
        for token in tokenize(template) {
            switch token {
            case .literal(let text):
                output += text
            case .percent:
                output += "%"
            case .positional(let index):
                if index >= 1, index <= arguments.count { output += arguments[index - 1].text }
            case .conversion(let spec):
                defer { nextArgument += 1 }
                guard nextArgument < arguments.count else { continue }
                output += format(arguments[nextArgument], spec)
            }
        }
        return output
    }

    /// The placeholders of a template in order, as written (`%0.16s`, `%03d`, `%1`; `%%` is not one);
    /// catalogue tests compare the English and Japanese multisets.
    package static func placeholders(in template: String) -> [String] {
        tokenize(template).compactMap { token in
            switch token {
            case .literal, .percent: nil
            case .positional(let index): "%\(index)"
            case .conversion(let spec): spec.written
            }
        }
    }

    // MARK: - Tokens

    /// One parsed conversion.
    struct Spec: Equatable {
        var leftAlign = false
        var zeroPad = false
        var width: Int?
        var precision: Int?
        var conversion: Character = "s"
        /// The placeholder exactly as written.
        var written = ""
    }

    enum Token: Equatable {
        case literal(String)
        case percent
        case positional(Int)
        case conversion(Spec)
    }

    /// The widest width or precision honoured.
    static let maximumWidth = 4096

    private static let conversions: Set<Character> = ["s", "d", "i", "u", "x", "X", "c"]

    static func tokenize(_ template: String) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        let characters = Array(template)
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty {
                tokens.append(.literal(literal))
                literal = ""
            }
        }
        while index < characters.count {
            let character = characters[index]
            guard character == "%" else {
                literal.append(character)
                index += 1
                continue
            }
            if index + 1 < characters.count, characters[index + 1] == "%" {
                flushLiteral()
                tokens.append(.percent)
                index += 2
                continue
            }
            if let (spec, end) = parseConversion(characters, from: index) {
                flushLiteral()
                tokens.append(.conversion(spec))
                index = end
                continue
            }
            if index + 1 < characters.count, let digit = characters[index + 1].wholeNumberValue,
                (1...9).contains(digit), characters[index + 1].isASCII
            {
                flushLiteral()
                tokens.append(.positional(digit))
                index += 2
                continue
            }
            // Not a placeholder: keep the `%` literally.
            literal.append(character)
            index += 1
        }
        flushLiteral()
        return tokens
    }

    /// Parses `%[flags][width][.precision]conv` starting at the `%`; nil when it is not one.
    private static func parseConversion(_ characters: [Character], from start: Int) -> (Spec, Int)? {
        var spec = Spec()
        var index = start + 1
        while index < characters.count, characters[index] == "0" || characters[index] == "-" {
            if characters[index] == "0" { spec.zeroPad = true } else { spec.leftAlign = true }
            index += 1
        }
        if let (width, end) = parseDigits(characters, from: index) {
            spec.width = width
            index = end
        }
        if index < characters.count, characters[index] == "." {
            index += 1
            if let (precision, end) = parseDigits(characters, from: index) {
                spec.precision = precision
                index = end
            } else {
                spec.precision = 0
            }
        }
        guard index < characters.count, conversions.contains(characters[index]) else { return nil }
        spec.conversion = characters[index]
        index += 1
        spec.written = String(characters[start..<index])
        return (spec, index)
    }

    private static func parseDigits(_ characters: [Character], from start: Int) -> (Int, Int)? {
        var index = start
        var value = 0
        while index < characters.count, characters[index].isASCII, let digit = characters[index].wholeNumberValue {
            // Saturate: an absurd width in a template must neither trap nor allocate megabytes.
            value = min(value * 10 + digit, maximumWidth)
            index += 1
        }
        return index == start ? nil : (value, index)
    }

    // MARK: - Formatting

    private static func format(_ argument: FormatArgument, _ spec: Spec) -> String {
        var body: String
        var sign = ""
        switch spec.conversion {
        case "s":
            body = argument.text
            if let precision = spec.precision, body.count > precision { body = String(body.prefix(precision)) }
            return pad(body, sign: "", spec: spec, numeric: false)
        case "c":
            body = String(argument.text.prefix(1))
            return pad(body, sign: "", spec: spec, numeric: false)
        default:
            guard let value = integerValue(argument) else {
                // A non-numeric argument for a numeric placeholder: show it as given.
                return pad(argument.text, sign: "", spec: spec, numeric: false)
            }
            switch spec.conversion {
            case "x", "X":
                body = String(hexBits(value), radix: 16, uppercase: spec.conversion == "X")
            case "u":
                body = String(value < 0 ? UInt64(bitPattern: Int64(value)) : UInt64(value))
            default:
                body = String(value.magnitude)
                sign = value < 0 ? "-" : ""
            }
            if let precision = spec.precision, body.count < precision {
                body = String(repeating: "0", count: precision - body.count) + body
            }
            return pad(body, sign: sign, spec: spec, numeric: true)
        }
    }

    /// The argument as an integer: `.int`, or a `.string` holding a decimal integer.
    private static func integerValue(_ argument: FormatArgument) -> Int? {
        switch argument {
        case .int(let value): value
        case .string(let text): Int(text)
        }
    }

    /// `%x` of a negative value shows its two's complement as C does for `unsigned int`
    /// (64 bits when it does not fit in 32).
    private static func hexBits(_ value: Int) -> UInt64 {
        if value >= 0 { return UInt64(value) }
        if value >= Int(Int32.min) { return UInt64(UInt32(bitPattern: Int32(value))) }
        return UInt64(bitPattern: Int64(value))
    }

    private static func pad(_ body: String, sign: String, spec: Spec, numeric: Bool) -> String {
        let length = body.count + sign.count
        guard let width = spec.width, width > length else { return sign + body }
        let fill = width - length
        if spec.leftAlign { return sign + body + String(repeating: " ", count: fill) }
        if numeric, spec.zeroPad, spec.precision == nil {
            return sign + String(repeating: "0", count: fill) + body
        }
        return String(repeating: " ", count: fill) + sign + body
    }
}
