// armtool: the multi-call binary of every ARM command (commands.md 1.1). No Foundation here (startup cost).
import ArmCommands
import ArmSystem

CurrentProcess.exit(CommandRunner.run(arguments: CommandLine.arguments, system: .live()))
