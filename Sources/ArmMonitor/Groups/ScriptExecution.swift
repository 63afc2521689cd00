import ArmCore
import Synchronization

/// Runs one script through the `ScriptRunner` and writes its armscr.log record: BEGIN, at most
/// `script_output_lines` OUT/ERR lines, END (config-and-files §4.4).
package struct ScriptExecution: Sendable {
    /// What to run and how to label it.
    package struct Request: Sendable {
        /// Group name (GROUP column).
        package var group: String
        /// `ARMS_EVENT` (EVENT column).
        package var event: ScriptEvent
        /// The factor for BEGIN: the stop's `CLP_FACTOR` word, `-` for starts.
        package var factor: StopFactor
        /// The SCRIPT column: relative to the scripts directory where it lies below it.
        package var label: String
        /// The invocation.
        package var invocation: ScriptInvocation

        /// Creates a request.
        package init(group: String, event: ScriptEvent, factor: StopFactor, label: String, invocation: ScriptInvocation)
        {
            self.group = group
            self.event = event
            self.factor = factor
            self.label = label
            self.invocation = invocation
        }
    }

    private final class RunRecord: Sendable {
        struct Counts {
            var begun = false
            var written = 0
            var dropped = 0
        }
        let counts = Mutex(Counts())
    }

    /// The runner.
    package let runner: any ScriptRunner
    /// The log writer.
    package let log: MonitorLog
    /// The clock for durations.
    package let clock: any MonitorClock
    /// `[log] script_output_lines`.
    package let outputLineLimit: Int
    private let runIDs: RunIdentifiers

    /// Creates an executor; `runIDSeed` makes RUN values reproducible in tests.
    package init(
        runner: any ScriptRunner,
        log: MonitorLog,
        clock: any MonitorClock,
        outputLineLimit: Int,
        runIDSeed: UInt32 = UInt32.random(in: 0...UInt32.max)
    ) {
        self.runner = runner
        self.log = log
        self.clock = clock
        self.outputLineLimit = outputLineLimit
        self.runIDs = RunIdentifiers(seed: runIDSeed)
    }

    /// Runs the script to its end and returns how it ended.
    package func run(_ request: Request) async -> ScriptOutcome {
        let run = runIDs.next()
        let record = RunRecord()
        let limit = max(0, outputLineLimit)
        let log = self.log
        let timeoutText = request.invocation.timeout.map { "\($0.components.seconds)s" } ?? "none"
        let begin: @Sendable (String) -> Void = { pid in
            log.script(
                group: request.group,
                event: request.event.rawValue,
                script: request.label,
                run: run,
                kind: "BEGIN",
                text: "pid=\(pid) timeout=\(timeoutText) factor=\(request.factor.rawValue)"
            )
        }
        let observer = ScriptObserver(
            started: { pid in
                record.counts.withLock { $0.begun = true }
                begin(String(pid))
            },
            line: { stream, text in
                let keep = record.counts.withLock { counts -> Bool in
                    guard counts.written < limit else {
                        counts.dropped += 1
                        return false
                    }
                    counts.written += 1
                    return true
                }
                if keep {
                    log.script(
                        group: request.group,
                        event: request.event.rawValue,
                        script: request.label,
                        run: run,
                        kind: stream.rawValue,
                        text: text
                    )
                }
            }
        )
        let started = clock.now()
        let outcome: ScriptOutcome
        if let status = runner.fileStatus(request.invocation.path), status.isWritableByOthers() {
            // Issue 8 item 5: never run as root what another user could have changed. Refused like a failed
            // exec (EPERM), so the start or stop fails with armscr.log's `exec-failed errno=1 (…)` END line,
            // and RSC-019 says why.
            log.server(
                CatalogMessage(
                    .rsc019,
                    [
                        .string(request.invocation.path), .string(request.group), .int(Int(status.owner)),
                        .string(LocalFileStatus.octal(status.mode)),
                    ]
                )
            )
            outcome = .execFailed(errno: Self.refusedErrno)
        } else {
            outcome = await runner.run(request.invocation, observer: observer)
        }
        let elapsed = clock.now() - started
        let counts = record.counts.withLock { $0 }
        if !counts.begun { begin("-") }  // exec failed before a pid existed
        var text = Self.endText(outcome) + " duration=" + LogLineFormat.seconds(elapsed)
        if counts.dropped > 0 { text += " dropped=\(counts.dropped)" }
        log.script(
            group: request.group,
            event: request.event.rawValue,
            script: request.label,
            run: run,
            kind: "END",
            text: text
        )
        return outcome
    }

    /// EPERM: the outcome of a script refused because others can write it.
    package static let refusedErrno: Int32 = 1

    /// `exit=N`, `signal=NAME`, `timeout` or `exec-failed errno=N (text)`.
    package static func endText(_ outcome: ScriptOutcome) -> String {
        switch outcome {
        case .exited(let status): "exit=\(status)"
        case .signaled(let signal): "signal=\(signalName(signal))"
        case .timedOut: "timeout"
        case .execFailed(let errno): "exec-failed errno=\(errno) (\(errorText(errno)))"
        }
    }

    /// `SIGTERM` for 15; `SIG<number>` for numbers without a name.
    package static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
            9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
            16: "SIGSTKFLT", 17: "SIGCHLD", 18: "SIGCONT", 19: "SIGSTOP", 20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU",
            23: "SIGURG", 24: "SIGXCPU", 25: "SIGXFSZ", 26: "SIGVTALRM", 27: "SIGPROF", 28: "SIGWINCH", 29: "SIGIO",
            30: "SIGPWR", 31: "SIGSYS",
        ]
        return names[signal] ?? "SIG\(signal)"
    }

    /// The `strerror` text of an errno value.
    package static func errorText(_ errno: Int32) -> String {
        ErrnoText.describe(errno)
    }
}

/// RUN values: 8 lowercase hex digits, unique per run.
///
/// An odd multiplier makes `seed + n * k` a bijection
/// over 32 bits, so no value repeats within 2^32 runs of one armmond.
private final class RunIdentifiers: Sendable {
    private let seed: UInt32
    private let counter = Mutex<UInt32>(0)

    init(seed: UInt32) { self.seed = seed }

    func next() -> String {
        let index = counter.withLock { value -> UInt32 in
            defer { value &+= 1 }
            return value
        }
        let hex = String(seed &+ index &* 0x9E37_79B1, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
