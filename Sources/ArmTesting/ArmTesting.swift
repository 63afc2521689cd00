// Module ArmTesting.
