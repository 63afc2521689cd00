import Foundation
import Glibc
import Testing

extension EndToEnd {
    /// The generated completions (completions/) loaded into real bash, zsh and fish, as a user's shell loads
    /// them (scripts/test installs bash-completion, zsh and fish).
    @Suite struct Completions {
        static var completions: String {
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { url.deleteLastPathComponent() }
            return url.path + "/completions"
        }

        /// Runs `shell` with `arguments` (a script and its operands); a missing shell fails the test.
        static func run(_ shell: String, _ arguments: [String]) async throws -> CommandResult {
            guard access(shell, X_OK) == 0 else {
                throw RigError("\(shell) is not installed (scripts/test installs bash-completion, zsh and fish)")
            }
            let scratch = try TemporaryDirectory(prefix: "arm-completion")
            defer { scratch.remove() }
            var environment = E2E.baseEnvironment()
            environment["TERM"] = "dumb"
            return try await ChildProcess.run(
                shell,
                arguments,
                environment: environment,
                outputIn: scratch.path,
                limit: .seconds(60)
            )
        }

        @Test func bashCompletesOptionsAndValuesThroughTheRegisteredFunction() async throws {
            // bash-completion first (it provides _comp_command_offset for armload's program operand), then ours;
            // each block calls the function complete(1) registered, as readline would, and prints COMPREPLY.
            let script = """
                source /usr/share/bash-completion/bash_completion || exit 90
                source "$1/armtool.bash" || exit 91
                complete -p armload armloadc armtool
                ask() {
                    local function
                    function=$(complete -p "$1" | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')
                    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
                    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                    COMPREPLY=()
                    "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                    echo "$* => ${COMPREPLY[*]}"
                }
                ask armloadc WEB /W ""
                ask armload /AC
                ask armload /ACT ""
                ask armtool armgs
                ask armstat --js

                """
            let result = try await Self.run(
                "/bin/bash",
                ["--norc", "--noprofile", "-c", script, "bash", Self.completions]
            )
            #expect(result.status == 0, "\(result)")
            let lines = result.stdoutLines
            #expect(lines.contains("complete -F _armtool armload"), "\(result.stdout)")
            #expect(lines.contains("complete -F _armtool armloadc"), "\(result.stdout)")
            #expect(lines.contains("armloadc WEB /W  => stop start pause continue"), "\(result.stdout)")
            #expect(lines.contains("armload /AC => /ACT"), "\(result.stdout)")
            #expect(lines.contains("armload /ACT  => failover shutdown none"), "\(result.stdout)")
            #expect(lines.contains("armtool armgs => armgstrt armgstop"), "\(result.stdout)")
            #expect(lines.contains("armstat --js => --json"), "\(result.stdout)")
        }

        @Test func zshRegistersTheFunctionWithCompinitAndListsValuesOnTab() async throws {
            // compinit finds _armtool on fpath and binds it to every command (#compdef); then an interactive
            // zsh in a pseudo-terminal gets `armloadc WEB /W <TAB>` and must list the four actions. Each read
            // waits for its pattern (an event), bounded by the run's limit.
            let script = """
                fpath=("$1" $fpath)
                autoload -U compinit && compinit -u -D
                print -r -- "comps: ${_comps[armload]} ${_comps[armloadc]} ${_comps[armtool]}"
                zmodload zsh/zpty || exit 92
                zpty -b shell "zsh -f -i"
                zpty -w shell "PS1='> '; fpath=($1 \\$fpath); autoload -U compinit; compinit -u -D"
                zpty -w shell "zstyle ':completion:*' menu no; print -r -- READY\\${_comps[armloadc]}"
                zpty -r shell out '*READY_armtool*' || exit 93
                zpty -w -n shell $'armloadc WEB /W \\t'
                zpty -r shell out '*continue*pause*start*stop*' || exit 94
                print -r -- "listed: continue pause start stop"
                zpty -d shell

                """
            let result = try await Self.run("/usr/bin/zsh", ["-f", "-c", script, "zsh", Self.completions])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdoutLines.contains("comps: _armtool _armtool _armtool"), "\(result.stdout)")
            #expect(result.stdoutLines.contains("listed: continue pause start stop"), "\(result)")
        }

        @Test func fishCompletesOptionsWithDescriptionsAndValues() async throws {
            let script = """
                source $argv[1]/armtool.fish; or exit 95
                complete -C 'armload /AC'
                complete -C 'armloadc WEB /W '
                complete -C 'armstat --js'

                """
            let result = try await Self.run("/usr/bin/fish", ["--no-config", "-c", script, Self.completions])
            #expect(result.status == 0, "\(result)")
            let lines = result.stdoutLines
            #expect(
                lines.contains("/ACT\tWhat to do when restarts run out; also enables watching."),
                "\(result.stdout)"
            )
            for action in ["stop", "start", "pause", "continue"] {
                #expect(lines.contains(action), "\(result.stdout)")
            }
            #expect(lines.contains { $0.hasPrefix("--json") }, "\(result.stdout)")
        }
    }
}
