import ArmCore

extension ClientError {
    /// The plain line printed after the seed's line when armmond is unreachable (commands.md 1.4), without
    /// the `cmd: ` prefix; nil for errors that are not "unreachable".
    /// - Parameter socketPath: The socket the command tried (`$ARM_ROOT/run/armcluster/armmond.sock`).
    /// - Returns: The line, or nil.
    package func unreachableAdvice(socketPath: String) -> String? {
        let start = "start it with 'armmond' or 'systemctl start armmond'"
        let check = "check it with 'systemctl status armmond' and its armsvr.log"
        switch self {
        case .cannotConnect(let errno) where errno == Self.timedOut:
            return "armmond is not answering here (no answer at \(socketPath)); \(check)"
        case .cannotConnect(let errno) where errno == Self.connectionRefused:
            return "armmond is not running here (nothing listening at \(socketPath)); \(start)"
        case .cannotConnect:
            return "armmond is not running here (no socket at \(socketPath)); \(start)"
        case .noAnswer(let errno) where errno == Self.timedOut:
            return "armmond is not answering here (no answer at \(socketPath)); \(check)"
        case .noAnswer:
            return "armmond is not answering here (connection closed at \(socketPath)); \(check)"
        case .permissionDenied, .versionMismatch, .unexpectedAnswer:
            return nil
        }
    }

    /// `ETIMEDOUT` on Linux: the connect or the answer took too long.
    static let timedOut: Int32 = 110
    /// `ECONNREFUSED` on Linux: a socket file with nobody listening.
    static let connectionRefused: Int32 = 111
}
