import ArmCore
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The ports armmond acts through: live ones from the executable, fakes from tests (STYLE §2.5).
package struct MonitorDependencies: Sendable {
    /// Runs group scripts and exec resources.
    package var scriptRunner: any ScriptRunner
    /// Appends log lines.
    package var logSink: any LogSink
    /// The monitor's time.
    package var clock: any MonitorClock
    /// `state.sqlite`.
    package var stateStore: any StateStore
    /// Starts, re-attaches and signals ARMLOAD programs.
    package var programLauncher: any ProgramLauncher
    /// The shutdown of ARMLOAD action 3.
    package var powerControl: any PowerControl
    /// Finds an `armload` program in the caller's `PATH` as `execvp` does (a name with `/` is taken as is).
    package var resolveExecutable: @Sendable (_ name: String, _ searchPath: String) -> Result<String, LaunchError>

    /// Creates the set of ports.
    package init(
        scriptRunner: any ScriptRunner,
        logSink: any LogSink,
        clock: any MonitorClock,
        stateStore: any StateStore,
        programLauncher: any ProgramLauncher,
        powerControl: any PowerControl,
        resolveExecutable: @escaping @Sendable (_ name: String, _ searchPath: String) -> Result<String, LaunchError>
    ) {
        self.scriptRunner = scriptRunner
        self.logSink = logSink
        self.clock = clock
        self.stateStore = stateStore
        self.programLauncher = programLauncher
        self.powerControl = powerControl
        self.resolveExecutable = resolveExecutable
    }
}

/// What the executable decided before the runtime starts: settings and groups from `cluster.toml`, the
/// paths, and the hooks that reach outside (systemd readiness, log reopening).
package struct MonitorRuntimeConfiguration: Sendable {
    /// Cluster, server and log settings.
    package var settings: MonitorSettings
    /// The groups, in definition order.
    package var groups: [GroupDefinition]
    /// Product paths under `ARM_ROOT`.
    package var paths: ArmPaths
    /// armmond's PID (the PID column of MONITOR lines).
    package var monitorPID: Int32
    /// The `armadm` gid: group owner of the socket; nil leaves the socket root's.
    package var socketGroupID: UInt32?
    /// Who may make mutating requests (default: `AdminCheck.make(adminGroupID: socketGroupID)`).
    package var isAdmin: @Sendable (PeerCredentials) -> Bool
    /// The `armcfg show` text: effective configuration, or pending changes (`true`); nil when none.
    package var configurationText: @Sendable (_ pending: Bool) -> String?
    /// Called once the socket listens, MONITOR-01 is written and the auto-start groups were asked to start
    /// (`sd_notify READY=1`).
    package var onReady: @Sendable () -> Void
    /// Called on SIGHUP (reopen the log files).
    package var onHangup: @Sendable () -> Void
    /// The journal logger (swift-log; `main` bootstraps it).
    package var logger: Logger
    /// Seed of armscr.log RUN values; nil = random.
    package var runIDSeed: UInt32?
    /// PID 1 is systemd (`/run/systemd/system` exists): `armload /S` may name a unit.
    package var systemdAvailable: Bool

    /// Creates a configuration.
    package init(
        settings: MonitorSettings,
        groups: [GroupDefinition],
        paths: ArmPaths,
        monitorPID: Int32,
        socketGroupID: UInt32? = nil,
        isAdmin: (@Sendable (PeerCredentials) -> Bool)? = nil,
        configurationText: @escaping @Sendable (_ pending: Bool) -> String? = { _ in nil },
        onReady: @escaping @Sendable () -> Void = {},
        onHangup: @escaping @Sendable () -> Void = {},
        logger: Logger = Logger(label: "armmond"),
        runIDSeed: UInt32? = nil,
        systemdAvailable: Bool = false
    ) {
        self.settings = settings
        self.groups = groups
        self.paths = paths
        self.monitorPID = monitorPID
        self.socketGroupID = socketGroupID
        self.isAdmin = isAdmin ?? AdminCheck.make(adminGroupID: socketGroupID)
        self.configurationText = configurationText
        self.onReady = onReady
        self.onHangup = onHangup
        self.logger = logger
        self.runIDSeed = runIDSeed
        self.systemdAvailable = systemdAvailable
    }
}

