/// A TOML 1.0 syntax error found by `TOMLParser`.
package struct TOMLSyntaxError: Error, Sendable, Equatable {
    /// Where the parser stopped.
    package var position: SourcePosition
    /// What was wrong, such as `duplicate key "name"`.
    package var message: String

    /// Creates an error.
    package init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
}

/// The one TOML 1.0 reader of cluster.toml.
///
/// Dependency-free, and it keeps the position of every key, value and table header, so every finding can say
/// `cluster.toml:LINE:COL:`. It stops at the first syntax error.
///
/// Measured against the TOML 1.0.0 cases of toml-lang/toml-test with scripts/toml-test.
package enum TOMLParser {
    /// Parses `text`; on a syntax error returns what was read before it together with the error.
    package static func parse(_ text: String) -> (root: TOMLTable, error: TOMLSyntaxError?) {
        var reader = Reader(text)
        let error: TOMLSyntaxError?
        do throws(TOMLSyntaxError) {
            try reader.document()
            error = nil
        } catch let caught {
            error = caught
        }
        return (reader.root.freeze(), error)
    }
}

// MARK: - Mutable tree used while reading

private final class MutableTable {
    enum Origin {
        /// Created as the prefix of a header (`[a]` in `[a.b]`); may still be defined by its own header.
        case implicit
        /// Defined by its own `[header]` or as an element of `[[header]]`.
        case header
        /// Created by a dotted key (`a.b = 1`).
        case dotted
        /// `{ … }`: closed.
        case inline
    }

    var keys: [String] = []
    var entries: [String: MutableNode] = [:]
    var position: SourcePosition
    var origin: Origin

    init(position: SourcePosition, origin: Origin) {
        self.position = position
        self.origin = origin
    }

    func insert(_ key: String, _ node: MutableNode) {
        if entries.updateValue(node, forKey: key) == nil {
            keys.append(key)
        }
    }

    func freeze() -> TOMLTable {
        var table = TOMLTable(position: position)
        for key in keys {
            if let node = entries[key] {
                table.set(key, node.freeze())
            }
        }
        return table
    }
}

private final class MutableArray {
    var items: [MutableNode] = []
    /// Built by `[[header]]`; a static array (`a = [...]`) cannot be extended.
    let ofTables: Bool

    init(ofTables: Bool) {
        self.ofTables = ofTables
    }
}

private enum MutableValue {
    case plain(TOMLValue)
    case table(MutableTable)
    case array(MutableArray)
}

private struct MutableNode {
    var value: MutableValue
    var keyPosition: SourcePosition
    var valuePosition: SourcePosition

    func freeze() -> TOMLNode {
        switch value {
        case .plain(let plain):
            return TOMLNode(plain, key: keyPosition, value: valuePosition)
        case .table(let table):
            return TOMLNode(.table(table.freeze()), key: keyPosition, value: valuePosition)
        case .array(let array):
            return TOMLNode(.array(array.items.map { $0.freeze() }), key: keyPosition, value: valuePosition)
        }
    }
}

// MARK: - Reader

private struct KeyPart {
    var name: String
    var position: SourcePosition
}

