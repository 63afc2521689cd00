// Module ArmClient.
