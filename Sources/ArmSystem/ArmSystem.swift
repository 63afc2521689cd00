// Module ArmSystem.
