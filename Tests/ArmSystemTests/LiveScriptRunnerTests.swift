import ArmCore
import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(1)))
struct LiveScriptRunnerTests {
    let directory: TemporaryDirectory
    let runner = LiveScriptRunner()

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func invocation(
        _ path: String,
        _ arguments: [String] = [],
        environment: [String: String] = ["PATH": "/usr/bin:/bin"],
        workingDirectory: String? = nil,
        timeout: Duration? = nil
    ) -> ScriptInvocation {
        ScriptInvocation(
            path: path,
            arguments: arguments,
            workingDirectory: workingDirectory ?? directory.path,
            environment: environment,
            timeout: timeout
        )
    }

    @Test func exitStatusIsReported() async throws {
        let script = try directory.script("exit.sh", "exit 7\n")
        #expect(await runner.run(invocation(script), observer: ScriptObserver()) == .exited(7))
    }

    @Test func successfulScriptExitsZero() async throws {
        let script = try directory.script("ok.sh", "true\n")
        let outcome = await runner.run(invocation(script, timeout: .seconds(30)), observer: ScriptObserver())
        #expect(outcome == .exited(0))
        #expect(outcome.isSuccess)
    }

    @Test func argumentsFollowThePath() async throws {
        let script = try directory.script("args.sh", "echo \"$0|$1|$2\"\n")
        let lines = LineCollector()
        _ = await runner.run(invocation(script, ["a b", "c"]), observer: ScriptObserver(line: lines.add))
        #expect(lines.lines(of: .stdout) == ["\(script)|a b|c"])
    }

