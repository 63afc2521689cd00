import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// The generated man pages render cleanly with man(1), and scripts/install lays out a prefix that works.
    @Suite struct InstallAndManPages {
        static var repository: String {
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { url.deleteLastPathComponent() }
            return url.path
        }

        @Test func everyManPageRendersWithoutWarnings() async throws {
            let scratch = try TemporaryDirectory(prefix: "arm-man")
            defer { scratch.remove() }
            var pages: [String] = []
            for section in ["man1", "man5", "man7", "man8"] {
                let folder = Self.repository + "/man/" + section
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                pages += names.sorted().map { folder + "/" + $0 }
            }
            #expect(pages.count >= 36, "man pages: \(pages.count)")
            var environment = E2E.baseEnvironment()
            environment["MANWIDTH"] = "80"
            for page in pages {
                let result = try await ChildProcess.run(
                    "/usr/bin/man",
                    ["--warnings", "-l", page],
                    environment: environment,
                    outputIn: scratch.path
                )
                #expect(result.status == 0, "\(page): \(result)")
                #expect(result.stderr.isEmpty, "\(page): \(result.stderr)")
                #expect(result.stdout.contains("NAME"), "\(page) has no NAME section")
            }
        }

        @Test func installPutsALinkPerCommandAndUninstallRemovesThem() async throws {
            let prefix = try TemporaryDirectory(prefix: "arm-prefix")
            defer { prefix.remove() }
            // --no-build: install what the test run built (debug) instead of a release build.
            let binaries = try TemporaryDirectory(prefix: "arm-bin")
            defer { binaries.remove() }
            var environment = E2E.baseEnvironment()
            environment["ARM_INSTALL_BIN_DIR"] = E2E.binDirectory
            let install = try await ChildProcess.run(
                Self.repository + "/scripts/install",
                ["--prefix", prefix.path, "--no-build", "--no-accounts", "--uppercase-aliases"],
                environment: environment,
                outputIn: binaries.path
            )
            #expect(install.status == 0, "\(install)")
            let bin = prefix.path + "/bin"
            for command in ["armload", "armgstrt", "armstat", "mdopen", "ARMLOAD"] {
                #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: bin + "/" + command)) == "armtool")
            }
            let help = try await ChildProcess.run(
                bin + "/ARMGSTRT",
                ["--help"],
                environment: environment,
                outputIn: binaries.path
            )
            #expect(help.status == 0 && help.stdout.hasPrefix("Usage: armgstrt"), "\(help)")
            #expect(FileManager.default.fileExists(atPath: prefix.path + "/share/man/man1/armload.1"))
            #expect(FileManager.default.fileExists(atPath: prefix.path + "/share/bash-completion/completions/armgstrt"))
            #expect(FileManager.default.fileExists(atPath: prefix.path + "/share/zsh/site-functions/_armtool"))
            #expect(FileManager.default.fileExists(atPath: prefix.path + "/lib/systemd/system/armmond.service"))
            // Idempotent: a second install changes nothing and succeeds.
            let again = try await ChildProcess.run(
                Self.repository + "/scripts/install",
                ["--prefix", prefix.path, "--no-build", "--no-accounts"],
                environment: environment,
                outputIn: binaries.path
            )
            #expect(again.status == 0, "\(again)")

            let uninstall = try await ChildProcess.run(
                Self.repository + "/scripts/uninstall",
                ["--prefix", prefix.path],
                environment: environment,
                outputIn: binaries.path
            )
            #expect(uninstall.status == 0, "\(uninstall)")
            let left =
                FileManager.default.enumerator(atPath: prefix.path)?.allObjects.compactMap { $0 as? String } ?? []
            let files = left.filter { path in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: prefix.path + "/" + path, isDirectory: &isDirectory)
                return !isDirectory.boolValue
                    || (try? FileManager.default.destinationOfSymbolicLink(atPath: prefix.path + "/" + path)) != nil
            }
            #expect(files.isEmpty, "left behind: \(files)")
        }
    }
}