private struct Reader {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    let root = MutableTable(position: .start, origin: .header)
    var current: MutableTable

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        current = root
        // TOML 1.0 allows a UTF-8 byte-order mark at the start; it takes no column.
        if scalars.first == "\u{FEFF}" { index = 1 }
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }
    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    func fail(_ message: String, at position: SourcePosition? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(position: position ?? self.position, message: message)
    }

    // MARK: Layout

    mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" {
            advance()
        }
    }

    /// Skips a comment; control characters other than tab are not allowed in it.
    mutating func skipComment() throws(TOMLSyntaxError) {
        guard peek == "#" else { return }
        while let scalar = peek, scalar != "\n" {
            if scalar == "\r", peek(1) == "\n" { return }
            if isControl(scalar) { throw fail("control character in comment") }
            advance()
        }
    }

    /// True if at a newline (LF or CRLF); consumes it.
    mutating func takeNewline() -> Bool {
        if peek == "\n" {
            advance()
            return true
        }
        if peek == "\r", peek(1) == "\n" {
            advance()
            advance()
            return true
        }
        return false
    }

    /// Blanks, comments and newlines, as allowed inside arrays.
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLSyntaxError) {
        while true {
            skipBlanks()
            try skipComment()
            if !takeNewline() { return }
        }
    }

    mutating func endOfLine() throws(TOMLSyntaxError) {
        skipBlanks()
        try skipComment()
        if atEnd || takeNewline() { return }
        throw fail("expected a newline or end of file, found '\(peek.map(String.init) ?? "")'")
    }

    // MARK: Document

    mutating func document() throws(TOMLSyntaxError) {
        while true {
            skipBlanks()
            try skipComment()
            if atEnd { return }
            if takeNewline() { continue }
            if peek == "[" {
                try header()
            } else {
                try keyValue(into: current)
            }
            try endOfLine()
        }
    }

    mutating func header() throws(TOMLSyntaxError) {
        let start = position
        advance()
        let isArray = peek == "["
        if isArray { advance() }
        skipBlanks()
        let parts = try key()
        skipBlanks()
        guard peek == "]" else { throw fail("expected ']' to close the table header") }
        advance()
        if isArray {
            guard peek == "]" else { throw fail("expected ']]' to close the array-of-tables header") }
            advance()
        }
        let dotted = parts.map(\.name).map(quotedIfNeeded).joined(separator: ".")
        var table = root
        for part in parts.dropLast() {
            table = try descendForHeader(table, part, headerStart: start)
        }
        guard let last = parts.last else { throw fail("empty table header", at: start) }
        if isArray {
            if let existing = table.entries[last.name] {
                guard case .array(let array) = existing.value, array.ofTables else {
                    throw fail("duplicate key \"\(last.name)\"", at: last.position)
                }
                let element = MutableTable(position: start, origin: .header)
                array.items.append(MutableNode(value: .table(element), keyPosition: start, valuePosition: start))
                current = element
            } else {
                let array = MutableArray(ofTables: true)
                let element = MutableTable(position: start, origin: .header)
                array.items.append(MutableNode(value: .table(element), keyPosition: start, valuePosition: start))
                table.insert(
                    last.name,
                    MutableNode(value: .array(array), keyPosition: last.position, valuePosition: start)
                )
                current = element
            }
        } else {
            if let existing = table.entries[last.name] {
                guard case .table(let defined) = existing.value, defined.origin == .implicit else {
                    if case .table = existing.value {
                        throw fail("duplicate table [\(dotted)]", at: start)
                    }
                    throw fail("duplicate key \"\(last.name)\"", at: last.position)
                }
                defined.origin = .header
                defined.position = start
                current = defined
            } else {
                let defined = MutableTable(position: start, origin: .header)
                table.insert(
                    last.name,
                    MutableNode(value: .table(defined), keyPosition: last.position, valuePosition: start)
                )
                current = defined
            }
        }
    }

    /// One prefix step of a header: into a table, or into the last element of an array of tables.
    mutating func descendForHeader(
        _ table: MutableTable,
        _ part: KeyPart,
        headerStart: SourcePosition
    ) throws(TOMLSyntaxError) -> MutableTable {
        guard let existing = table.entries[part.name] else {
            let created = MutableTable(position: headerStart, origin: .implicit)
            table.insert(
                part.name,
                MutableNode(value: .table(created), keyPosition: part.position, valuePosition: headerStart)
            )
            return created
        }
        switch existing.value {
        case .table(let next):
            if next.origin == .inline { throw fail("cannot extend inline table \"\(part.name)\"", at: part.position) }
            return next
        case .array(let array):
            guard array.ofTables, let last = array.items.last, case .table(let element) = last.value else {
                throw fail("duplicate key \"\(part.name)\"", at: part.position)
            }
            return element
        case .plain:
            throw fail("duplicate key \"\(part.name)\"", at: part.position)
        }
    }

    mutating func keyValue(into table: MutableTable) throws(TOMLSyntaxError) {
        let parts = try key()
        skipBlanks()
        guard peek == "=" else { throw fail("expected '=' after the key") }
        advance()
        skipBlanks()
        let valueStart = position
        let value = try value()
        var target = table
        for part in parts.dropLast() {
            if let existing = target.entries[part.name] {
                guard case .table(let next) = existing.value, next.origin == .dotted || next.origin == .implicit
                else {
                    throw fail("duplicate key \"\(part.name)\"", at: part.position)
                }
                target = next
            } else {
                let created = MutableTable(position: part.position, origin: .dotted)
                target.insert(
                    part.name,
                    MutableNode(value: .table(created), keyPosition: part.position, valuePosition: part.position)
                )
                target = created
            }
        }
        guard let last = parts.last else { throw fail("expected a key") }
        if target.entries[last.name] != nil {
            throw fail("duplicate key \"\(last.name)\"", at: last.position)
        }
        target.insert(last.name, MutableNode(value: value, keyPosition: last.position, valuePosition: valueStart))
    }

    // MARK: Keys

    mutating func key() throws(TOMLSyntaxError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipBlanks()
            let start = position
            let name: String
            switch peek {
            case "\"":
                name = try basicString(multiline: false)
            case "'":
                name = try literalString(multiline: false)
            case let scalar? where isBareKeyScalar(scalar):
                var bare = ""
                while let next = peek, isBareKeyScalar(next) {
                    bare.unicodeScalars.append(next)
                    advance()
                }
                name = bare
            default:
                throw fail("expected a key")
            }
            parts.append(KeyPart(name: name, position: start))
            skipBlanks()
            guard peek == "." else { return parts }
            advance()
        }
    }

    // MARK: Values

    mutating func value() throws(TOMLSyntaxError) -> MutableValue {
        switch peek {
        case nil, "\n", "\r", "#":
            throw fail("expected a value")
        case "\"":
            if peek(1) == "\"", peek(2) == "\"" {
                return .plain(.string(try basicString(multiline: true)))
            }
            return .plain(.string(try basicString(multiline: false)))
        case "'":
            if peek(1) == "'", peek(2) == "'" {
                return .plain(.string(try literalString(multiline: true)))
            }
            return .plain(.string(try literalString(multiline: false)))
        case "[":
            return .array(try array())
        case "{":
            return .table(try inlineTable())
        default:
            return .plain(try scalarToken())
        }
    }

    mutating func array() throws(TOMLSyntaxError) -> MutableArray {
        let array = MutableArray(ofTables: false)
        advance()
        while true {
            try skipBlanksCommentsAndNewlines()
            if peek == "]" {
                advance()
                return array
            }
            let start = position
            let element = try value()
            array.items.append(MutableNode(value: element, keyPosition: start, valuePosition: start))
            try skipBlanksCommentsAndNewlines()
            if peek == "," {
                advance()
                continue
            }
            guard peek == "]" else { throw fail("expected ',' or ']' in the array") }
            advance()
            return array
        }
    }

    mutating func inlineTable() throws(TOMLSyntaxError) -> MutableTable {
        let table = MutableTable(position: position, origin: .inline)
        advance()
        skipBlanks()
        if peek == "}" {
            advance()
            return table
        }
        while true {
            skipBlanks()
            try keyValue(into: table)
            skipBlanks()
            if peek == "," {
                advance()
                continue
            }
            guard peek == "}" else { throw fail("expected ',' or '}' in the inline table") }
            advance()
            return table
        }
    }

    // MARK: Strings

    mutating func basicString(multiline: Bool) throws(TOMLSyntaxError) -> String {
        let start = position
        var result = ""
        if multiline {
            advance()
            advance()
            advance()
            _ = takeNewline()
        } else {
            advance()
        }
        while true {
            guard let scalar = peek else { throw fail("unterminated string", at: start) }
            if scalar == "\"" {
                if !multiline {
                    advance()
                    return result
                }
                var quotes = 0
                while peek == "\"" && quotes < 5 {
                    quotes += 1
                    advance()
                }
                if quotes >= 3 {
                    result += String(repeating: "\"", count: quotes - 3)
                    return result
                }
                result += String(repeating: "\"", count: quotes)
                continue
            }
            if scalar == "\\" {
                advance()
                if multiline, let next = peek, next == " " || next == "\t" || next == "\n" || next == "\r" {
                    // Line-ending backslash: trim whitespace and newlines up to the next content.
                    let save = (index, line, column)
                    skipBlanks()
                    guard takeNewline() else {
                        (index, line, column) = save
                        throw fail("invalid escape sequence")
                    }
                    while true {
                        skipBlanks()
                        if !takeNewline() { break }
                    }
                    continue
                }
                result.unicodeScalars.append(try escape())
                continue
            }
            if scalar == "\n" || (scalar == "\r" && peek(1) == "\n") {
                guard multiline else { throw fail("unterminated string", at: start) }
                if scalar == "\r" { advance() }
                advance()
                result += "\n"
                continue
            }
            if isControl(scalar) && scalar != "\t" { throw fail("control character in string") }
            result.unicodeScalars.append(scalar)
            advance()
        }
    }

    mutating func escape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        guard let scalar = peek else { throw fail("invalid escape sequence") }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = scalar == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = peek, let nibble = hexValue(digit) else {
                    throw fail("invalid unicode escape")
                }
                value = value &* 16 &+ nibble
                advance()
            }
            guard let result = Unicode.Scalar(value) else { throw fail("invalid unicode escape") }
            return result
        default:
            throw fail("invalid escape sequence \"\\\(scalar)\"")
        }
    }

    mutating func literalString(multiline: Bool) throws(TOMLSyntaxError) -> String {
        let start = position
        var result = ""
        if multiline {
            advance()
            advance()
            advance()
            _ = takeNewline()
        } else {
            advance()
        }
        while true {
            guard let scalar = peek else { throw fail("unterminated string", at: start) }
            if scalar == "'" {
                if !multiline {
                    advance()
                    return result
                }
                var quotes = 0
                while peek == "'" && quotes < 5 {
                    quotes += 1
                    advance()
                }
                if quotes >= 3 {
                    result += String(repeating: "'", count: quotes - 3)
                    return result
                }
                result += String(repeating: "'", count: quotes)
                continue
            }
            if scalar == "\n" || (scalar == "\r" && peek(1) == "\n") {
                guard multiline else { throw fail("unterminated string", at: start) }
                if scalar == "\r" { advance() }
                advance()
                result += "\n"
                continue
            }
            if isControl(scalar) && scalar != "\t" { throw fail("control character in string") }
            result.unicodeScalars.append(scalar)
            advance()
        }
    }

    // MARK: Numbers, booleans, dates

    mutating func scalarToken() throws(TOMLSyntaxError) -> TOMLValue {
        let start = position
        var token = ""
        while let scalar = peek, isTokenScalar(scalar) {
            token.unicodeScalars.append(scalar)
            advance()
            // A date followed by a space and a time: `1979-05-27 07:32:00Z`.
            if token.unicodeScalars.count == 10, looksLikeDate(token), peek == " ",
                let next = peek(1), isDigit(next)
            {
                token.unicodeScalars.append(" ")
                advance()
            }
        }
        guard !token.isEmpty else { throw fail("expected a value", at: start) }
        if let value = classify(token) { return value }
        throw fail("invalid value '\(token)'", at: start)
    }
}

