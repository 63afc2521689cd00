// Module ArmSystem: the Linux layer (Glibc only, no Foundation; STYLE §1).
//
// Live port implementations: LiveScriptRunner (ScriptRunner), UnixSocketConnector (ControlConnector),
// LiveClock (MonitorClock), FileLogSink (LogSink), LiveProgramLauncher (ProgramLauncher), LivePowerControl
// (PowerControl). Scripts and programs share one spawner and one epoll watcher thread (ProcessWatcher,
// stopped with the daemon). SyncProgram runs `armload /W` in the front end.
// Process creation is C (CArmSpawn: clone(CLONE_VM|CLONE_VFORK), async-signal-safe child).
// OS helpers: DaemonLock, Directories, Accounts, Hostname, Environment, ProcStat, PeerCredentials,
// Signals, Exec, FileIO, Paths, SystemThread, CurrentProcess, SystemdNotify, BackgroundStart,
// unixSocketAccepts(), monotonicNowNanoseconds(). Failures are SystemError. The executables and ArmMonitor's
// Live/ call these instead of Glibc (ArmCore's ErrnoText gives errno texts without the C library).
