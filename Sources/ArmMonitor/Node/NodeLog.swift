import ArmCore

extension MonitorLog {
    /// Writes a node's catalogued line: every group line of armsvr.log and events.log passes here.
    package func write(_ line: NodeLogLine, server serverName: String) {
        switch line {
        case .group(let line, let group):
            self.group(line, group: group, server: serverName)
        case .activation(let phase, let resource, let elapsed):
            switch phase {
            case .started: self.server(CatalogMessage(.rsc009, [.string(resource)]))
            case .succeeded: self.server(CatalogMessage(.rsc010, [.string(resource), .int(elapsed)]))
            case .failed: self.server(CatalogMessage(.rsc011, [.string(resource)]))
            }
        case .deactivation(let phase, let resource, let elapsed, let shutdown):
            switch phase {
            case .started: self.server(CatalogMessage(.rsc012, [.string(resource)]))
            case .succeeded: self.server(CatalogMessage(.rsc013, [.string(resource), .int(elapsed)]))
            // RSC-014: the shutdown itself comes with the power-action port.
            case .failed: self.server(CatalogMessage(shutdown ? .rsc014 : .rsc015, [.string(resource)]))
            }
        case .automatic(let group, let start):
            self.server(CatalogMessage(start ? .rsc001 : .rsc002, [.string(group)]))
        case .uncleanStop:
            self.event(CatalogMessage(.event1101))
        case .scriptTimeout(let group, let start):
            self.event(CatalogMessage(start ? .event9000 : .event9001, [.string(group)]))
        case .scriptExecFailed(let group, let start, let errno):
            // 9002 (stop) has no `%2`: the reason shows only with 9003.
            self.event(
                CatalogMessage(
                    start ? .event9003 : .event9002,
                    [.string(group), .string(ScriptExecution.errorText(errno))]
                )
            )
        case .notDriven(let resource, let type):
            self.trace(level: 3, module: "RSC", "resource \(resource) (\(type)) is not driven yet")
        }
    }
}