// MARK: - Token classification

private func classify(_ token: String) -> TOMLValue? {
    switch token {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "inf", "+inf": return .float(.infinity)
    case "-inf": return .float(-.infinity)
    case "nan", "+nan", "-nan": return .float(.nan)
    default: break
    }
    let scalars = Array(token.unicodeScalars)
    if looksLikeDate(token) || (scalars.count >= 3 && isDigit(scalars[0]) && isDigit(scalars[1]) && scalars[2] == ":") {
        return DateTimeSyntax.isValid(scalars) ? .datetime(token) : nil
    }
    if scalars.count > 2, scalars[0] == "0", let radix = radix(of: scalars[1]) {
        guard let digits = stripUnderscores(Array(scalars.dropFirst(2)), digit: isAlphanumeric) else { return nil }
        guard let value = Int64(digits, radix: radix) else { return nil }
        return .integer(value)
    }
    let isFloat = scalars.contains { $0 == "." || $0 == "e" || $0 == "E" }
    var body = scalars
    var sign = ""
    if let first = body.first, first == "+" || first == "-" {
        sign = first == "-" ? "-" : ""
        body.removeFirst()
    }
    guard let firstDigit = body.first, isDigit(firstDigit) else { return nil }
    if isFloat {
        // Integer part: no leading zeros; a '.' must have digits on both sides.
        guard let split = body.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        let integerPart = Array(body[..<split])
        if integerPart.count > 1 && integerPart[0] == "0" { return nil }
        if body[split] == ".", split + 1 >= body.count || !isDigit(body[split + 1]) { return nil }
        guard let cleaned = stripUnderscores(body, digit: isDigit, allowing: [".", "e", "E", "+", "-"]) else {
            return nil
        }
        guard let value = Double(sign + cleaned) else { return nil }
        return .float(value)
    }
    if body.count > 1 && body[0] == "0" { return nil }
    guard let digits = stripUnderscores(body, digit: isDigit) else { return nil }
    guard let value = Int64(sign + digits) else { return nil }
    return .integer(value)
}

