import ArmCore
import Foundation
import Testing

@testable import ArmConfig

/// The key table (ConfigSchema) is the one truth: the model's enumerations, the validator, the defaults and
/// `armcfg show` must agree with it.
@Suite(.timeLimit(.minutes(2))) struct ConfigSchemaTests {
    /// The spec's three-server example: every resource type and four monitor types, plus a script monitor.
    static let fullExample: String = {
        let path = #filePath.split(separator: "/").dropLast(2).joined(separator: "/")
        let fixture = "/" + path + "/ArmMonitorTests/Fixtures/example-3-servers.toml"
        let text = (try? String(contentsOfFile: fixture, encoding: .utf8)) ?? ""
        return text + "\n[[monitor]]\nname = \"probe\"\ntype = \"script\"\ngroup = \"web\"\ncommand = [\"probe.sh\"]\n"
    }()

    static func effective(_ text: String) throws -> TOMLTable {
        let validation = ConfigValidator.validate(text: text, file: "c.toml")
        let config = try #require(validation.config, "\(validation.findings.map { $0.render() })")
        let parsed = TOMLParser.parse(EffectiveConfigRenderer.render(config, hash: "0123456789ab"))
        #expect(parsed.error == nil)
        return parsed.root
    }

    static func table(_ node: TOMLNode?) -> TOMLTable? {
        guard case .table(let table) = node?.value else { return nil }
        return table
    }

    static func tables(_ node: TOMLNode?) -> [TOMLTable] {
        guard case .array(let items) = node?.value else { return [] }
        return items.compactMap { table($0) }
    }

    static func matches(_ value: TOMLValue?, _ defaultValue: ConfigDefault) -> Bool {
        switch (value, defaultValue) {
        case (.integer(let value), .integer(let expected)): value == Int64(expected)
        case (.bool(let value), .boolean(let expected)): value == expected
        case (.string(let value), .string(let expected)): value == expected
        case (.array(let items), .strings(let expected)): items.map(\.value) == expected.map { .string($0) }
        case (.table(let table), .emptyTable): table.isEmpty
        default: false
        }
    }

    @Test func keysAreUniqueAndDefaultsLieInTheirRangeAndChoices() {
        for section in ConfigSchema.allSections {
            #expect(Set(section.keyNames).count == section.keys.count, "\(section.header)")
            for key in section.keys {
                if case .integer(let value) = key.defaultValue, let range = key.range {
                    #expect(range.contains(value) || (value == 0 && key.zeroMeans != nil), "\(key.name)")
                }
                if case .string(let value) = key.defaultValue, !key.choices.isEmpty {
                    #expect(key.choices.contains(value), "\(key.name)")
                }
                #expect((key.range == nil && key.zeroMeans == nil) || key.type == .integer, "\(key.name)")
            }
        }
    }

    @Test func theModelsChoicesAreTheTablesChoices() {
        func names<Choice: CaseIterable & RawRepresentable<String>>(_: Choice.Type) -> [String] {
            Choice.allCases.map(\.rawValue)
        }
        let pairs: [(ConfigKey, [String])] = [
            (ConfigSchema.cluster.key("shutdown_action"), names(ClusterSettings.ShutdownAction.self)),
            (ConfigSchema.cluster.key("socket_mode"), names(ClusterSettings.SocketMode.self)),
            (ConfigSchema.timing.key("profile"), names(TimingSettings.Profile.self)),
            (ConfigSchema.timing.key("local_disk_action"), names(TimingSettings.LocalDiskAction.self)),
            (ConfigSchema.timing.key("time_sync"), names(TimingSettings.TimeSync.self)),
            (ConfigSchema.timing.key("disconnect_retry"), names(DisconnectRetry.Mode.self)),
            (ConfigSchema.partition.key("method"), names(PartitionSettings.Method.self)),
            (ConfigSchema.partition.key("fence_action"), names(PartitionSettings.FenceAction.self)),
            (ConfigSchema.group.key("failback"), names(GroupConfig.Failback.self)),
            (ConfigSchema.resource.key("type"), names(ResourceType.self)),
            (ConfigSchema.resource.key("on_deactivate_failure"), names(ResourceConfig.DeactivateFailure.self)),
            (ConfigSchema.disk.key("fsck"), names(FsckMode.self)),
            (ConfigSchema.mirror.key("sync_mode"), names(MirrorResource.SyncMode.self)),
            (ConfigSchema.monitor.key("type"), names(MonitorType.self)),
            (ConfigSchema.monitor.key("when"), names(MonitorConfig.When.self)),
            (ConfigSchema.monitor.key("action"), names(MonitorConfig.Action.self)),
            (ConfigSchema.service.key("type"), names(ServiceConfig.ServiceType.self)),
            (ConfigSchema.log.key("language"), names(LogSettings.Language.self)),
            (ConfigSchema.log.key("format"), names(LogSettings.Format.self)),
            (ConfigSchema.log.key("syslog"), names(LogSettings.Syslog.self)),
            (ConfigSchema.log.key("rotation"), names(LogSettings.Rotation.self)),
        ]
        for (key, choices) in pairs {
            #expect(key.choices == choices, "\(key.name)")
        }
        #expect(ConfigSchema.resourceTypes.keys.sorted() == names(ResourceType.self).sorted())
        #expect(ConfigSchema.monitorTypes.keys.sorted() == names(MonitorType.self).sorted())
    }

    @Test func showWritesEveryKeyOfTheFlatTablesInTheTablesOrderWithItsDefault() throws {
        let root = try Self.effective(threeServers)
        let cluster = try #require(Self.table(root["cluster"]))
        #expect(root.keys == ConfigSchema.topLevelTables.filter { !["group", "monitor", "services"].contains($0) })
        let flat: [(TOMLTable?, ConfigSection)] = [
            (cluster, ConfigSchema.cluster), (Self.table(cluster["timing"]), ConfigSchema.timing),
            (Self.table(cluster["network"]), ConfigSchema.network),
            (Self.table(cluster["partition"]), ConfigSchema.partition),
            (Self.table(root["armload"]), ConfigSchema.armload), (Self.table(root["manager"]), ConfigSchema.manager),
            (Self.table(root["log"]), ConfigSchema.log),
        ]
        for (table, section) in flat {
            let table = try #require(table, "\(section.header)")
            let written = table.keys.filter { key in
                guard case .table = table[key]?.value else { return true }
                return false
            }
            #expect(written == section.keyNames, "\(section.header)")
            for key in section.keys {
                switch key.defaultValue {
                case .required, .derived: continue
                default:
                    #expect(Self.matches(table[key.name]?.value, key.defaultValue), "\(section.header) \(key.name)")
                }
            }
        }
        let files = try #require(Self.table(Self.table(root["log"])?["files"]))
        #expect(files.keys == LogFileName.allCases.map(\.rawValue))
        for name in files.keys {
            #expect(Self.table(files[name])?.keys == ConfigSchema.logFile.keyNames)
        }
        for server in Self.tables(root["server"]) {
            #expect(server.keys == ConfigSchema.server.keyNames)
        }
    }

    @Test func showWritesGroupsResourcesMonitorsAndServicesInTheTablesOrder() throws {
        let root = try Self.effective(Self.fullExample)
        for group in Self.tables(root["group"]) {
            #expect(group.keys == ConfigSchema.group.keyNames + (group["resource"] == nil ? [] : ["resource"]))
            for resource in Self.tables(group["resource"]) {
                guard case .string(let type) = resource["type"]?.value, let specific = ConfigSchema.resourceTypes[type]
                else {
                    Issue.record("resource without a type")
                    continue
                }
                let expected = ConfigSchema.resource.keys + specific.keys
                // Alternatives (mirror device or file) are left out; every other key is written, in order.
                let present = expected.filter { key in
                    if case .derived = key.defaultValue { return resource[key.name] != nil }
                    return true
                }
                #expect(resource.keys == present.map(\.name), "\(type)")
            }
        }
        let monitors = Self.tables(root["monitor"])
        #expect(
            Set(
                monitors.compactMap { monitor -> String? in
                    guard case .string(let type) = monitor["type"]?.value else { return nil }
                    return type
                }
            ) == Set(ConfigSchema.monitorTypes.keys)
        )
        for monitor in monitors {
            guard case .string(let type) = monitor["type"]?.value, let specific = ConfigSchema.monitorTypes[type] else {
                continue
            }
            let common = Array(monitor.keys.prefix(ConfigSchema.monitor.keys.count))
            #expect(common == ConfigSchema.monitor.keyNames)
            let rest = monitor.keys.dropFirst(ConfigSchema.monitor.keys.count)
            #expect(rest.allSatisfy { specific.keyNames.contains($0) } && rest.count == 1, "\(type)")
        }
        for name in try #require(Self.table(root["services"])).keys {
            #expect(Self.table(Self.table(root["services"])?[name])?.keys == ConfigSchema.service.keyNames)
        }
    }

    @Test func theEffectiveConfigurationIsItsOwnFixedPoint() throws {
        let first = try #require(ConfigValidator.validate(text: Self.fullExample, file: "a").config)
        let shown = EffectiveConfigRenderer.render(first, hash: "x")
        let second = try #require(ConfigValidator.validate(text: shown, file: "b").config)
        #expect(EffectiveConfigRenderer.render(second, hash: "x") == shown)
    }

    @Test func modelDefaultsComeFromTheTable() {
        #expect(ArmloadSettings().stopWaitSeconds == ConfigSchema.armload.integer("stop_wait_s"))
        #expect(ManagerSettings().listen == ConfigSchema.manager.strings("listen"))
        #expect(LogSettings().language.rawValue == ConfigSchema.log.string("language"))
        #expect(DisconnectRetry().count == ConfigSchema.timing.integer("disconnect_retry_count"))
        #expect(TimingSettings().profile.rawValue == ConfigSchema.timing.string("profile"))
    }
}
