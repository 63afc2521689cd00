import ArmCore
import Synchronization

/// A `LogSink` that keeps every line in memory, per file, and can wake a test when a line arrives.
package final class InMemoryLogSink: LogSink {
    private struct Watcher {
        var file: LogFile
        var predicate: @Sendable (String) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct CountWatcher {
        var file: LogFile
        var count: Int
        var predicate: @Sendable (String) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var lines: [LogFile: [String]] = [:]
        var watchers: [Watcher] = []
        var countWatchers: [CountWatcher] = []
    }

    private let state = Mutex(State())

    /// Creates an empty sink.
    package init() {}

    /// Records a line.
    package func append(_ line: String, to file: LogFile) {
        let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.lines[file, default: []].append(line)
            var ready: [CheckedContinuation<Void, Never>] = []
            state.watchers.removeAll { watcher in
                guard watcher.file == file, watcher.predicate(line) else { return false }
                ready.append(watcher.continuation)
                return true
            }
            let lines = state.lines[file] ?? []
            state.countWatchers.removeAll { watcher in
                guard watcher.file == file, lines.count(where: watcher.predicate) >= watcher.count else { return false }
                ready.append(watcher.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// The lines written to a file, oldest first.
    package func lines(_ file: LogFile) -> [String] { state.withLock { $0.lines[file] ?? [] } }

    /// The TAB-separated fields of each line of a file.
    package func records(_ file: LogFile) -> [[String]] {
        lines(file).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Suspends until a line of `file` satisfies `predicate` (lines already written count).
    package func waitForLine(in file: LogFile, where predicate: @escaping @Sendable (String) -> Bool) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let found = state.withLock { state -> Bool in
                    if (state.lines[file] ?? []).contains(where: predicate) { return true }
                    state.watchers.append(Watcher(file: file, predicate: predicate, continuation: continuation))
                    return false
                }
                if found { continuation.resume() }
            }
        }
    }

    /// Suspends until at least `count` lines of `file` satisfy `predicate` (lines already written count).
    package func waitForLines(
        in file: LogFile,
        count: Int,
        where predicate: @escaping @Sendable (String) -> Bool
    ) async {
        await untilCancelled { [self] in
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let found = state.withLock { state -> Bool in
                    if (state.lines[file] ?? []).count(where: predicate) >= count { return true }
                    state.countWatchers.append(
                        CountWatcher(file: file, count: count, predicate: predicate, continuation: continuation)
                    )
                    return false
                }
                if found { continuation.resume() }
            }
        }
    }
}
