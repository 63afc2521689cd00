import ArmCore

/// `armload`'s request (commands.md 2.1): what to run, for which group, and how to watch it.
package struct ArmloadStartRequest: Sendable, Equatable {
    /// The watch ID as typed.
    package var wid: String
    /// The caller's group (`ARMS_GROUP`, else `CLP_GROUPNAME`).
    package var group: String
    /// Program form: `exec-name` and its parameters; service form: the service name alone.
    package var arguments: [String]
    /// The caller's `PATH`, to find `exec-name` as `execvp` does.
    package var searchPath: String
    /// The caller's environment (the program gets it).
    package var environment: [String: String]
    /// The caller's working directory.
    package var workingDirectory: String
    /// `/R`: restarts allowed; nil = not given.
    package var retry: Int?
    /// `/H`: hours after the first counted restart when the count resets.
    package var hours: Int?
    /// `/SCR`: restart the group's script (action 4) instead of the program (action 5).
    package var scriptRestart: Bool
    /// `/ACT`: `failover`, `shutdown` or `none`; nil = not given.
    package var finalAction: String?
    /// `/WAIT` seconds.
    package var startTimeout: Int?
    /// `/INT` seconds.
    package var interval: Int?
    /// `/U` account.
    package var user: String?
    /// `/S`: service form.
    package var isService: Bool
    /// `/A`: adopt a running service.
    package var attach: Bool
    /// `/W`: synchronous; the command runs the program itself and reports its end (`armloadEnded`).
    package var isSync: Bool

    /// Creates a request with everything optional unset.
    package init(
        wid: String,
        group: String,
        arguments: [String],
        searchPath: String = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        environment: [String: String] = [:],
        workingDirectory: String = "/",
        retry: Int? = nil,
        hours: Int? = nil,
        scriptRestart: Bool = false,
        finalAction: String? = nil,
        startTimeout: Int? = nil,
        interval: Int? = nil,
        user: String? = nil,
        isService: Bool = false,
        attach: Bool = false,
        isSync: Bool = false
    ) {
        self.wid = wid
        self.group = group
        self.arguments = arguments
        self.searchPath = searchPath
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.retry = retry
        self.hours = hours
        self.scriptRestart = scriptRestart
        self.finalAction = finalAction
        self.startTimeout = startTimeout
        self.interval = interval
        self.user = user
        self.isService = isService
        self.attach = attach
        self.isSync = isSync
    }

    /// The wire fields (after `op` and `command`).
    var wireFields: [(String, WireValue)] {
        [
            ("wid", .string(wid)), ("group", .string(group)), ("argv", .array(arguments.map { .string($0) })),
            ("path", .string(searchPath)),
            ("env", .object(environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("cwd", .string(workingDirectory)), ("retry", .optional(retry)), ("hours", .optional(hours)),
            ("scr", .bool(scriptRestart)), ("act", .optional(finalAction)), ("wait", .optional(startTimeout)),
            ("int", .optional(interval)), ("user", .optional(user)), ("service", .bool(isService)),
            ("attach", .bool(attach)), ("sync", .bool(isSync)),
        ]
    }

    /// Parses the wire fields.
    init(wire: WireValue) throws(ProtocolError) {
        guard let wid = wire["wid"]?.stringValue, let group = wire["group"]?.stringValue,
            let argv = wire["argv"]?.arrayValue
        else { throw .unexpectedContent("armload.start: missing wid, group or argv") }
        var environment: [String: String] = [:]
        if case .object(let pairs)? = wire["env"] {
            for (key, value) in pairs { environment[key] = value.stringValue }
        }
        func number(_ key: String) -> Int? { wire[key]?.intValue.flatMap { Int(exactly: $0) } }
        self.init(
            wid: wid,
            group: group,
            arguments: argv.compactMap(\.stringValue),
            searchPath: wire["path"]?.stringValue ?? "",
            environment: environment,
            workingDirectory: wire["cwd"]?.stringValue ?? "/",
            retry: number("retry"),
            hours: number("hours"),
            scriptRestart: wire["scr"]?.boolValue ?? false,
            finalAction: wire["act"]?.stringValue,
            startTimeout: number("wait"),
            interval: number("int"),
            user: wire["user"]?.stringValue,
            isService: wire["service"]?.boolValue ?? false,
            attach: wire["attach"]?.boolValue ?? false,
            isSync: wire["sync"]?.boolValue ?? false
        )
    }
}
