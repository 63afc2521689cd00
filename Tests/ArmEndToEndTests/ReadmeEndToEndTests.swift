import Foundation
import Glibc
import Testing

/// README.md's "A first cluster" section, cut into its files and commands (issue 8: the README cannot drift
/// from what works).
struct ReadmeFirstCluster {
    /// Files by path below ARM_ROOT (`/etc/armcluster/cluster.toml`): each code block that follows a line
    /// naming a path in backticks.
    var files: [String: String] = [:]
    /// The lines of the last code block, which names no file: the commands.
    var commands: [String] = []

    /// Stand-ins for the programs the README marks `REPLACE`.
    static let replacements = [
        ("/usr/local/bin/prepare-cache", "/bin/true"),
        ("/usr/sbin/nginx -g 'daemon off;'", "/bin/sleep 3600"),
        ("&& do-maintenance;", "&& true;"),
    ]

    static func load() throws -> ReadmeFirstCluster {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { repository.deleteLastPathComponent() }
        let text = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = text.range(of: "\n## A first cluster") else { throw RigError("README has no first cluster") }
        let rest = text[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest

        var result = ReadmeFirstCluster()
        var pendingPath: String?
        var block: [String]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var lines = block {
                if line.hasPrefix("```") {
                    if let path = pendingPath {
                        result.files[path] = lines.joined(separator: "\n") + "\n"
                    } else {
                        result.commands = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    }
                    pendingPath = nil
                    block = nil
                } else {
                    lines.append(line)
                    block = lines
                }
                continue
            }
            if line.hasPrefix("```") {
                block = []
            } else if line.hasPrefix("`/"), line.hasSuffix("`:"), let end = line.dropFirst().firstIndex(of: "`") {
                pendingPath = String(line[line.index(after: line.startIndex)..<end])
            } else if !line.isEmpty {
                pendingPath = nil
            }
        }
        return result
    }

    /// An installed-like bin directory below the rig, as `scripts/install` lays it out.
    ///
    /// `armtool` and `armmond` themselves (hard links, or copies across file systems) with every command
    /// linked beside them. armmond puts its own directory first on the scripts' PATH (commands.md 1.6), so
    /// start.sh finds `armload` there; in the build directory it would not.
    static func installBinaries(for rig: MonitorRig) async throws -> String {
        let directory = rig.path + "/.readme/bin"
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for program in ["armtool", "armmond"] {
            let source = E2E.binDirectory + "/" + program
            if link(source, directory + "/" + program) != 0 {
                try manager.copyItem(atPath: source, toPath: directory + "/" + program)
            }
        }
        for name in try await MonitorRig.linkNames() where name != "armmond" {
            try manager.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: "armtool")
        }
        return directory
    }

    /// Writes the files below `root`: scripts 0750 as the README says, with the `REPLACE` programs swapped
    /// for stand-ins when `replacing`.
    func install(in root: String, replacing: Bool) throws {
        for (path, text) in files {
            var body = text
            if replacing {
                for (from, to) in Self.replacements { body = body.replacingOccurrences(of: from, with: to) }
            }
            try Files.write(body, to: root + path, mode: path.hasSuffix(".sh") ? 0o750 : 0o640)
        }
    }
}

extension EndToEnd {
    /// README.md's "A first cluster", run as a new user would (issue 8).
    @Suite struct Readme {
        @Test func theSectionHasItsThreeFilesAndItsCommands() throws {
            let readme = try ReadmeFirstCluster.load()
            #expect(
                Set(readme.files.keys) == [
                    "/etc/armcluster/cluster.toml", "/etc/armcluster/scripts/web/start.sh",
                    "/etc/armcluster/scripts/web/stop.sh",
                ]
            )
            #expect(readme.commands.first?.hasPrefix("armcfg check") == true, "\(readme.commands)")
            #expect(readme.commands.last?.hasPrefix("armmond /STOP") == true, "\(readme.commands)")
            for (from, _) in ReadmeFirstCluster.replacements {
                let marked = (readme.files.values + readme.commands).flatMap { $0.split(separator: "\n") }
                    .filter { $0.contains(from) }
                #expect(!marked.isEmpty && marked.allSatisfy { $0.contains("REPLACE") }, "\(from) is marked REPLACE")
            }
        }

        @Test func everyCommandOfTheFirstClusterWorksWithTheMarkedProgramsReplaced() async throws {
            let readme = try ReadmeFirstCluster.load()
            try await withMonitor(scripts: [:], startingMonitor: false) { rig in
                try readme.install(in: rig.path, replacing: true)
                let bin = try await ReadmeFirstCluster.installBinaries(for: rig)
                for line in readme.commands {
                    let step = try await Self.shell(line, rig: rig, bin: bin)
                    #expect(step.status == 0, "README line `\(line)`: \(step)")
                    if line.hasPrefix("armstat armload") {
                        #expect(step.stdout.contains("WEB"), "\(step.stdout)")
                    }
                }
                #expect(try await rig.run("armstat", "cluster").status == 3, "armmond /STOP stopped it")
            }
        }

        @Test func aFailedStartWithTheExampleAsWrittenLeavesTheGroupStoppedAndStartable() async throws {
            let readme = try ReadmeFirstCluster.load()
            try await withMonitor(scripts: [:], startingMonitor: false) { rig in
                // As written: the REPLACE programs do not exist here, so start.sh fails.
                try readme.install(in: rig.path, replacing: false)
                let bin = try await ReadmeFirstCluster.installBinaries(for: rig)
                #expect(try await Self.shell("armmond", rig: rig, bin: bin).status == 0)
                let settled = try await rig.waitForGroup("stopped", seconds: 30)
                #expect(settled.status == 0, "\(settled)")
                let group = try await rig.groupStatus()
                #expect(group["failed"] as? Bool == true, "\(group)")
                // stop.sh survived the WID that was never registered.
                let stopEnd = try #require(rig.scriptRecords("web/stop.sh", kind: "END").last)
                #expect(stopEnd.text.hasPrefix("exit=0"), "\(stopEnd.fields)")
                let startEnd = try #require(rig.scriptRecords("web/start.sh", kind: "END").last)
                #expect(!startEnd.text.hasPrefix("exit=0"), "\(startEnd.fields)")

                // Fixed: armgstrt works again and clears the flag.
                try readme.install(in: rig.path, replacing: true)
                let start = try await Self.shell("armgstrt web && armgwait web 60", rig: rig, bin: bin)
                #expect(start.status == 0, "\(start)")
                #expect(try await rig.groupStatus()["failed"] as? Bool == false)
                #expect(try await Self.shell("armmond /STOP", rig: rig, bin: bin).status == 0)
            }
        }

        /// Runs one README line with `/bin/sh -c`, `bin` first on PATH.
        static func shell(_ line: String, rig: MonitorRig, bin: String) async throws -> CommandResult {
            try await ChildProcess.run(
                "/bin/sh",
                ["-c", line],
                environment: rig.environment([
                    "PATH": bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                ]),
                outputIn: rig.scratch,
                limit: .seconds(120)
            )
        }
    }
}
