// armmond: the node monitor daemon (commands.md 2.32). Composition root: parses its options, loads and
// checks cluster.toml, takes the single-instance lock and runs MonitorDaemon with the live ports.
import ArmConfig
import ArmCore
import ArmMonitor
import ArmSystem
import Logging

let arguments = CommandLine.arguments
let environment = Environment.current()
let spec = CommandSpec.armmond

func fail(_ text: String, _ status: ExitStatus) -> Never {
    writeText(2, "armmond: \(text)\n")
    CurrentProcess.exit(status.rawValue)
}

/// A usage error: the invalid-parameter line and `Try 'armmond --help'.` (commands.md 1.2), exit 2.
func usageFail(_ error: UsageError) -> Never {
    let message = CatalogMessage(MessageCatalog.invalidParameter(prefix: spec.messagePrefix), detail: error.detail)
    writeText(2, message.stderrLine(command: "armmond", language: .from(environment: environment)) + "\n")
    writeText(2, "Try 'armmond --help'.\n")
    CurrentProcess.exit(ExitStatus.usage.rawValue)
}

let parsed: ParsedArguments
do {
    parsed = try OptionParser.parse(Array(arguments.dropFirst()), for: spec)
} catch {
    usageFail(error)
}
if parsed.wantsHelp {
    writeText(1, HelpRenderer.usage(spec))
    CurrentProcess.exit(0)
}
if parsed.wantsVersion {
    writeText(1, "armmond (ArmCluster) \(ArmVersion.string)\n")
    CurrentProcess.exit(0)
}

let root = parsed.value("ROOT") ?? environment["ARM_ROOT"] ?? ""
guard root.isEmpty || root.hasPrefix("/") else { fail("ARM_ROOT must be an absolute path (\(root))", .config) }
let paths = ArmPaths(root: root)
let configPath = parsed.value("C").map { paths.relocate($0) } ?? paths.configFile

// /STOP [seconds]: SIGTERM to the armmond of this ARM_ROOT, then wait (commands.md 2.32).
if let seconds = parsed.operands.first {
    guard parsed.flag("STOP") else { usageFail(.other("seconds is an operand of /STOP only")) }
    guard seconds.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(seconds),
        (0...3600).contains(value)
    else {
        usageFail(.invalidOperand(name: "seconds", value: seconds, reason: "expected 0-3600"))
    }
}
if parsed.flag("STOP") {
    let seconds = parsed.operands.first.flatMap { Int($0) } ?? 60
    switch DaemonLock.stopHolder(lockPath: paths.lock, pidPath: paths.pidFile, waitSeconds: seconds) {
    case .stopped:
        CurrentProcess.exit(ExitStatus.success.rawValue)
    case .notRunning:
        fail("not running here (no armmond holds \(paths.lock))", .monitorUnreachable)
    case .stillRunning(let pid):
        fail("still running (pid \(pid.map(String.init) ?? "unknown")) after \(seconds) s", .timeout)
    case .failed(let error):
        fail("cannot stop it (\(error.detail))", error.isPermissionDenied ? .permissionDenied : .failed)
    }
}

// /CHECK: the shared validator (ArmConfig, as `armcfg check` runs it) plus this server's files (V25, V27).
if parsed.flag("CHECK") {
    let result = ConfigCheck.run(
        path: configPath,
        displayPath: configPath,
        json: false,
        armRoot: paths.root,
        localServer: parsed.value("SERVER") ?? environment["ARM_SERVER"] ?? Hostname.short(),
        checkScripts: true,
        files: .live
    )
    writeText(1, result.output)
    writeText(2, result.errors)
    CurrentProcess.exit(result.status)
}

guard CurrentProcess.isRoot else { fail("must be run as root", .permissionDenied) }

// Load and check the configuration before anything else: exit 10 keeps systemd from restarting it.
let loaded = ConfigLoader.load(path: configPath, displayPath: configPath)
let report = ConfigFindings.checkOutput(loaded.findings, json: false)
writeText(2, report.errors)
guard let config = loaded.config, !loaded.hasErrors else { CurrentProcess.exit(ExitStatus.config.rawValue) }

