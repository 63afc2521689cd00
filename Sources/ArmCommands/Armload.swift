import ArmClient
import ArmCore
import ArmProtocol

/// ARMLOAD: start a program or service under a watch ID; armmond supervises it (commands.md 2.1).
///
/// With `/W` the command runs the program itself in the foreground and exits with its status.
enum Armload: Command {
    /// The checked command line (commands.md 2.1 synopsis).
    struct Arguments: Sendable {
        /// WID.
        var wid: String
        /// `/W`: run the program here, synchronously.
        var isSync: Bool
        /// `/S`: the service form.
        var isService: Bool
        /// `/A`: adopt a running service.
        var attach: Bool
        /// exec-name and its parameters, or service-name.
        var program: [String]
        /// `/R`.
        var retry: Int?
        /// `/H`.
        var hours: Int?
        /// `/SCR`.
        var scriptRestart: Bool
        /// `/ACT`.
        var finalAction: String?
        /// `/WAIT`.
        var startTimeout: Int?
        /// `/INT`.
        var interval: Int?
        /// `/U`.
        var user: String?
    }

    static var spec: CommandSpec { .armload }

    /// A refusal; every failure before a `/W` program runs exits 125, DETAIL `status=N` (commands.md 1.5).
    static func refuse(_ message: CatalogMessage, isSync: Bool) -> CommandOutcome {
        guard isSync else {
            return CommandOutcome(exitCode: message.status.rawValue, message: message, log: .record(message))
        }
        let wrapped = CatalogMessage(
            message.entry,
            message.arguments,
            detail: [message.detail, "status=\(message.status.rawValue)"].compactMap { $0 }.joined(separator: "; "),
            statusOverride: .wrapFailed
        )
        return CommandOutcome(exitCode: ExitStatus.wrapFailed.rawValue, message: wrapped, log: .record(wrapped))
    }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let isSync = parsed.flag("W")
        let wid = parsed.operands.first ?? ""
        func usage(_ detail: String) -> Rejection {
            Rejection(refuse(CatalogMessage(.armload03, detail: detail), isSync: isSync))
        }

        // WID rules (commands.md 1.8, config-and-files N6), the same check armmond makes.
        switch WatchID.problem(wid) {
        case .tooLong?:
            let message = CatalogMessage(.armload05, [.string(wid)], detail: WatchID.Problem.tooLong.detail)
            throw Rejection(refuse(message, isSync: isSync))
        case .invalid(let rule)?:
            let message = CatalogMessage(.armload02, [.string(wid)], detail: rule, statusOverride: .usage)
            throw Rejection(refuse(message, isSync: isSync))
        case nil:
            break
        }
        // Option combinations the table cannot express (commands.md 2.1 synopsis).
        let serviceForm = parsed.flag("S")
        if isSync, let other = ["S", "A", "R", "H", "SCR", "ACT", "WAIT", "INT"].first(where: parsed.has) {
            throw usage("/W cannot be combined with /\(other)")
        }
        if !parsed.has("R"), let other = ["H", "SCR"].first(where: parsed.has) {
            throw usage("/\(other) needs /R")
        }
        if !serviceForm, let other = ["A", "INT"].first(where: parsed.has) {
            throw usage("/\(other) needs /S")
        }
        if serviceForm && parsed.has("U") { throw usage("/U is for the program form only") }
        guard !parsed.tail.isEmpty else { throw usage(serviceForm ? "missing service-name" : "missing exec-name") }
        if serviceForm && parsed.tail.count > 1 { throw usage("a service takes no parameters") }
        return Arguments(
            wid: wid,
            isSync: isSync,
            isService: serviceForm,
            attach: parsed.flag("A"),
            program: parsed.tail,
            retry: parsed.integer("R"),
            hours: parsed.integer("H"),
            scriptRestart: parsed.flag("SCR"),
            finalAction: parsed.value("ACT"),
            startTimeout: parsed.integer("WAIT"),
            interval: parsed.integer("INT"),
            user: parsed.value("U")
        )
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        let wid = arguments.wid
        let isSync = arguments.isSync
        let serviceForm = arguments.isService
        func refuse(_ message: CatalogMessage) -> CommandOutcome { Self.refuse(message, isSync: isSync) }

