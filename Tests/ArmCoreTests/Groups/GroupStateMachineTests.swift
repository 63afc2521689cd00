import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct GroupStateMachineTests {
    private func machine(
        _ state: GroupState,
        failed: Bool = false,
        pending: GroupStateMachine.PendingRequest? = nil
    )
        -> GroupStateMachine
    {
        var machine = GroupStateMachine(state: state, failed: failed)
        switch pending {
        case .start(let event)?:
            // stopping with a queued start
            #expect(machine.handle(.startRequested(by: event)) == [.accept])
        case .stop(let factor)?:
            #expect(machine.handle(.stopRequested(factor: factor)) == [.accept])
        case nil: break
        }
        return machine
    }

    // MARK: start requests

    @Test func startingAStoppedGroupRunsTheStartSequence() {
        var group = machine(.stopped)
        let actions = group.handle(.startRequested(by: .start))
        #expect(
            actions == [
                .accept, .persist(history: nil), .log(.startStarted), .notifyWaiters(.starting),
                .runStart(event: .start),
            ]
        )
        #expect(group.state == .starting)
        #expect(group.startEvent == .start)
    }

    @Test(arguments: [GroupState.starting, .started])
    func armgstrtIsRefusedWhileStartingOrStarted(state: GroupState) {
        var group = machine(state)
        #expect(group.handle(.startRequested(by: .start)) == [.refuse(.alreadyStartingOrStarted)])
        #expect(group.state == state)
        #expect(group.pending == nil)
    }

    @Test func aStoppingGroupIsStartedAfterItsStop() {
        var group = machine(.started)
        _ = group.handle(.stopRequested(factor: .groupStop))
        #expect(group.handle(.startRequested(by: .start)) == [.accept])
        #expect(group.pending == .start(.start))
        let actions = group.handle(.stopFinished(success: true))
        #expect(actions.contains(.runStart(event: .start)))
        #expect(group.state == .starting)
        #expect(group.pending == nil)
    }

    @Test func aSecondStartWhileStoppingIsRefused() {
        var group = machine(.started)
        _ = group.handle(.stopRequested(factor: .groupStop))
        _ = group.handle(.startRequested(by: .start))
        #expect(group.handle(.startRequested(by: .start)) == [.refuse(.alreadyStartingOrStarted)])
    }

    // MARK: stop requests

    @Test func stoppingAStartedGroupRunsTheStopSequence() {
        var group = machine(.started)
        let actions = group.handle(.stopRequested(factor: .groupStop))
        #expect(
            actions == [
                .accept, .persist(history: nil), .log(.stopStarted), .notifyWaiters(.stopping),
                .runStop(factor: .groupStop),
            ]
        )
        #expect(group.state == .stopping)
        #expect(group.stopFactor == .groupStop)
    }

    @Test(arguments: [GroupState.stopping, .stopped])
    func armgstopIsRefusedWhileStoppingOrStopped(state: GroupState) {
        var group = machine(state)
        #expect(group.handle(.stopRequested(factor: .groupStop)) == [.refuse(.alreadyStoppingOrStopped)])
        #expect(group.state == state)
    }

    @Test func aStartingGroupIsStoppedAfterItsStart() {
        var group = machine(.stopped)
        _ = group.handle(.startRequested(by: .start))
        #expect(group.handle(.stopRequested(factor: .groupStop)) == [.accept])
        let actions = group.handle(.startFinished(success: true))
        #expect(
            actions == [
                .persist(history: GroupHistoryNote(action: .start, factor: .none, success: true)),
                .log(.startSucceeded), .log(.eventGroupStarted), .notifyWaiters(.started),
                .persist(history: nil), .log(.stopStarted), .notifyWaiters(.stopping), .runStop(factor: .groupStop),
            ]
        )
        #expect(group.state == .stopping)
    }

    @Test func aSecondStopWhileStartingIsRefused() {
        var group = machine(.stopped)
        _ = group.handle(.startRequested(by: .start))
        _ = group.handle(.stopRequested(factor: .groupStop))
        #expect(group.handle(.stopRequested(factor: .serverShutdown)) == [.refuse(.alreadyStoppingOrStopped)])
        #expect(group.pending == .stop(.groupStop))
    }

    // MARK: results

    @Test func aSuccessfulStartClearsTheFailedFlag() {
        var group = machine(.stopped, failed: true)
        _ = group.handle(.startRequested(by: .start))
        let actions = group.handle(.startFinished(success: true))
        #expect(group.state == .started)
        #expect(!group.failed)
        #expect(actions.contains(.log(.eventGroupStarted)))
    }

    @Test func aFailedStartStopsTheGroupAndLeavesItFailed() {
        var group = machine(.stopped)
        _ = group.handle(.startRequested(by: .start))
        let actions = group.handle(.startFinished(success: false))
        #expect(
            actions == [
                .persist(history: GroupHistoryNote(action: .start, factor: .none, success: false)),
                .log(.startFailed),
                .persist(history: nil), .log(.stopStarted), .notifyWaiters(.stopping), .runStop(factor: .groupStop),
            ]
        )
        #expect(group.state == .stopping)
        #expect(group.failed)
        let stopActions = group.handle(.stopFinished(success: true))
        #expect(stopActions.contains(.log(.stopSucceeded)))
        #expect(group.state == .stopped)
        #expect(group.failed)  // the clean-up stop does not clear it
    }

    @Test func aFailedTakeoverIsCleanedUpAsAFailover() {
        var group = machine(.stopped)
        _ = group.handle(.startRequested(by: .failover))
        #expect(group.handle(.startFinished(success: false)).contains(.runStop(factor: .groupFailover)))
    }

    @Test func aStopQueuedBehindAFailedStartIsServedByTheCleanUpStop() {
        var group = machine(.stopped)
        _ = group.handle(.startRequested(by: .start))
        _ = group.handle(.stopRequested(factor: .serverShutdown))
        let actions = group.handle(.startFinished(success: false))
        #expect(actions.filter { if case .runStop = $0 { true } else { false } } == [.runStop(factor: .serverShutdown)])
        #expect(group.pending == nil)
    }

    @Test func aSuccessfulStopClearsTheFailedFlag() {
        var group = machine(.started, failed: true)
        _ = group.handle(.stopRequested(factor: .groupStop))
        let actions = group.handle(.stopFinished(success: true))
        #expect(
            actions == [
                .persist(history: GroupHistoryNote(action: .stop, factor: .groupStop, success: true)),
                .log(.stopSucceeded), .log(.eventGroupStopped), .notifyWaiters(.stopped),
            ]
        )
        #expect(group.state == .stopped)
        #expect(!group.failed)
    }

    @Test func aFailedStopLeavesTheGroupStartedAndFailedAndDropsAQueuedStart() {
        var group = machine(.started)
        _ = group.handle(.stopRequested(factor: .groupStop))
        _ = group.handle(.startRequested(by: .start))
        let actions = group.handle(.stopFinished(success: false))
        #expect(
            actions == [
                .persist(history: GroupHistoryNote(action: .stop, factor: .groupStop, success: false)),
                .log(.stopFailed), .notifyWaiters(.started),
            ]
        )
        #expect(group.state == .started)
        #expect(group.failed)
        #expect(group.pending == nil)
        // and armgstop may retry
        #expect(group.handle(.stopRequested(factor: .groupStop)).first == .accept)
    }

    @Test(arguments: [GroupState.stopped, .started, .stopping])
    func aStartResultOutsideStartingChangesNothing(state: GroupState) {
        var group = machine(state)
        let before = group
        #expect(group.handle(.startFinished(success: true)).isEmpty)
        #expect(group == before)
    }

    @Test(arguments: [GroupState.stopped, .started, .starting])
    func aStopResultOutsideStoppingChangesNothing(state: GroupState) {
        var group = machine(state)
        let before = group
        #expect(group.handle(.stopFinished(success: false)).isEmpty)
        #expect(group == before)
    }

    // MARK: recovery

    @Test(arguments: GroupState.allCases)
    func afterACleanStopEveryGroupIsStopped(state: GroupState) {
        var group = GroupStateMachine()
        let actions = group.handle(.recovered(state: state, failed: true, uncleanStop: false))
        #expect(group.state == .stopped)
        #expect(group.failed)  // the flag survives a restart
        #expect(actions == (state == .stopped ? [] : [.persist(history: nil)]))
    }

    @Test(arguments: [GroupState.started, .stopped])
    func afterAnUncleanStopSettledGroupsStayAsTheyWere(state: GroupState) {
        var group = GroupStateMachine()
        #expect(group.handle(.recovered(state: state, failed: false, uncleanStop: true)).isEmpty)
        #expect(group.state == state)
        #expect(!group.failed)
    }

    @Test(arguments: [GroupState.starting, .stopping])
    func afterAnUncleanStopAGroupCaughtMidwayIsStoppedAndFailed(state: GroupState) {
        var group = GroupStateMachine()
        let actions = group.handle(.recovered(state: state, failed: false, uncleanStop: true))
        #expect(
            actions == [
                .persist(history: nil), .log(.stopStarted), .notifyWaiters(.stopping),
                .runStop(factor: .serverShutdown),
            ]
        )
        #expect(group.state == .stopping)
        #expect(group.failed)
        _ = group.handle(.stopFinished(success: true))
        #expect(group.state == .stopped)
        #expect(group.failed)
    }

    @Test func busyCoversRunningAndQueuedWork() {
        var group = machine(.stopped)
        #expect(!group.isBusy)
        _ = group.handle(.startRequested(by: .start))
        #expect(group.isBusy)
        _ = group.handle(.startFinished(success: true))
        #expect(!group.isBusy)
    }
}

