import ArmCore
import ArmSystem
import Glibc
import Testing

/// Scripts and programs on one watcher; the watcher's thread ends with `stop()`.
@Suite(.timeLimit(.minutes(1)))
struct ProcessWatcherTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func invocation(_ path: String, timeout: Duration? = nil) -> ScriptInvocation {
        ScriptInvocation(
            path: path,
            workingDirectory: directory.path,
            environment: ["PATH": "/usr/bin:/bin"],
            timeout: timeout
        )
    }

    /// An observer whose `started` pid can be awaited.
    private func startedObserver() -> (ScriptObserver, AsyncStream<Int32>) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        return (ScriptObserver(started: { continuation.yield($0) }), stream)
    }

    @Test func scriptsAndProgramsShareOneThreadThatStopEnds() async throws {
        let name = "arm-test-share"
        let watcher = ProcessWatcher(threadName: name)
        let launcher = LiveProgramLauncher(watcher: watcher)
        let runner = LiveScriptRunner(watcher: watcher)
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            ProgramSpec(path: "/bin/sleep", arguments: ["sleep", "1000"], environment: [:], workingDirectory: "/"),
            events: recorder.events
        )
        let scripts = try (0..<8).map { try invocation(directory.script("s\($0).sh", "sleep 1000\n")) }
        let (observer, started) = startedObserver()
        let outcomes = Task {
            await withTaskGroup(of: ScriptOutcome.self) { group in
                for script in scripts { group.addTask { await runner.run(script, observer: observer) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        var pids: [Int32] = []
        for await pid in started {
            pids.append(pid)
            if pids.count == scripts.count { break }
        }
        #expect(watcherThreadCount(named: name) == 1)

        for pid in pids { launcher.signalGroup(pid, signal: SIGTERM) }
        let ended = await outcomes.value
        #expect(ended == Array(repeating: .signaled(SIGTERM), count: scripts.count))
        launcher.signalGroup(program.pid, signal: SIGKILL)
        #expect(await recorder.exit() == .signaled(SIGKILL))

        watcher.stop()
        #expect(watcherThreadCount(named: name) == 0)
    }

    @Test func stopReportsARunningScriptAsCancelledAndRefusesNewWork() async throws {
        let name = "arm-test-stop"
        let watcher = ProcessWatcher(threadName: name)
        let runner = LiveScriptRunner(watcher: watcher)
        let script = invocation(try directory.script("long.sh", "sleep 1000\n"), timeout: .seconds(600))
        let (observer, started) = startedObserver()
        let outcome = Task { await runner.run(script, observer: observer) }
        var pid: Int32?
        for await started in started {
            pid = started
            break
        }
        let group = try #require(pid)
        watcher.stop()
        #expect(await outcome.value == .execFailed(errno: ECANCELED))
        #expect(watcherThreadCount(named: name) == 0)
        // Interpretation: the script is left running (the daemon is exiting); this test cleans up.
        #expect(kill(-group, SIGKILL) == 0)

        let quick = try directory.script("quick.sh", "exit 0\n")
        #expect(await runner.run(invocation(quick), observer: ScriptObserver()) == .execFailed(errno: ESHUTDOWN))
        let launcher = LiveProgramLauncher(watcher: watcher)
        #expect(throws: LaunchError.spawnFailed(errno: ESHUTDOWN)) {
            try launcher.launch(
                ProgramSpec(path: "/bin/true", arguments: ["true"], environment: [:], workingDirectory: "/"),
                events: ProgramEvents(exited: { _ in })
            )
        }
        #expect(watcherThreadCount(named: name) == 0)
    }

    @Test func scriptsKeepTheDaemonsUmask() async throws {
        let status = contents("/proc/self/status")
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        let expected = line.dropFirst("Umask:".count).filter { !$0.isWhitespace }
        let script = try directory.script("umask.sh", "umask\n")
        let lines = LineCollector()
        let outcome = await LiveScriptRunner().run(invocation(script), observer: ScriptObserver(line: lines.add))
        #expect(outcome == .exited(0))
        #expect(lines.lines(of: .stdout) == [String(expected)])
    }

    @Test func aTimeoutIsADeadlineOnTheWatcherThread() async throws {
        let name = "arm-test-dead"
        let watcher = ProcessWatcher(threadName: name)
        let script = try directory.script("stuck.sh", "sleep 1000\n")
        let outcome = await LiveScriptRunner(watcher: watcher).run(
            invocation(script, timeout: .milliseconds(50)),
            observer: ScriptObserver()
        )
        #expect(outcome == .timedOut)
        #expect(watcherThreadCount(named: name) == 1)
        watcher.stop()
        #expect(watcherThreadCount(named: name) == 0)
    }
}
