import ArmCore

extension MonitorLog {
    /// Writes a node's catalogued line: every group line of armsvr.log and events.log passes here.
    package func write(_ line: NodeLogLine, server serverName: String) {
        switch line {
        case .group(let line, let group):
            let (message, isEvent) = MonitorTexts.group(line, group: group, server: serverName)
            if isEvent { self.event(message) } else { self.server(message, module: "RSC") }
        case .activation(let phase, let resource, let elapsed):
            self.server(MonitorTexts.activation(phase, resource: resource, elapsedSeconds: elapsed), module: "RSC")
        case .deactivation(let phase, let resource, let elapsed, let shutdown):
            self.server(
                MonitorTexts.deactivation(phase, resource: resource, elapsedSeconds: elapsed, shutdown: shutdown),
                module: "RSC"
            )
        case .automatic(let group, let start):
            self.server(MonitorTexts.automatic(group: group, start: start), module: "RSC")
        case .uncleanStop:
            self.event(MonitorTexts.eventUncleanStop)
        case .scriptTimeout(let group, let start):
            self.event(MonitorTexts.eventScriptTimeout(group: group, start: start))
        case .scriptExecFailed(let group, let start, let errno):
            self.event(
                MonitorTexts.eventScriptExecFailed(group: group, start: start, reason: ScriptExecution.errorText(errno))
            )
        case .notDriven(let resource, let type):
            self.trace(level: 3, module: "RSC", "resource \(resource) (\(type)) is not driven yet")
        }
    }
}
