import ArmCore

@testable import ArmConfig

/// Validates TOML text with the pure parser and returns the rendered findings.
func findings(_ text: String, file: String = "c.toml") -> [String] {
    ConfigValidator.validate(text: text, file: file).reported.map { $0.render() }
}

/// The smallest valid configuration: one server, partition method none, no interconnect; 15 lines, so
/// appended text starts at line 16.
let minimalConfig = """
    [cluster]
    name = "solo"

    [cluster.partition]
    method = "none"

    [[server]]
    name = "n1"
    id = 1
    public = "192.168.1.10/24"

    [[group]]
    name = "web"
    servers = ["n1"]


    """

/// Three servers, partition method `none` (no V19/V20 findings); appended text starts at line 25.
let threeServers = """
    [cluster]
    name = "lab"

    [cluster.partition]
    method = "none"

    [[server]]
    name = "n1"
    id = 1
    interconnect = ["10.0.0.1/24", "10.1.0.1/24"]
    public = "10.1.0.1/24"

    [[server]]
    name = "n2"
    id = 2
    interconnect = ["10.0.0.2/24", "10.1.0.2/24"]
    public = "10.1.0.2/24"

    [[server]]
    name = "n3"
    id = 3
    interconnect = ["10.0.0.3/24", "10.1.0.3/24"]
    public = "10.1.0.3/24"


    """

/// `threeServers` with its partition method replaced (line 5).
func threeServers(method: String, extraPartition: String = "") -> String {
    threeServers.replacingFirst(
        "method = \"none\"\n",
        with: "method = \"\(method)\"\n" + extraPartition
    )
}

extension String {
    /// Replaces the first occurrence of `target` (stdlib only).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}

/// `threeServers` without `n3`; appended text starts at line 19.
let twoServers = threeServers.replacingFirst(
    "[[server]]\nname = \"n3\"\nid = 3\ninterconnect = [\"10.0.0.3/24\", \"10.1.0.3/24\"]\npublic = \"10.1.0.3/24\"\n\n",
    with: ""
)
