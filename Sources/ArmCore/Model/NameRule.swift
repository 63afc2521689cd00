/// The name rules N1–N6 of config-and-files §0.
package enum NameRule: Sendable, CaseIterable {
    /// N1: cluster.
    case cluster
    /// N2: server.
    case server
    /// N3: group.
    case group
    /// N4: resource (1–63).
    case resource
    /// N4: monitor (1–63).
    case monitor
    /// N4: service (1–255).
    case service
    /// N5: share name.
    case share
    /// N6: ARMLOAD watch ID.
    case watchID

    /// The KIND word of V7/V8 messages.
    package var kind: String {
        switch self {
        case .cluster: "cluster"
        case .server: "server"
        case .group: "group"
        case .resource: "resource"
        case .monitor: "monitor"
        case .service: "service"
        case .share: "share"
        case .watchID: "WID"
        }
    }

    /// Maximum length in characters.
    package var maximumLength: Int {
        switch self {
        case .cluster: 31
        case .server, .group, .resource, .monitor: 63
        case .service, .watchID: 255
        case .share: 80
        }
    }

    /// The RULE text of `invalid KIND name "V": RULE`.
    package var ruleText: String {
        switch self {
        case .cluster: #"letters, digits, "_" and "-"; must not start with "-""#
        case .server: #"letters, digits, "_" and "-"; must start with a letter or digit"#
        case .group: #"letters, digits and "-"; must not start with "-""#
        case .resource, .monitor, .service:
            #"letters, digits, "_", ".", "@" and "-"; must start with a letter or digit"#
        case .share: #"letters, digits, "_", ".", "$" and "-"; must not start with "-""#
        case .watchID:
            #"letters, digits, "_" and "-"; must start with a letter or digit and not with "NEC_" or "ARM_""#
        }
    }

    private var extraCharacters: Set<Character> {
        switch self {
        case .cluster, .server, .watchID: ["_", "-"]
        case .group: ["-"]
        case .resource, .monitor, .service: ["_", ".", "@", "-"]
        case .share: ["_", ".", "$", "-"]
        }
    }

    /// Whether the first character must be a letter or digit (else: only not `-`).
    private var needsAlphanumericStart: Bool {
        switch self {
        case .server, .resource, .monitor, .service, .watchID: true
        case .cluster, .group, .share: false
        }
    }

    /// The V7/V8 message for `name`, or nil if it follows the rule.
    package func violation(_ name: String) -> String? {
        let prefix = self == .watchID ? "invalid WID" : "invalid \(kind) name"
        guard let first = name.first else { return "\(prefix) \"\": must not be empty" }
        let allowed = name.allSatisfy { isASCIIAlphanumeric($0) || extraCharacters.contains($0) }
        let startOK = needsAlphanumericStart ? isASCIIAlphanumeric(first) : first != "-"
        var reserved = false
        if self == .watchID {
            let head = name.prefix(4).uppercased()
            reserved = head == "NEC_" || head == "ARM_"
        }
        if !allowed || !startOK || reserved {
            return "\(prefix) \(quoted(name)): \(ruleText)"
        }
        if name.count > maximumLength {
            let shown = String(name.prefix(20)) + "\u{2026}"
            let subject = self == .watchID ? "WID" : "\(kind) name"
            return "\(subject) \(quoted(shown)) is longer than \(maximumLength) characters"
        }
        return nil
    }
}

/// A name in double quotes with the escapes of config-and-files §1.15 (as cluster.toml findings quote it).
private func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
    return output + "\""
}

/// ASCII letter or digit.
func isASCIIAlphanumeric(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
}

/// Suggestions for misspelt keys (V2).
package enum Spelling {
    /// Levenshtein distance between two strings, in characters.
    package static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var row = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            row[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &row)
        }
        return previous[right.count]
    }

    /// The closest candidate within edit distance 2 (the first of equals), if any.
    package static func suggestion(for word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(word, candidate)
            if distance <= 2, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
