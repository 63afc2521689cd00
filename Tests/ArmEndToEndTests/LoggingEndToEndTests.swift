import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// armmond's own diagnostics reach the journal: stderr in the foreground (docs/daemon.md "Logs").
    @Suite struct JournalLogging {
        @Test func aControlSocketFailureIsLoggedOnStderrWithSlashF() async throws {
            try await withMonitor(startingMonitor: false) { rig in
                // A directory where the socket goes: the bind fails after start-up has begun.
                try FileManager.default.createDirectory(
                    atPath: rig.path + "/run/armcluster/armmond.sock",
                    withIntermediateDirectories: true
                )
                let result = try await ChildProcess.run(
                    E2E.armmond,
                    ["/F"],
                    environment: rig.environment(),
                    outputIn: rig.scratch,
                    limit: .seconds(30)
                )
                #expect(result.status == 1, "\(result)")
                let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("armmond error: ") }
                #expect(errorLines.count == 1, "\(result.stderr)")
                #expect(errorLines.first?.contains("armmond: control socket ") ?? false, "\(result.stderr)")
                // The seed line still goes to its file (and, with /F, to stderr once).
                #expect(result.stderr.contains("MON-004"), "\(result.stderr)")
            }
        }
    }
}
