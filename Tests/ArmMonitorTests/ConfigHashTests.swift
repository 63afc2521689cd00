import ArmConfig
import ArmCore
import ArmMonitor
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct ConfigHashTests {
    @Test func hashIsSHA256OfThePrefixAndTheCanonicalJSON() {
        let result = ConfigFixtures.load("single-server.toml")
        #expect(
            result.canonicalJSON
                == #"{"cluster":{"name":"solo","partition":{"method":"none"}},"group":[{"name":"web","resource":[{"name":"web-job","start":"job-start.sh","stop":"job-stop.sh","type":"exec"}],"servers":["node1"]}],"server":[{"id":1,"name":"node1","public":"192.168.122.10/24"}]}"#
        )
        // Checked with: (printf 'armcluster-config-v1\n'; printf '%s' "$JSON") | sha256sum
        #expect(result.hash == "dfbf610b5066ded1adf9dc2648ea71cdcb3d76e6f6fc4885bdbb7f0cdcd57040")
        #expect(ConfigHash.short(result.hash ?? "") == "dfbf610b5066")
    }

    @Test func commentsKeyOrderAndTableStyleDoNotChangeTheHash() throws {
        let original = try String(contentsOfFile: ConfigFixtures.path("example-3-servers.toml"), encoding: .utf8)
        // Drop every comment and reverse the keys inside each table section.
        var sections: [[String]] = [[]]
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            if let hash = text.range(of: "#") { text = String(text[..<hash.lowerBound]) }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("[") { sections.append([text]) } else { sections[sections.count - 1].append(text) }
        }
        let reordered = sections.map { section in
            guard let header = section.first, header.hasPrefix("[") else {
                return section.reversed().joined(separator: "\n")
            }
            return ([header] + section.dropFirst().reversed()).joined(separator: "\n")
        }.joined(separator: "\n\n")
        #expect(reordered != original)
        let first = ConfigLoader.load(text: original, displayPath: "a")
        let second = ConfigLoader.load(text: reordered, displayPath: "b")
        #expect(first.hash != nil)
        #expect(first.hash == second.hash)
        #expect(first.hash == "07977058ab482bbcd68c598b891cb44900088247d4a5560fd137a926a8f7c672")
    }

    @Test func inlineAndHeaderTablesHashAlike() {
        let headers = "[cluster]\nname = \"x\"\n[cluster.partition]\nmethod = \"none\"\n"
        let inline = "cluster = { partition = { method = \"none\" }, name = \"x\" }\n"
        #expect(
            ConfigLoader.load(text: headers, displayPath: "a").hash
                == ConfigLoader.load(text: inline, displayPath: "b").hash
        )
    }

    @Test func anyWrittenValueChangesTheHashButDefaultsAreNotAdded() {
        let base = "[cluster]\nname = \"x\"\n[cluster.partition]\nmethod = \"none\"\n"
        let explicitDefault = base + "[cluster.network]\nheartbeat_port = 20003\n"
        let hashes = [base, explicitDefault].map { ConfigLoader.load(text: $0, displayPath: "a").hash }
        #expect(hashes[0] != hashes[1])
    }

    @Test func armRootStaysUnexpanded() {
        let text = "[cluster]\nname = \"x\"\nkey_file = \"${ARM_ROOT}/etc/armcluster/cluster.key\"\n"
        #expect(ConfigLoader.load(text: text, displayPath: "a").canonicalJSON?.contains("${ARM_ROOT}/etc") == true)
    }
}