private func radix(of scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "x": 16
    case "o": 8
    case "b": 2
    default: nil
    }
}

/// Removes `_` that stand between two digits; nil if one stands anywhere else (so `1e_23` and `1_e2`
/// fail: `e` is not a digit of a decimal number).
private func stripUnderscores(
    _ scalars: [Unicode.Scalar],
    digit: (Unicode.Scalar) -> Bool,
    allowing extra: Set<Unicode.Scalar> = []
) -> String? {
    var result = ""
    for (offset, scalar) in scalars.enumerated() {
        if scalar == "_" {
            guard offset > 0, offset + 1 < scalars.count, digit(scalars[offset - 1]), digit(scalars[offset + 1])
            else { return nil }
            continue
        }
        guard isAlphanumeric(scalar) || extra.contains(scalar) else { return nil }
        result.unicodeScalars.append(scalar)
    }
    return result.isEmpty ? nil : result
}

private func looksLikeDate(_ token: String) -> Bool {
    let scalars = Array(token.unicodeScalars)
    guard scalars.count >= 10 else { return false }
    return scalars[0..<4].allSatisfy(isDigit) && scalars[4] == "-" && scalars[5..<7].allSatisfy(isDigit)
        && scalars[7] == "-" && scalars[8..<10].allSatisfy(isDigit)
}

