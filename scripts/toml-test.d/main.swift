// Harness for scripts/toml-test: runs TOMLParser (Sources/ArmConfig/TOML) on every TOML 1.0.0 case of the
// toml-lang/toml-test suite. Valid files must parse and equal their .json; invalid files must be refused.
// Bytes that are not UTF-8 count as refused, as ConfigLoader refuses them before parsing.
// Foundation is fine here: this program is a measuring tool, never part of the product.
import Foundation

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: toml-test SUITE [-v]\n".data(using: .utf8)!)
    exit(2)
}
let testsDir = args[1]
let verbose = args.contains("-v")
let list = try String(contentsOfFile: testsDir + "/files-toml-1.0.0", encoding: .utf8)
    .split(separator: "\n").map(String.init).filter { $0.hasSuffix(".toml") }

func normalizeDatetime(_ text: String) -> String {
    var t = text.uppercased().replacingOccurrences(of: " ", with: "T")
    // drop trailing zeros of fractional seconds
    if let dot = t.firstIndex(of: ".") {
        var end = t.index(after: dot)
        while end < t.endIndex, t[end].isNumber { end = t.index(after: end) }
        var frac = String(t[t.index(after: dot)..<end])
        while frac.hasSuffix("0") { frac.removeLast() }
        t = String(t[..<dot]) + (frac.isEmpty ? "" : "." + frac) + String(t[end...])
    }
    if t.hasSuffix("+00:00") || t.hasSuffix("-00:00") { t = String(t.dropLast(6)) + "Z" }
    return t
}

func floatMatches(_ ours: Double, _ expected: String) -> Bool {
    switch expected {
    case "nan", "+nan", "-nan": return ours.isNaN
    case "inf", "+inf": return ours == .infinity
    case "-inf": return ours == -.infinity
    default:
        guard let value = Double(expected) else { return false }
        return ours == value || abs(ours - value) <= abs(value) * 1e-15
    }
}

func compare(_ node: TOMLValue, _ json: Any, _ path: String) -> String? {
    switch node {
    case .table(let table):
        guard let dict = json as? [String: Any] else { return "\(path): table vs \(type(of: json))" }
        if Set(table.keys) != Set(dict.keys) { return "\(path): keys \(table.keys.sorted()) vs \(dict.keys.sorted())" }
        for key in table.keys {
            guard let child = table[key] else { continue }
            if let problem = compare(child.value, dict[key]!, path + "." + key) { return problem }
        }
        return nil
    case .array(let items):
        guard let array = json as? [Any] else { return "\(path): array vs \(type(of: json))" }
        if items.count != array.count { return "\(path): \(items.count) items vs \(array.count)" }
        for (i, item) in items.enumerated() {
            if let problem = compare(item.value, array[i], "\(path)[\(i)]") { return problem }
        }
        return nil
    default:
        guard let dict = json as? [String: Any], let type = dict["type"] as? String, let value = dict["value"] as? String
        else { return "\(path): scalar vs \(json)" }
        switch (node, type) {
        case (.string(let s), "string"): return s == value ? nil : "\(path): string \(s.debugDescription) vs \(value.debugDescription)"
        case (.integer(let i), "integer"): return Int64(value) == i ? nil : "\(path): integer \(i) vs \(value)"
        case (.float(let f), "float"): return floatMatches(f, value) ? nil : "\(path): float \(f) vs \(value)"
        case (.bool(let b), "bool"): return (b ? "true" : "false") == value ? nil : "\(path): bool \(b) vs \(value)"
        case (.datetime(let d), "datetime"), (.datetime(let d), "datetime-local"), (.datetime(let d), "date-local"),
            (.datetime(let d), "time-local"):
            return normalizeDatetime(d) == normalizeDatetime(value) ? nil : "\(path): datetime \(d) vs \(value)"
        default: return "\(path): \(node.typeName) vs \(type)"
        }
    }
}

var validTotal = 0, validAccepted = 0, validValuesMatch = 0
var invalidTotal = 0, invalidRejected = 0
for file in list {
    let path = testsDir + "/" + file
    guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(file)"); continue }
    // The config loader rejects bytes that are not UTF-8 before parsing; the harness does the same.
    let text = String(validating: [UInt8](data), as: UTF8.self)
    if file.hasPrefix("valid/") {
        validTotal += 1
        guard let text else { print("FAIL valid (not UTF-8): \(file)"); continue }
        let result = TOMLParser.parse(text)
        if let error = result.error { print("FAIL valid: \(file): \(error.position): \(error.message)"); continue }
        validAccepted += 1
        let jsonPath = String(path.dropLast(5)) + ".json"
        if let jsonData = FileManager.default.contents(atPath: jsonPath),
            let json = try? JSONSerialization.jsonObject(with: jsonData)
        {
            if let problem = compare(.table(result.root), json, "") {
                print("VALUE valid: \(file): \(problem)")
            } else {
                validValuesMatch += 1
            }
        }
    } else {
        invalidTotal += 1
        guard let text else { invalidRejected += 1; if verbose { print("ok invalid (not UTF-8): \(file)") }; continue }
        let result = TOMLParser.parse(text)
        if let error = result.error {
            invalidRejected += 1
            if verbose { print("ok invalid: \(file): \(error.position): \(error.message)") }
        } else {
            print("FAIL invalid (accepted): \(file)")
        }
    }
}
print("valid accepted: \(validAccepted)/\(validTotal) (values equal to the .json: \(validValuesMatch)/\(validTotal))")
print("invalid rejected: \(invalidRejected)/\(invalidTotal)")