        let environment = context.system.environment
        guard
            let group = [environment["ARMS_GROUP"], environment["CLP_GROUPNAME"]].compactMap({ $0 }).first(where: {
                !$0.isEmpty
            })
        else {
            return refuse(
                CatalogMessage(
                    .armload15,
                    [.string(wid)],
                    detail: "ARMS_GROUP is not set: run armload from a group script"
                )
            )
        }
        let request = ArmloadStartRequest(
            wid: wid,
            group: group,
            arguments: arguments.program,
            searchPath: environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            environment: environment,
            workingDirectory: context.system.currentDirectory(),
            retry: arguments.retry,
            hours: arguments.hours,
            scriptRestart: arguments.scriptRestart,
            finalAction: arguments.finalAction,
            startTimeout: arguments.startTimeout,
            interval: arguments.interval,
            user: arguments.user,
            isService: serviceForm,
            attach: arguments.attach,
            isSync: isSync
        )
        // The answer comes after the start (and its readiness wait): the wait plus 10 s (commands.md 1.4).
        let wait = request.startTimeout ?? (serviceForm ? 60 : 0)
        let deadline = (wait + 30) * 1000
        let response: ControlResponse
        switch context.send(.armloadStart(request), deadlineMilliseconds: deadline) {
        case .success(let answer): response = answer
        case .failure(let error):
            let outcome = context.failure(error, extra: [])
            guard let message = outcome.message else { return outcome }
            var wrapped = refuse(
                CatalogMessage(
                    .armload07,
                    [.string(wid), .int(error.step), .int(error.code)],
                    detail: message.detail,
                    statusOverride: error.status
                )
            )
            wrapped.log = error.isUnreachable ? .local(wrapped.message ?? message) : .none
            return wrapped
        }
        guard isSync else { return context.outcome(of: response) }
        guard response.status == .success else {
            var outcome = context.outcome(of: response)
            if let message = outcome.message {
                outcome = refuse(message)
                outcome.log = .none  // armmond logged the refusal
            }
            return outcome
        }
        return runSync(request, context: context)
    }

    /// `/W`: run the program here with our stdio and report its end to armmond (docs/decisions.md D8).
    static func runSync(_ request: ArmloadStartRequest, context: CommandContext) -> CommandOutcome {
        let system = context.system
        let name = request.arguments[0]
        func ended(status: Int32?, signal: Int32?) {
            _ = context.send(.armloadEnded(wid: request.wid, status: status, signal: signal))
        }
        let path: String
        switch system.resolveExecutable(name, request.searchPath) {
        case .success(let found): path = found
        case .failure(let error):
            ended(status: error.errno == 2 ? 127 : 126, signal: nil)
            let code: ExitStatus = error.errno == 2 ? .noProgram : .notExecutable
            let message = CatalogMessage(
                .armload11,
                [.string(request.wid), .int(Int(error.errno))],
                detail: name,
                statusOverride: code
            )
            return CommandOutcome(exitCode: code.rawValue, message: message, log: .record(message))
        }
        var user: ProgramUser?
        if let account = request.user {
            guard let found = system.lookupUser(AccountName.resolve(account)) else {
                ended(status: 125, signal: nil)
                let message = CatalogMessage(
                    .armload22,
                    [.string(request.wid), .string(account), .int(2)],
                    detail: "status=5",
                    statusOverride: .wrapFailed
                )
                return CommandOutcome(exitCode: ExitStatus.wrapFailed.rawValue, message: message, log: .record(message))
            }
            user = found
        }
        var environment = request.environment
        if let user {
            environment["HOME"] = user.home
            environment["USER"] = user.name
            environment["LOGNAME"] = user.name
            environment["SHELL"] = user.shell
        }
        let spec = ProgramSpec(
            path: path,
            arguments: request.arguments,
            environment: environment,
            workingDirectory: request.workingDirectory,
            user: user
        )
        switch system.runSynchronously(spec) {
        case .success(.exited(let status)):
            ended(status: status, signal: nil)
            return CommandOutcome(exitCode: status)
        case .success(.signaled(let signal)):
            ended(status: nil, signal: signal)
            return CommandOutcome(exitCode: 128 + signal)
        case .success(.unknown):
            ended(status: nil, signal: nil)
            return CommandOutcome(exitCode: ExitStatus.failed.rawValue)
        case .failure(let error):
            let code: ExitStatus =
                switch error {
                case .notFound: .noProgram
                case .notExecutable: .notExecutable
                case .userSwitchFailed, .spawnFailed: .wrapFailed
                }
            ended(status: code.rawValue, signal: nil)
            let entry: CatalogEntry = if case .userSwitchFailed = error { .armload10 } else { .armload11 }
            let arguments: [FormatArgument] =
                if case .userSwitchFailed = error {
                    [.string(request.wid), .string(request.user ?? ""), .int(Int(error.errno))]
                } else {
                    [.string(request.wid), .int(Int(error.errno))]
                }
            let message = CatalogMessage(entry, arguments, detail: name, statusOverride: code)
            return CommandOutcome(exitCode: code.rawValue, message: message, log: .record(message))
        }
    }
}

