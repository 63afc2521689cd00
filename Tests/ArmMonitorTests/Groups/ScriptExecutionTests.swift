import ArmCore
import ArmMonitor
import ArmTesting
import Testing

/// The refusal of scripts others can write, right before the spawn (issue 8 item 5).
@Suite(.timeLimit(.minutes(2))) struct ScriptExecutionTests {
    let sink = InMemoryLogSink()
    let runner = FakeScriptRunner()

    func execution() -> ScriptExecution {
        let clock = ManualClock()
        return ScriptExecution(
            runner: runner,
            log: MonitorLog(sink: sink, clock: clock, serverName: "n1", monitorPID: 1022),
            clock: clock,
            outputLineLimit: 10,
            runIDSeed: 1
        )
    }

    func request(_ path: String) -> ScriptExecution.Request {
        ScriptExecution.Request(
            group: "web",
            event: .start,
            factor: .none,
            label: "web/start.sh",
            invocation: ScriptInvocation(path: path, workingDirectory: "/s/web", environment: [:], timeout: nil)
        )
    }

    @Test(arguments: [
        LocalFileStatus(isRegular: true, mode: 0o757, owner: 0),  // world-writable
        LocalFileStatus(isRegular: true, mode: 0o775, owner: 0),  // group-writable
        LocalFileStatus(isRegular: true, mode: 0o755, owner: 1000),  // not root's
    ])
    func aScriptOthersCanWriteIsNeverRun(status: LocalFileStatus) async {
        runner.setStatus("/s/web/start.sh", status)
        let outcome = await execution().run(request("/s/web/start.sh"))
        #expect(outcome == .execFailed(errno: 1))
        #expect(runner.invocations.isEmpty, "refused before the spawn")
        let server = sink.records(.armsvr)
        #expect(server.map { $0[4] } == ["RSC-019"])
        #expect(
            server.first?[5]
                == "Script /s/web/start.sh of group web is writable by non-root (owner uid \(status.owner), mode "
                + LocalFileStatus.octal(status.mode) + "); it was not run."
        )
        let script = sink.records(.armscr)
        #expect(script.map { $0[6] } == ["BEGIN", "END"])
        #expect(script.last?[7] == "exec-failed errno=1 (Operation not permitted) duration=0.000s")
    }

    @Test func aRootOwnedScriptWithoutWriteBitsForOthersRuns() async {
        runner.setStatus("/s/web/start.sh", LocalFileStatus(isRegular: true, mode: 0o750, owner: 0))
        #expect(await execution().run(request("/s/web/start.sh")) == .exited(0))
        #expect(runner.paths == ["/s/web/start.sh"])
        #expect(sink.records(.armsvr).isEmpty)
    }

    @Test func aMissingScriptIsLeftToExecWhichSaysWhy() async {
        runner.setStatus("/s/web/start.sh", nil)
        runner.script("/s/web/start.sh", outcome: .execFailed(errno: 2))
        #expect(await execution().run(request("/s/web/start.sh")) == .execFailed(errno: 2))
        #expect(runner.paths == ["/s/web/start.sh"])
    }
}
