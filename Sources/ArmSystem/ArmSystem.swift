// Module ArmSystem: the Linux layer (Glibc only, no Foundation; STYLE §1).
//
// Live port implementations: LiveScriptRunner (ScriptRunner), UnixSocketConnector (ControlConnector),
// LiveClock (MonitorClock), FileLogSink (LogSink).
// OS helpers: DaemonLock, Directories, Accounts, Hostname, Environment, ProcStat, PeerCredentials,
// Signals, Exec, FileIO, Paths, SystemThread, monotonicNowNanoseconds(). Failures are SystemError.
