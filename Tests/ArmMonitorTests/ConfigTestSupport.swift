import ArmConfig
import ArmCore
import ArmMonitor

/// Fixtures live beside this file (excluded from the target in Package.swift).
enum ConfigFixtures {
    static let directory: String = {
        let file = #filePath
        guard let slash = file.lastIndex(of: "/") else { return "Fixtures" }
        return String(file[..<slash]) + "/Fixtures"
    }()

    static func path(_ name: String) -> String { directory + "/" + name }

    static func load(_ name: String) -> ConfigLoadResult {
        ConfigLoader.load(path: path(name), displayPath: name)
    }

    static func rendered(_ name: String) -> [String] {
        load(name).findings.map { $0.render() }
    }
}
