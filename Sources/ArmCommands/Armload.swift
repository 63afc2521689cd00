import ArmClient
import ArmCore
import ArmProtocol

/// ARMLOAD: start a program or service under a watch ID; armmond supervises it (commands.md 2.1).
///
/// With `/W` the command runs the program itself in the foreground and exits with its status.
enum Armload {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let isSync = parsed.flag("W")
        let wid = parsed.operands.first ?? ""
        // Every failure before a /W program runs exits 125, DETAIL `status=N` (commands.md 1.5).
        func refuse(_ message: CatalogMessage) -> CommandOutcome {
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
        func usage(_ detail: String) -> CommandOutcome {
            refuse(CatalogMessage(.armload03, detail: detail))
        }

        // WID rules (commands.md 1.8, config-and-files N6), the same check armmond makes.
        switch WatchID.problem(wid) {
        case .tooLong?:
            return refuse(CatalogMessage(.armload05, [.string(wid)], detail: WatchID.Problem.tooLong.detail))
        case .invalid(let rule)?:
            return refuse(CatalogMessage(.armload02, [.string(wid)], detail: rule, statusOverride: .usage))
        case nil:
            break
        }
        // Option combinations the table cannot express (commands.md 2.1 synopsis).
        let serviceForm = parsed.flag("S")
        if isSync, let other = ["S", "A", "R", "H", "SCR", "ACT", "WAIT", "INT"].first(where: parsed.has) {
            return usage("/W cannot be combined with /\(other)")
        }
        if !parsed.has("R"), let other = ["H", "SCR"].first(where: parsed.has) {
            return usage("/\(other) needs /R")
        }
        if !serviceForm, let other = ["A", "INT"].first(where: parsed.has) {
            return usage("/\(other) needs /S")
        }
        if serviceForm && parsed.has("U") { return usage("/U is for the program form only") }
        guard !parsed.tail.isEmpty else { return usage(serviceForm ? "missing service-name" : "missing exec-name") }
        if serviceForm && parsed.tail.count > 1 { return usage("a service takes no parameters") }

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
            arguments: parsed.tail,
            searchPath: environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            environment: environment,
            workingDirectory: context.system.currentDirectory(),
            retry: parsed.integer("R"),
            hours: parsed.integer("H"),
            scriptRestart: parsed.flag("SCR"),
            finalAction: parsed.value("ACT"),
            startTimeout: parsed.integer("WAIT"),
            interval: parsed.integer("INT"),
            user: parsed.value("U"),
            isService: serviceForm,
            attach: parsed.flag("A"),
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
enum Armkill {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let wid = parsed.operands.first ?? ""
        if WatchID.problem(wid) != nil {
            let message = CatalogMessage(.armkill02, [.string(wid)], detail: "invalid WID", statusOverride: .usage)
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        let wait = parsed.integer("WAIT")
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
enum Armloadc {
    @Sendable static func run(_ parsed: ParsedArguments, _ context: CommandContext) -> CommandOutcome {
        let wid = parsed.operands.first ?? ""
        let action = parsed.value("W") ?? ""
        let timeText = parsed.operands.count > 1 ? parsed.operands[1] : nil
        let shownTime = ["pause", "continue"].contains(action) ? "-" : (timeText ?? "60")
        let fields: [FormatArgument] = [.string(wid), .string(action), .string(shownTime)]
        func usage(_ detail: String) -> CommandOutcome {
            let message = CatalogMessage(.armloadc02, fields, detail: detail, statusOverride: .usage)
            return CommandOutcome(exitCode: ExitStatus.usage.rawValue, message: message, log: .record(message))
        }
        guard WatchID.problem(wid) == nil else { return usage("invalid WID") }
        guard !action.isEmpty else { return usage("/W stop|start|pause|continue is required") }
        var seconds: Int?
        if let timeText {
            guard let value = Int(timeText), timeText.allSatisfy(\.isASCII), (1...3600).contains(value) else {
                return usage("time \(timeText) is out of range 1-3600")
            }
            seconds = value
        }
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
