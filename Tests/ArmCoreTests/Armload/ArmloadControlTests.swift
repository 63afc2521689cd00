import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadControlTests {
    /// The matrix of commands.md 2.3, written out independently of the implementation.
    private static func isAllowed(
        _ action: ControlAction,
        _ start: WatchStartState,
        _ monitor: WatchMonitorState
    )
        -> Bool
    {
        switch action {
        case .stop: start == .running && monitor != .sync
        case .start: (start == .stopped || start == .ended) && monitor != .sync
        case .pause: start == .running && monitor == .monitoring
        case .continue: start == .running && monitor == .paused
        }
    }

    private struct Case: Sendable, CustomTestStringConvertible {
        var action: ControlAction
        var start: WatchStartState
        var monitor: WatchMonitorState
        var testDescription: String { "\(action.rawValue) \(start.rawValue) \(monitor.rawValue)" }
    }

    private static let allCases: [Case] = ControlAction.allCases.flatMap { action in
        WatchStartState.allCases.flatMap { start in
            WatchMonitorState.allCases.map { Case(action: action, start: start, monitor: $0) }
        }
    }

    @Test(arguments: allCases)
    private func matrixOfCommandsSection23(_ row: Case) {
        let refusal = ArmloadControl.refusal(row.action, start: row.start, monitor: row.monitor)
        if Self.isAllowed(row.action, row.start, row.monitor) {
            #expect(refusal == nil)
        } else {
            let text = refusal ?? ""
            #expect(text.contains("state=\(row.start.rawValue)"))
            #expect(text.contains("monitoring=\(row.monitor.rawValue)"))
        }
    }

    @Test func matrixCoversEveryCombinationAndAllowsExactlyTheListedOnes() {
        #expect(Self.allCases.count == 4 * 6 * 4)
        let allowed = Self.allCases.filter {
            ArmloadControl.refusal($0.action, start: $0.start, monitor: $0.monitor) == nil
        }
        let described = Set(allowed.map(\.testDescription))
        #expect(
            described == [
                "stop running monitoring", "stop running paused", "stop running unwatched",
                "start stopped monitoring", "start stopped paused", "start stopped unwatched",
                "start ended monitoring", "start ended paused", "start ended unwatched",
                "pause running monitoring",
                "continue running paused",
            ]
        )
    }

    @Test func aSyncWidCannotBeControlled() {
        for action in ControlAction.allCases {
            for start in WatchStartState.allCases {
                #expect(ArmloadControl.refusal(action, start: start, monitor: .sync) != nil)
            }
        }
    }
}