/// ARMKILL: stop a program started by armload and release its WID (commands.md 2.2).
enum Armkill: Command {
    /// The WID and `/WAIT`.
    struct Arguments: Sendable {
        var wid: String
        var waitSeconds: Int?
    }

    static var spec: CommandSpec { .armkill }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let wid = parsed.operands.first ?? ""
        if WatchID.problem(wid) != nil {
            throw .usage(CatalogMessage(.armkill02, [.string(wid)], detail: "invalid WID", statusOverride: .usage))
        }
        return Arguments(wid: wid, waitSeconds: parsed.integer("WAIT"))
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        let wid = arguments.wid
        let wait = arguments.waitSeconds
        // SIGTERM, the wait, SIGKILL and 5 s more (commands.md 2.2), plus the usual 10 s.
        let deadline = ((wait ?? 30) + 20) * 1000
        switch context.send(.armloadKill(wid: wid, waitSeconds: wait), deadlineMilliseconds: deadline) {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error):
            let message = CatalogMessage(
                .armkill07,
                [.string(wid), .int(error.step), .int(error.code)],
                detail: context.paths.socket,
                statusOverride: error.status
            )
            return CommandOutcome(
                exitCode: error.status.rawValue,
                message: message,
                log: error.isUnreachable ? .local(message) : .none
            )
        }
    }
}

/// ARMLOADC: stop, start, pause or resume a watch (commands.md 2.3).
enum Armloadc: Command {
    /// The WID, the action and the optional time.
    struct Arguments: Sendable {
        var wid: String
        var action: String
        var seconds: Int?
        /// The message fields WID, action and time (`-` for pause and continue, else the time or 60).
        var fields: [FormatArgument]
    }

    static var spec: CommandSpec { .armloadc }

    static func validate(_ parsed: ParsedArguments, context: CommandContext) throws(Rejection) -> Arguments {
        let wid = parsed.operands.first ?? ""
        let action = parsed.value("W") ?? ""
        let timeText = parsed.operands.count > 1 ? parsed.operands[1] : nil
        let shownTime = ["pause", "continue"].contains(action) ? "-" : (timeText ?? "60")
        let fields: [FormatArgument] = [.string(wid), .string(action), .string(shownTime)]
        func usage(_ detail: String) -> Rejection {
            .usage(CatalogMessage(.armloadc02, fields, detail: detail, statusOverride: .usage))
        }
        guard WatchID.problem(wid) == nil else { throw usage("invalid WID") }
        guard !action.isEmpty else { throw usage("/W stop|start|pause|continue is required") }
        var seconds: Int?
        if let timeText {
            guard let value = Int(timeText), timeText.allSatisfy(\.isASCII), (1...3600).contains(value) else {
                throw usage("time \(timeText) is out of range 1-3600")
            }
            seconds = value
        }
        return Arguments(wid: wid, action: action, seconds: seconds, fields: fields)
    }

    static func run(_ arguments: Arguments, context: CommandContext) -> CommandOutcome {
        let (wid, action, seconds, fields) = (arguments.wid, arguments.action, arguments.seconds, arguments.fields)
        let deadline = ((seconds ?? 60) + 20) * 1000
        switch context.send(.armloadControl(wid: wid, action: action, seconds: seconds), deadlineMilliseconds: deadline)
        {
        case .success(let response): return context.outcome(of: response)
        case .failure(let error):
            let message = CatalogMessage(
                .armloadc05,
                fields + [.string(error.step == 3 ? "connect" : "request"), .int(error.code)],
                detail: context.paths.socket,
                statusOverride: error.status
            )
            return CommandOutcome(
                exitCode: error.status.rawValue,
                message: message,
                log: error.isUnreachable ? .local(message) : .none
            )
        }
    }
}