@Suite(.timeLimit(.minutes(2))) struct GroupStateMachineOwnerTests {
    @Test func startingOrStoppingHereMakesThisServerTheOwnerAndAStopKeepsIt() {
        var group = GroupStateMachine(localServer: "n1")
        #expect(group.owner == nil && group.activeServer == nil)
        _ = group.handle(.startRequested(by: .start))
        #expect(group.owner == "n1" && group.activeServer == "n1")
        _ = group.handle(.startFinished(success: true))
        _ = group.handle(.stopRequested(factor: .groupStop))
        _ = group.handle(.stopFinished(success: true))
        #expect(group.owner == "n1")
        #expect(group.activeServer == nil)
    }

    @Test func recoveryRestoresOwnerAndFailoverCount() {
        var group = GroupStateMachine(localServer: "n1")
        _ = group.handle(
            .recovered(state: .stopped, failed: false, uncleanStop: false, owner: "n2", failoverCount: 3)
        )
        #expect(group.owner == "n2" && group.failoverCount == 3)
        var attached = GroupStateMachine(localServer: "n1")
        _ = attached.handle(.recovered(state: .started, failed: false, uncleanStop: true, owner: nil))
        #expect(attached.owner == "n1" && attached.activeServer == "n1")
    }

    @Test func onlyFailoverStartsCountAsFailovers() {
        var group = GroupStateMachine(localServer: "n1")
        _ = group.handle(.startRequested(by: .start))
        #expect(group.failoverCount == 0)
        _ = group.handle(.startFinished(success: false))
        _ = group.handle(.stopFinished(success: true))
        _ = group.handle(.startRequested(by: .failover))
        #expect(group.failoverCount == 1)
    }
}