/// The date and time grammar of TOML 1.0 (RFC 3339 with a space allowed for `T`): offset date-time,
/// local date-time, local date and local time, with every field in range (February 29 only in leap years).
private enum DateTimeSyntax {
    static func isValid(_ scalars: [Unicode.Scalar]) -> Bool {
        var cursor = Cursor(scalars: scalars)
        if scalars.count >= 3, scalars[2] == ":" {
            return cursor.time() && cursor.atEnd
        }
        guard cursor.date() else { return false }
        if cursor.atEnd { return true }
        guard let separator = cursor.next(), "Tt ".unicodeScalars.contains(separator), cursor.time() else {
            return false
        }
        if cursor.atEnd { return true }
        return cursor.offset() && cursor.atEnd
    }

    struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index == scalars.count }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        mutating func take(_ expected: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == expected else { return false }
            index += 1
            return true
        }

        /// Exactly `count` digits, as a number in `range`.
        mutating func number(digits count: Int, in range: ClosedRange<Int>) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<(index + count)] {
                guard isDigit(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            index += count
            return range.contains(value) ? value : nil
        }

        /// `YYYY-MM-DD`.
        mutating func date() -> Bool {
            guard let year = number(digits: 4, in: 0...9999), take("-"), let month = number(digits: 2, in: 1...12),
                take("-")
            else { return false }
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return number(digits: 2, in: 1...days) != nil
        }

        /// `HH:MM:SS` with an optional fraction of at least one digit; 60 seconds for a leap second.
        mutating func time() -> Bool {
            guard number(digits: 2, in: 0...23) != nil, take(":"), number(digits: 2, in: 0...59) != nil, take(":"),
                number(digits: 2, in: 0...60) != nil
            else { return false }
            if take(".") {
                let start = index
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                return index > start
            }
            return true
        }

        /// `Z`, `z` or `±HH:MM`.
        mutating func offset() -> Bool {
            if take("Z") || take("z") { return true }
            guard take("+") || take("-") else { return false }
            return number(digits: 2, in: 0...23) != nil && take(":") && number(digits: 2, in: 0...59) != nil
        }
    }
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

private func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    isDigit(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
}

private func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
    isAlphanumeric(scalar) || scalar == "_" || scalar == "-"
}

private func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
    isAlphanumeric(scalar) || "_+-.:".unicodeScalars.contains(scalar)
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
}

private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": scalar.value - 48
    case "a"..."f": scalar.value - 87
    case "A"..."F": scalar.value - 55
    default: nil
    }
}

/// A key as it would be written in a header: bare if possible, else quoted.
func quotedIfNeeded(_ key: String) -> String {
    if !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar) { return key }
    return TOMLText.quoted(key)
}
