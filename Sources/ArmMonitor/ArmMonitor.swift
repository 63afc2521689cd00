// Module ArmMonitor.
