import Foundation
import Glibc
import Synchronization
import Testing

/// The single-server cluster of the end-to-end tests: cluster `demo`, server `node1`, group `web`.
enum RigConfig {
    /// cluster.toml with `clusterExtra` lines in `[cluster]` and `groupExtra` lines in the `web` group.
    static func web(clusterExtra: String = "", groupExtra: String = "") -> String {
        """
        [cluster]
        name = "demo"
        \(clusterExtra)
        [cluster.partition]
        method = "none"

        [[server]]
        name = "node1"
        id = 1
        public = "192.0.2.10/24"

        [[group]]
        name = "web"
        servers = ["node1"]
        \(groupExtra)

        """
    }

    /// Scripts that only say what they are.
    static let quietScripts: [String: String] = [
        "web/start.sh": "echo web start\n",
        "web/stop.sh": "echo web stop\n",
    ]
}

/// One record of armscr.log (config-and-files §4.4).
struct ScriptRecord: Sendable {
    let fields: [String]
    var timestamp: String { fields[0] }
    var server: String { fields[1] }
    var group: String { fields[2] }
    var event: String { fields[3] }
    var script: String { fields[4] }
    var run: String { fields[5] }
    var kind: String { fields[6] }
    var text: String { fields[7] }

    /// `pid=` of a BEGIN record.
    var beginPID: Int32? {
        guard kind == "BEGIN" else { return nil }
        for word in text.split(separator: " ") where word.hasPrefix("pid=") {
            return Int32(word.dropFirst(4))
        }
        return nil
    }
}

/// One record of ARM.LOG (config-and-files §4.2).
struct ArmLogRecord: Sendable {
    let fields: [String]
    var timestamp: String { fields[0] }
    var server: String { fields[1] }
    var source: String { fields[2] }
    var pid: String { fields[3] }
    var severity: String { fields[4] }
    var id: String { fields[5] }
    var text: String { fields[6] }
}

/// A temporary ARM_ROOT with cluster.toml and group scripts, a bin directory of command links named after
/// each command (as the installer makes them), and an `armmond /F` child.
final class MonitorRig: Sendable {
    let root: TemporaryDirectory
    /// `ARM_ROOT`.
    var path: String { root.path }
    /// Command links (`armgstrt` → armtool, …).
    let bin: String
    /// Output files of the children.
    let scratch: String
    /// Where scripts may leave marker files (`$ARM_ROOT/markers`).
    let markers: String

    private let monitorProcess = Mutex<ChildProcess?>(nil)

