// Module ArmProtocol.