    @Test func scriptSeesExactlyTheGivenEnvironment() async throws {
        let script = try directory.script("env.sh", "env\n")
        let environment = ["PATH": "/usr/bin:/bin", "CLP_EVENT": "START", "SPACED": "a b  c"]
        let lines = LineCollector()
        let outcome = await runner.run(
            invocation(script, environment: environment),
            observer: ScriptObserver(line: lines.add)
        )
        #expect(outcome == .exited(0))
        let seen = lines.lines(of: .stdout)
        #expect(seen.contains("CLP_EVENT=START"))
        #expect(seen.contains("SPACED=a b  c"))
        #expect(seen.contains("PATH=/usr/bin:/bin"))
        // Nothing is inherited: only ours, plus what the shell itself defines.
        let names = Set(seen.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
        #expect(names.subtracting(environment.keys).isSubset(of: ["PWD", "OLDPWD", "SHLVL", "_"]))
    }

    @Test func scriptRunsInTheWorkingDirectory() async throws {
        let work = directory.file("work dir")
        try Directories.ensure(path: work, mode: 0o755)
        let script = try directory.script("pwd.sh", "pwd -P\n")
        let lines = LineCollector()
        _ = await runner.run(invocation(script, workingDirectory: work), observer: ScriptObserver(line: lines.add))
        #expect(lines.lines(of: .stdout) == [work])
    }

    @Test func linesKeepTheirOrderWithinEachStream() async throws {
        let script = try directory.script(
            "streams.sh",
            "echo one\necho err1 >&2\necho two\nprintf 'crlf\\r\\n'\necho err2 >&2\nprintf 'unterminated'\n"
        )
        let lines = LineCollector()
        let outcome = await runner.run(invocation(script), observer: ScriptObserver(line: lines.add))
        #expect(outcome == .exited(0))
        #expect(lines.lines(of: .stdout) == ["one", "two", "crlf", "unterminated"])
        #expect(lines.lines(of: .stderr) == ["err1", "err2"])
    }

    @Test func stdinIsDevNull() async throws {
        let script = try directory.script("stdin.sh", "if read line; then echo got; else echo eof; fi\n")
        let lines = LineCollector()
        _ = await runner.run(invocation(script), observer: ScriptObserver(line: lines.add))
        #expect(lines.lines(of: .stdout) == ["eof"])
    }

    @Test func scriptLeadsItsOwnSessionAndProcessGroup() async throws {
        let script = try directory.script("stat.sh", "cat /proc/$$/stat\n")
        let started = Box<Int32>()
        let lines = LineCollector()
        _ = await runner.run(invocation(script), observer: ScriptObserver(started: started.set, line: lines.add))
        let pid = try #require(started.value)
        let line = try #require(lines.lines(of: .stdout).first)
        let stat = try #require(ProcStat.parse(line))
        #expect(stat.pid == pid)
        #expect(stat.session == pid)
        #expect(stat.processGroup == pid)
    }

    @Test func signalDeathIsReported() async throws {
        let script = try directory.script("term.sh", "kill -TERM $$\n")
        #expect(await runner.run(invocation(script), observer: ScriptObserver()) == .signaled(SIGTERM))
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let script = try directory.script("slow.sh", "sleep 1000 &\nsleep 1000 &\necho started\nwait\n")
        let started = Box<Int32>()
        let lines = LineCollector()
        let outcome = await runner.run(
            invocation(script, timeout: .seconds(2)),
            observer: ScriptObserver(started: started.set, line: lines.add)
        )
        #expect(outcome == .timedOut)
        #expect(lines.lines(of: .stdout) == ["started"])
        let group = try #require(started.value)
        // The killed children are orphans that init reaps; wait for that, bounded.
        #expect(eventually(within: 30) { kill(-group, 0) == -1 && errno == ESRCH })
    }

    @Test func timeoutStopsWaitingEvenWhenTheScriptIgnoresSIGTERM() async throws {
        let script = try directory.script("stubborn.sh", "trap '' TERM\nwhile :; do :; done\n")
        let outcome = await runner.run(invocation(script, timeout: .milliseconds(300)), observer: ScriptObserver())
        #expect(outcome == .timedOut)
    }

    @Test func missingProgramIsAnExecFailure() async {
        let outcome = await runner.run(invocation(directory.file("missing.sh")), observer: ScriptObserver())
        #expect(outcome == .execFailed(errno: ENOENT))
    }

    @Test func nonExecutableFileIsAnExecFailure() async throws {
        let path = directory.file("plain.sh")
        try FileIO.writeAtomically(path: path, text: "#!/bin/sh\nexit 0\n", mode: 0o644)
        // Root may execute any file with at least one x bit; with none, EACCES holds for root too.
        #expect(await runner.run(invocation(path), observer: ScriptObserver()) == .execFailed(errno: EACCES))
    }

    @Test func scriptStillOpenForWritingIsAnExecFailureAfterRetries() async throws {
        let script = try directory.script("busy.sh", "exit 0\n")
        let writer = open(script, O_WRONLY | O_CLOEXEC)
        try #require(writer >= 0)
        defer { close(writer) }
        #expect(await runner.run(invocation(script), observer: ScriptObserver()) == .execFailed(errno: ETXTBSY))
    }

    @Test func missingWorkingDirectoryIsAnExecFailure() async throws {
        let script = try directory.script("ok.sh", "exit 0\n")
        let outcome = await runner.run(
            invocation(script, workingDirectory: directory.file("nowhere")),
            observer: ScriptObserver()
        )
        #expect(outcome == .execFailed(errno: ENOENT))
    }

    @Test func scriptThatExitsWhileAChildKeepsWritingStillEnds() async throws {
        let script = try directory.script("spam.sh", "(while :; do echo spam; done) &\necho done >&2\nexit 3\n")
        let started = Box<Int32>()
        let lines = LineCollector()
        let outcome = await runner.run(
            invocation(script),
            observer: ScriptObserver(started: started.set, line: lines.add)
        )
        #expect(outcome == .exited(3))
        #expect(lines.lines(of: .stderr) == ["done"])
        if let group = started.value { kill(-group, SIGKILL) }
    }

    @Test func scriptThatLeavesASilentChildHoldingItsOutputStillEnds() async throws {
        let script = try directory.script("daemon.sh", "sleep 1000 &\necho launched\nexit 0\n")
        let started = Box<Int32>()
        let lines = LineCollector()
        let outcome = await runner.run(
            invocation(script, timeout: .seconds(30)),
            observer: ScriptObserver(started: started.set, line: lines.add)
        )
        #expect(outcome == .exited(0))
        #expect(lines.lines(of: .stdout) == ["launched"])
        // Interpretation: the child is left running (start scripts may launch daemons).
        let group = try #require(started.value)
        #expect(kill(-group, 0) == 0)
        kill(-group, SIGKILL)
    }

    @Test func largeOutputIsReadWithoutBlockingTheScript() async throws {
        let script = try directory.script("large.sh", "i=0\nwhile [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done\n")
        let lines = LineCollector()
        let outcome = await runner.run(invocation(script), observer: ScriptObserver(line: lines.add))
        #expect(outcome == .exited(0))
        let stdout = lines.lines(of: .stdout)
        #expect(stdout.count == 20000)
        #expect(stdout.last == "line19999")
    }
}

@Suite(.timeLimit(.minutes(2))) struct LineSplitterTests {
    private func split(_ chunks: [String], maximum: Int = 100) -> [String] {
        var splitter = LineSplitter(maximumLineBytes: maximum)
        var lines: [String] = []
        for chunk in chunks { splitter.feed(Array(chunk.utf8)) { lines.append($0) } }
        splitter.finish { lines.append($0) }
        return lines
    }

    @Test func linesSpanningChunksAreJoined() {
        #expect(split(["ab", "c\nd", "e\n"]) == ["abc", "de"])
    }

    @Test func carriageReturnBeforeLineFeedIsDropped() {
        #expect(split(["a\r\nb\r", "\n", "c\rd\n"]) == ["a", "b", "c\rd"])
    }

    @Test func finalPartialLineIsFlushed() {
        #expect(split(["a\nlast"]) == ["a", "last"])
        #expect(split(["a\n"]) == ["a"])
    }

    @Test func emptyLinesAreKept() {
        #expect(split(["\n\nx\n"]) == ["", "", "x"])
    }

    @Test func overlongLinesAreCutIntoPieces() {
        #expect(split(["abcdefg\n"], maximum: 3) == ["abc", "def", "g"])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var splitter = LineSplitter(maximumLineBytes: 100)
        var lines: [String] = []
        splitter.feed([0x61, 0xFF, 0x62, 0x0A]) { lines.append($0) }
        #expect(lines == ["a\u{FFFD}b"])
    }
}