    /// Creates the tree: `etc/armcluster/cluster.toml` and the scripts (`"web/start.sh": body`; a
    /// `#!/bin/bash` line is added, `@MARKERS@` becomes the markers directory and `@BIN@` the directory of
    /// command links, mode 0755).
    init(config: String, scripts: [String: String]) async throws {
        root = try TemporaryDirectory(prefix: "arm-e2e")
        bin = root.path + "/.e2e/bin"
        scratch = root.path + "/.e2e/out"
        markers = root.path + "/markers"
        let manager = FileManager.default
        try manager.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: markers, withIntermediateDirectories: true)
        try Files.write(config, to: root.path + "/etc/armcluster/cluster.toml", mode: 0o640)
        for (name, body) in scripts {
            let text =
                "#!/bin/bash\n"
                + body.replacingOccurrences(of: "@MARKERS@", with: markers).replacingOccurrences(of: "@BIN@", with: bin)
            try Files.write(text, to: root.path + "/etc/armcluster/scripts/" + name, mode: 0o755)
        }
        for name in try await Self.linkNames() + ["armtool"] {
            try manager.createSymbolicLink(atPath: bin + "/" + name, withDestinationPath: E2E.armtool)
        }
    }

    /// Every command served by armtool, from its own list (read once).
    static func linkNames() async throws -> [String] {
        let names = Self.cachedNames.withLock { $0 }
        if let names { return names }
        let scratch = try TemporaryDirectory(prefix: "arm-e2e-help")
        defer { scratch.remove() }
        let child = try ChildProcess(
            E2E.armtool,
            ["--help"],
            environment: E2E.baseEnvironment(),
            outputIn: scratch.path
        )
        _ = await child.wait()
        let data = Data(Files.read(child.stdoutPath).utf8)
        var found: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("  ") {
            guard !line.hasPrefix("   "), let word = line.split(separator: " ").first else { continue }
            if word.allSatisfy({ $0.isLetter && $0.isLowercase }) { found.append(String(word)) }
        }
        guard found.contains("armgstrt") else { throw RigError("armtool --help lists no commands: \(E2E.armtool)") }
        cachedNames.withLock { $0 = found }
        return found
    }
    private static let cachedNames = Mutex<[String]?>(nil)

    // MARK: - The monitor

    /// The running `armmond /F`, if any.
    var monitor: ChildProcess? { monitorProcess.withLock { $0 } }

    /// The environment of commands and of armmond.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        E2E.baseEnvironment().merging(["ARM_ROOT": path]) { $1 }.merging(extra) { $1 }
    }

    /// Starts `armmond /F` and waits until `armstat` answers (exit 0).
    @discardableResult
    func startMonitor() async throws -> ChildProcess {
        let child = try ChildProcess(E2E.armmond, ["/F"], environment: environment(), outputIn: scratch)
        monitorProcess.withLock { $0 = child }
        try await waitUntilReady(child)
        return child
    }

    /// Polls `armstat` until it exits 0: the only place the rig waits with sleeps, for a daemon to become
    /// ready (bounded: 20 s).
    func waitUntilReady(_ child: ChildProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let status = child.exitStatus {
                throw RigError("armmond exited with \(status) before it was ready: \(child.stderr)")
            }
            let probe = try await run("armstat", "cluster")
            if probe.status == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RigError("armmond did not answer armstat within 20 s: \(child.stderr)")
    }

    /// Kills armmond with `signal` and waits for its exit (at most 30 s); returns the exit status.
    @discardableResult
    func stopMonitor(signal: Int32 = SIGTERM) async -> Int32? {
        guard
            let child = monitorProcess.withLock({ current -> ChildProcess? in
                defer { current = nil }
                return current
            })
        else { return nil }
        child.signal(signal)
        return await child.wait(atMost: .seconds(30))
    }

    // MARK: - Commands

    /// Runs a command through its link in the rig's bin directory (`armgstrt web`).
    func run(
        _ command: String,
        _ arguments: String...,
        environment extra: [String: String] = [:],
        limit: Duration = .seconds(60)
    ) async throws -> CommandResult {
        try await run(command, arguments, environment: extra, limit: limit)
    }

    /// Runs a command through its link in the rig's bin directory.
    func run(
        _ command: String,
        _ arguments: [String],
        environment extra: [String: String] = [:],
        limit: Duration = .seconds(60)
    ) async throws -> CommandResult {
        try await ChildProcess.run(
            bin + "/" + command,
            arguments,
            environment: environment(extra),
            outputIn: scratch,
            limit: limit
        )
    }

    /// Starts a command without waiting for it.
    func launch(_ command: String, _ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(bin + "/" + command, arguments, environment: environment(), outputIn: scratch)
    }

    // MARK: - State and logs

    /// The `web`-style group object of `armstat --json group NAME`.
    func groupStatus(_ name: String = "web") async throws -> [String: Any] {
        let result = try await run("armstat", "--json", "group", name)
        #expect(result.status == 0, "armstat --json group \(name): \(result)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let groups = document?["groups"] as? [[String: Any]] ?? []
        guard let group = groups.first(where: { $0["name"] as? String == name }) else {
            throw RigError("armstat --json shows no group \(name): \(result.stdout)")
        }
        return group
    }

    /// `armgwait web N` (or `armgwait /STOP web N` for "stopped"); when it answers 0, armstat must show the
    /// same state (armgwait never answers from a state older than the request).
    func waitForGroup(_ target: String, group name: String = "web", seconds: Int = 30) async throws -> CommandResult {
        let arguments = (target == "stopped" ? ["/STOP"] : []) + [name, String(seconds)]
        let result = try await run("armgwait", arguments)
        if result.status == 0 {
            let state = try await groupStatus(name)["state"] as? String ?? "?"
            #expect(state == target, "armgwait \(arguments) returned 0 while armstat shows \(state)")
        }
        return result
    }

    /// `state|failed` of the group's row in state.sqlite (read with the sqlite3 shell).
    func databaseGroupState(_ name: String = "web") async throws -> String {
        let database = path + "/var/lib/armcluster/state.sqlite"
        let result = try await ChildProcess.run(
            "/usr/bin/sqlite3",
            ["-readonly", database, "SELECT state || '|' || failed FROM group_state WHERE group_name = '\(name)';"],
            environment: E2E.baseEnvironment(),
            outputIn: scratch
        )
        #expect(result.status == 0, "sqlite3: \(result)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A log file under var/log/armcluster.
    func logPath(_ name: String) -> String { path + "/var/log/armcluster/" + name }

    /// The armscr.log records.
    func scriptRecords() -> [ScriptRecord] {
        Files.lines(logPath("armscr.log")).map { ScriptRecord(fields: $0.components(separatedBy: "\t")) }
    }

    /// The armscr.log records of one script (`web/start.sh`) and kind.
    func scriptRecords(_ script: String, kind: String) -> [ScriptRecord] {
        scriptRecords().filter { $0.fields.count == 8 && $0.script == script && $0.kind == kind }
    }

    /// The ARM.LOG records.
    func armLogRecords() -> [ArmLogRecord] {
        Files.lines(logPath("ARM.LOG")).map { ArmLogRecord(fields: $0.components(separatedBy: "\t")) }
    }

    /// A marker file's `KEY=VALUE` lines as a dictionary.
    func markerEnvironment(_ name: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in Files.lines(markers + "/" + name) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    // MARK: - Clean-up

    /// Kills armmond and every process that still carries this ARM_ROOT (scripts and their children), then
    /// removes the tree.
    func cleanUp() async {
        await stopMonitor(signal: SIGKILL)
        for pid in processes(carrying: "ARM_ROOT=" + path) { kill(pid, SIGKILL) }
        root.remove()
    }

    /// PIDs whose environment holds `entry` exactly.
    private func processes(carrying entry: String) -> [Int32] {
        let wanted = Array(entry.utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> Int32? in
            guard let pid = Int32(name), pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(name)/environ")
            else { return nil }
            let matches = data.split(separator: 0).contains { Array($0) == wanted }
            return matches ? pid : nil
        }
    }
}

/// Runs `body` with a fresh rig whose `armmond /F` is ready (unless `startingMonitor` is false), and
/// always cleans up: armmond and the scripts are killed and the ARM_ROOT is removed, even on failure.
func withMonitor(
    config: String = RigConfig.web(),
    scripts: [String: String] = RigConfig.quietScripts,
    startingMonitor: Bool = true,
    _ body: (MonitorRig) async throws -> Void
) async throws {
    let rig = try await MonitorRig(config: config, scripts: scripts)
    do {
        if startingMonitor { try await rig.startMonitor() }
        try await body(rig)
    } catch {
        await rig.cleanUp()
        throw error
    }
    await rig.cleanUp()
}