// Local identity (config-and-files §1.1).
let requestedName = parsed.value("SERVER") ?? environment["ARM_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
let localServer: ServerConfig
switch ServerIdentity.pick(requested: requestedName, hostname: Hostname.short(), servers: config.servers.map(\.name)) {
case .server(let name):
    guard let server = config.localServer(named: name) else { fail("cluster.toml: no [[server]] \(name)", .config) }
    localServer = server
case .unknownRequest(let name):
    fail("cluster.toml: this host matches no [[server]] entry (\(name))", .config)
case .noMatch:
    fail("cluster.toml: this host matches no [[server]] entry", .config)
}
guard config.isSingleServer else {
    fail("clusters of more than one server need the membership layer, which is not built yet", .failed)
}

// V25 at start (issue 8 item 5): this server's scripts, reported as warnings on the caller's stderr. They do
// not stop the daemon, so one group's bad script does not take the others down; a script others can write is
// refused when it is about to run (ScriptExecution), and a missing one fails its start.
let scriptFindings = LocalConfigChecks.scripts(
    config: config,
    tree: loaded.tree,
    armRoot: paths.root,
    localServer: localServer.name,
    file: configPath,
    files: .live
)
writeText(
    2,
    ConfigFindings.renderText(
        scriptFindings.map { ConfigFinding(file: $0.file, at: $0.position, severity: .warning, message: $0.message) }
    )
)

// Without /F (and outside systemd's Type=notify) run in the background: a child in its own session.
if !parsed.flag("F") && environment["NOTIFY_SOCKET"] == nil {
    // Refuse here, where stderr is still the caller's, when another armmond holds the lock.
    if case .alreadyRunning(let pid) = DaemonLock.probe(lockPath: paths.lock, pidPath: paths.pidFile) {
        fail("already running (pid \(pid.map(String.init) ?? "unknown"))", .busy)
    }
    CurrentProcess.exit(
        Background.start(arguments: arguments + ["/F"], environment: environment, socketPath: paths.socket)
    )
}

let adminGID = (try? Accounts.adminGroupID()) ?? 0
let socketMode = config.cluster.socketMode == .everyone ? MonitorSettings.SocketMode.everyone : .ownerAndGroup
do {
    try Directories.ensure(path: paths.etc, mode: 0o750, uid: 0, gid: adminGID)
    try Directories.ensure(path: paths.lib, mode: 0o711, uid: 0, gid: 0)
    try Directories.ensure(path: paths.logs, mode: 0o750, uid: 0, gid: adminGID)
    try Directories.ensure(path: paths.logs + "/armload", mode: 0o750, uid: 0, gid: adminGID)
    try Directories.ensure(path: paths.run, mode: socketMode == .everyone ? 0o755 : 0o750, uid: 0, gid: adminGID)
    try Directories.ensure(path: paths.commandLocks, mode: 0o770, uid: 0, gid: adminGID)
    // armload /WAIT binds each program's NOTIFY_SOCKET here (LiveProgramLauncher needs the directory).
    try Directories.ensure(path: paths.run + "/notify", mode: 0o711, uid: 0, gid: 0)
} catch {
    fail(error.detail, .failed)
}

let lock: DaemonLock
do {
    lock = try DaemonLock.acquire(lockPath: paths.lock, pidPath: paths.pidFile)
} catch {
    if case .alreadyRunning(let pid) = error {
        fail("already running (pid \(pid.map(String.init) ?? "unknown"))", .busy)
    }
    fail(error.detail, .failed)
}

// startup-delay (commands.md 2.25), unless /NODELAY.
if !parsed.flag("NODELAY"), let text = try? FileIO.readText(path: paths.startupDelay),
    let seconds = Int(text.filter { !$0.isWhitespace }), (1...3600).contains(seconds)
{
    CurrentProcess.sleep(for: .seconds(seconds))
}

let clock = LiveClock()
let fileSink = FileLogSink(
    directory: paths.logs,
    lockPath: paths.logRotateLock,
    rotations: config.log.rotations,
    rotationMode: config.log.rotation == .external ? .external : .internal
)
let foreground = parsed.flag("F") && environment["NOTIFY_SOCKET"] == nil
// The journal (STYLE §3 "Logging"): syslog when /dev/log exists; stderr in the foreground, where /F also copies
// every seed line to stderr (TeeLogSink), so the stderr journal takes only untagged events.
let syslog = SyslogSink(ident: "armmond")
let syslogMode: JournalMirrorSink.Mode =
    switch config.log.syslog {
    case .none: .none
    case .events: .events
    case .all: .all
    }
let seedFiles: any LogSink = foreground ? TeeLogSink(fileSink) : fileSink
let sink: any LogSink = syslog.map { JournalMirrorSink(files: seedFiles, journal: $0, mode: syslogMode) } ?? seedFiles
let journals: [any JournalSink] =
    (foreground ? [StandardErrorJournal(prefix: "")] : []) + (syslog.map { [$0] } ?? [])
let language: Language = config.log.language == .ja ? .ja : .en
let monitorLog = MonitorLog(
    sink: sink,
    clock: clock,
    serverName: localServer.name,
    language: language,
    utc: config.log.utc,
    monitorPID: CurrentProcess.id,
    traceLevel: config.log.level
)
let journalLevel = JournalLogHandler.level(traceLevel: config.log.level)
LoggingSystem.bootstrap { label in
    DaemonLogging.handler(label: label, log: monitorLog, journals: journals, level: journalLevel)
}

let store: GRDBStateStore
do {
    store = try GRDBStateStore.open(path: paths.stateDatabase)
} catch {
    monitorLog.event(CatalogMessage(.event2, ["ArmCluster"]))
    fail("state database \(paths.stateDatabase): \(error)", .failed)
}

let hash = loaded.hash ?? ""
let settings = MonitorSettings(
    clusterName: config.cluster.name,
    serverName: localServer.name,
    servers: config.servers.map(\.name),
    partitionMethod: config.partition.method.rawValue,
    configHash: loaded.hash,
    language: language,
    logLevel: config.log.level,
    utcTimestamps: config.log.utc,
    socketMode: socketMode,
    scriptOutputLines: config.log.scriptOutputLines,
    logRotation: config.log.rotations,
    armtoolDirectory: (try? Paths.executableDirectory()) ?? "/usr/local/bin",
    armload: config.armload,
    services: config.services
)
let configuration = MonitorRuntimeConfiguration(
    settings: settings,
    groups: config.groupDefinitions(scriptsRoot: paths.scripts, armRoot: paths.root),
    paths: paths,
    monitorPID: CurrentProcess.id,
    socketGroupID: adminGID,
    configurationText: { pending in
        pending ? "# no changes wait for a restart\n" : EffectiveConfigRenderer.render(config, hash: hash)
    },
    onReady: {
        SystemdNotify.ready(environment: environment)
        StartupPages.release()  // the idle daemon keeps resident only the code it runs again
    },
    onHangup: { fileSink.reopen() },
    logger: Logger(label: "armmond"),
    systemdAvailable: FileIO.exists(path: "/run/systemd/system")
)
let dependencies = MonitorDependencies(
    scriptRunner: LiveScriptRunner(),
    logSink: sink,
    clock: clock,
    stateStore: store,
    programLauncher: LiveProgramLauncher(),
    powerControl: LivePowerControl(
        isTestRig: paths.isTestRig,
        shutdownAction: config.cluster.shutdownAction.rawValue,
        log: { text in monitorLog.trace(level: 1, module: "MON", text) }
    ),
    resolveExecutable: { name, searchPath in
        Exec.resolve(name, searchPath: searchPath.isEmpty ? "/usr/bin:/bin" : searchPath)
    }
)
let status = await MonitorDaemon.run(configuration: configuration, dependencies: dependencies)
// The one watcher thread of scripts and programs ends with the daemon (programs keep running).
ProcessWatcher.shared.stop()
lock.release()
CurrentProcess.exit(status.rawValue)
