// Module ArmCore.
