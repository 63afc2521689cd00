// armtool: the multi-call binary of every ARM command (commands.md 1.1). No Foundation here (startup cost).
import ArmCommands
import Glibc

exit(CommandRunner.run(arguments: CommandLine.arguments, system: .live()))
