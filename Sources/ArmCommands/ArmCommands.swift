// Module ArmCommands.