/// armmond's runtime for a single-server cluster (commands.md 2.32).
///
/// Recovery, control socket, groups, logs and lifecycle, composed with swift-service-lifecycle. SIGTERM/SIGINT stop the groups in reverse
/// order (`SERVERSHUTDOWN`) and end with exit 0; SIGHUP calls `onHangup`.
///
/// The executable takes the single-instance lock, loads the configuration, opens the state store and then
/// calls `MonitorDaemon.run(configuration:dependencies:)`.
package final class MonitorDaemon: Sendable {
    private let configuration: MonitorRuntimeConfiguration
    private let dependencies: MonitorDependencies
    private let serviceGroup = Mutex<ServiceGroup?>(nil)
    private let shutdownRequested = Mutex(false)

    /// Creates a daemon; nothing happens until `run()`.
    package init(configuration: MonitorRuntimeConfiguration, dependencies: MonitorDependencies) {
        self.configuration = configuration
        self.dependencies = dependencies
    }

    /// Creates and runs a daemon until SIGTERM/SIGINT.
    /// - Returns: `.success` after a clean stop; `.failed` when start-up failed (state database, socket).
    package static func run(
        configuration: MonitorRuntimeConfiguration,
        dependencies: MonitorDependencies
    ) async -> ExitStatus {
        await MonitorDaemon(configuration: configuration, dependencies: dependencies).run()
    }

    /// Starts armmond and runs it until a graceful shutdown (signal or `shutdown()`).
    package func run() async -> ExitStatus {
        let settings = configuration.settings
        let log = MonitorLog(
            sink: dependencies.logSink,
            clock: dependencies.clock,
            serverName: settings.serverName,
            language: settings.language,
            utc: settings.utcTimestamps,
            monitorPID: configuration.monitorPID,
            traceLevel: settings.logLevel
        )
        log.server(CatalogMessage(.mon001, ["armmond", .string(ArmVersion.string)]))
        log.server(CatalogMessage(.mon002))

        let manager = GroupManager(
            settings: settings,
            groups: configuration.groups,
            paths: configuration.paths,
            runner: dependencies.scriptRunner,
            log: log,
            clock: dependencies.clock,
            store: dependencies.stateStore,
            runIDSeed: configuration.runIDSeed ?? UInt32.random(in: 0...UInt32.max)
        )
        let supervisor = ArmloadSupervisor(
            settings: settings,
            paths: configuration.paths,
            launcher: dependencies.programLauncher,
            scriptRunner: dependencies.scriptRunner,
            powerControl: dependencies.powerControl,
            log: log,
            clock: dependencies.clock,
            store: dependencies.stateStore,
            groups: .manager(manager),
            resolveExecutable: dependencies.resolveExecutable,
            systemdAvailable: configuration.systemdAvailable,
            runIDSeed: configuration.runIDSeed.map { $0 &+ 0x5bd1_e995 } ?? UInt32.random(in: 0...UInt32.max)
        )
        await manager.setWatchCleanup { group, factor in await supervisor.stopAll(group: group, factor: factor) }
        let power = dependencies.powerControl
        await manager.setScriptTimeoutAction { reason in await power.shutdown(reboot: false, reason: reason) }
        do {
            let report = try await manager.prepare()
            // config-and-files §3.2: ARMLOAD rows re-attach only after an unclean stop of a single-server cluster.
            await supervisor.recover(reattach: report.uncleanStop && settings.servers.count == 1)
        } catch {
            if case .unsupportedSchema = error { log.event(CatalogMessage(.event2, ["ArmCluster"])) }
            log.trace(level: 1, module: "MON", "state database: \(error)")
            log.server(CatalogMessage(.mon004))
            configuration.logger.error("armmond: state database: \(error)")
            return .failed
        }

        let handler = RequestHandler(
            manager: manager,
            log: log,
            settings: settings,
            configurationText: configuration.configurationText,
            supervisor: supervisor
        )
        let server: ControlServer
        do {
            server = try await ControlServer.listen(
                configuration: ControlServer.Configuration(
                    path: configuration.paths.socket,
                    permissions: settings.socketMode.permissions,
                    groupID: configuration.socketGroupID
                ),
                handler: handler,
                isAdmin: configuration.isAdmin
            )
        } catch {
            await manager.abandonStart()
            log.trace(level: 1, module: "MON", "control socket \(configuration.paths.socket): \(error)")
            log.server(CatalogMessage(.mon004))
            configuration.logger.error("armmond: control socket \(configuration.paths.socket): \(error)")
            return .failed
        }

        // commands.md 2.32: listen on the socket, log MONITOR-01, then join (here: recover and auto-start).
        log.server(CatalogMessage(.stc001))
        log.server(CatalogMessage(.stc002, [.string(settings.clusterName)]))
        log.server(CatalogMessage(.stc004, [.string(settings.serverName)]))
        log.arm(CatalogMessage(.monitor01))
        log.server(CatalogMessage(.mon003))
        log.event(CatalogMessage(.event1100))

        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: ControlService(server: server)),
                    .init(service: HangupService(onHangup: configuration.onHangup)),
                    .init(
                        service: GroupService(
                            manager: manager,
                            supervisor: supervisor,
                            onStarted: configuration.onReady
                        )
                    ),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: configuration.logger
            )
        )
        serviceGroup.withLock { $0 = group }
        if shutdownRequested.withLock({ $0 }) { await group.triggerGracefulShutdown() }
        do {
            try await group.run()
        } catch {
            configuration.logger.error("armmond: \(error)")
            return .failed
        }
        return .success
    }

    /// Stops as on SIGTERM: groups stop in reverse order, then `run()` returns `.success`.
    package func shutdown() async {
        let group = serviceGroup.withLock { group -> ServiceGroup? in
            if group == nil { shutdownRequested.withLock { $0 = true } }
            return group
        }
        await group?.triggerGracefulShutdown()
    }
}

/// The control socket as a service: serves until graceful shutdown, then closes.
private struct ControlService: Service {
    let server: ControlServer

    func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await server.serve()
            } onGracefulShutdown: {
                server.close()
            }
        } onCancel: {
            server.close()
        }
    }
}

/// SIGHUP: reopen the logs (config-and-files §4.1).
private struct HangupService: Service {
    let onHangup: @Sendable () -> Void

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            onHangup()
        }
    }
}

/// The groups as a service: runs the manager and the ARMLOAD supervisor, auto-starts, and on graceful
/// shutdown stops every group in reverse order (which stops their WIDs) and records the clean stop
/// (`run_state = stopped-armmond`).
private struct GroupService: Service {
    let manager: GroupManager
    let supervisor: ArmloadSupervisor
    let onStarted: @Sendable () -> Void

    func run() async throws {
        await withDiscardingTaskGroup { tasks in
            tasks.addTask { await manager.run() }
            tasks.addTask { await supervisor.run() }
            await manager.autoStart()
            onStarted()
            do {
                try await gracefulShutdown()
                await manager.stopAll()
                try? await manager.markCleanExit()
            } catch {
                // Cancelled without a graceful shutdown: leave run_state = running, as after a crash.
            }
            manager.finish()
            supervisor.finish()
        }
    }
}
