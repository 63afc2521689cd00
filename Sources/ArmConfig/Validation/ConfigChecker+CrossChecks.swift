// Checks across sections (config-and-files §2.2 V9–V23, V26) once every section has been read.
import ArmCore

/// One address of a `[[server]]` with where it was written.
struct ServerAddress {
    enum Role {
        case interconnect(Int)
        case publicLAN
        case mirror(Int)
    }

    var server: Int
    var role: Role
    var text: String
    var address: CIDRAddress
    var position: SourcePosition
}

extension ConfigChecker {
    mutating func crossCheck() {
        let addresses = serverAddresses()
        checkInterconnects(addresses)
        checkAddressUse(addresses)
        checkReferences()
        checkMirrors()
        checkFloatingAddresses(addresses)
        checkPorts()
        checkPartition(addresses)
        checkWatches()
        checkManagerTLS()
    }

    // MARK: Addresses (V13–V16)

    func serverAddresses() -> [ServerAddress] {
        var result: [ServerAddress] = []
        for (server, table) in serverTables.enumerated() {
            for (offset, node) in elements(table, "interconnect").enumerated() {
                if case .string(let text) = node.value, case .success(let address) = CIDRAddress.parse(text) {
                    result.append(
                        ServerAddress(
                            server: server,
                            role: .interconnect(offset),
                            text: text,
                            address: address,
                            position: node.valuePosition
                        )
                    )
                }
            }
            if let node = table["public"], case .string(let text) = node.value,
                case .success(let address) = CIDRAddress.parse(text)
            {
                result.append(
                    ServerAddress(
                        server: server,
                        role: .publicLAN,
                        text: text,
                        address: address,
                        position: node.valuePosition
                    )
                )
            }
            for (offset, node) in elements(table, "mirror").enumerated() {
                if case .string(let text) = node.value, case .success(let address) = CIDRAddress.parse(text) {
                    result.append(
                        ServerAddress(
                            server: server,
                            role: .mirror(offset),
                            text: text,
                            address: address,
                            position: node.valuePosition
                        )
                    )
                }
            }
        }
        return result
    }

    func serverName(_ index: Int) -> String { config.servers.indices.contains(index) ? config.servers[index].name : "" }

    mutating func checkInterconnects(_ addresses: [ServerAddress]) {
        let servers = config.servers
        guard !servers.isEmpty else { return }
        // Only entries whose list was read (a type error is reported once, by the reader).
        let counted = serverTables.indices.filter { index in
            guard let node = serverTables[index]["interconnect"], case .array(let items) = node.value else {
                return false
            }
            return items.allSatisfy {
                if case .string = $0.value { return true }
                return false
            }
        }
        for index in counted {
            let count = servers[index].interconnect.count
            if count > ConfigLimits.interconnects, let node = serverTables[index]["interconnect"] {
                error(
                    node.keyPosition,
                    "too many interconnects on server \(quote(servers[index].name)) (\(count), at most \(ConfigLimits.interconnects))"
                )
            }
        }
        guard servers.count > 1 else { return }
        // V13: the same count everywhere, at least 2; the most common count is the reference.
        var frequency: [Int: Int] = [:]
        for index in counted { frequency[servers[index].interconnect.count, default: 0] += 1 }
        var reference = counted.first.map { servers[$0].interconnect.count } ?? 2
        for index in counted {
            let count = servers[index].interconnect.count
            if frequency[count, default: 0] > frequency[reference, default: 0] { reference = count }
        }
        for index in counted {
            let count = servers[index].interconnect.count
            guard count < 2 || count != reference, let node = serverTables[index]["interconnect"] else { continue }
            error(
                node.keyPosition,
                "server \(quote(servers[index].name)) has \(count) interconnects; every server needs the same number, at least 2"
            )
        }
        // V14: the i-th interconnects share one network and prefix length.
        for slot in 0..<ConfigLimits.interconnects {
            let inSlot = addresses.filter {
                if case .interconnect(slot) = $0.role { return true }
                return false
            }
            guard let first = inSlot.first else { continue }
            for other in inSlot.dropFirst() where !first.address.isSameNetwork(as: other.address) {
                error(
                    other.position,
                    "interconnect \(slot) of server \(quote(serverName(other.server))) (\(other.text)) is not in the network of server \(quote(serverName(first.server))) (\(first.text))"
                )
            }
        }
    }

    mutating func checkAddressUse(_ addresses: [ServerAddress]) {
        // V16: the public LAN must not be the primary interconnect.
        var publicIsPrimary: Set<Int> = []
        for address in addresses {
            guard case .publicLAN = address.role else { continue }
            let primary = addresses.first {
                guard $0.server == address.server, case .interconnect(0) = $0.role else { return false }
                return true
            }
            if let primary, primary.address.overlaps(address.address) {
                publicIsPrimary.insert(address.server)
                error(
                    address.position,
                    "server \(quote(serverName(address.server))): the public LAN must not be the primary interconnect"
                )
            }
        }
        // V15: two different addresses of one server in one network.
        for (offset, later) in addresses.enumerated() {
            for earlier in addresses[..<offset] where earlier.server == later.server {
                guard earlier.address.address != later.address.address, earlier.address.overlaps(later.address)
                else { continue }
                if publicIsPrimary.contains(later.server), isPublicAndPrimary(earlier, later) { continue }
                error(
                    later.position,
                    "address \(later.text) of server \(quote(serverName(later.server))) is in the same network as \(earlier.text)"
                )
                break
            }
        }
        // V15: one address on two servers.
        var owner: [IPAddress: ServerAddress] = [:]
        for address in addresses {
            if let first = owner[address.address.address] {
                if first.server != address.server {
                    error(
                        address.position,
                        "address \(address.text) is used by servers \(quote(serverName(first.server))) and \(quote(serverName(address.server)))"
                    )
                }
            } else {
                owner[address.address.address] = address
            }
        }
    }

    private func isPublicAndPrimary(_ lhs: ServerAddress, _ rhs: ServerAddress) -> Bool {
        func kind(_ address: ServerAddress) -> Int {
            switch address.role {
            case .publicLAN: 1
            case .interconnect(0): 2
            default: 0
            }
        }
        return kind(lhs) + kind(rhs) == 3
    }

    // MARK: References (V10)

    mutating func checkReferences() {
        let serverNames = Set(config.servers.map(\.name))
        for table in groupTables {
            for node in elements(table, "servers") {
                if case .string(let name) = node.value, !name.isEmpty, !serverNames.contains(name) {
                    error(node.valuePosition, "server \(quote(name)) referenced here is not defined")
                }
            }
        }
        for record in resourceRecords {
            guard case .mirror = record.resource?.kind else { continue }
            for node in elements(record.table, "peers") {
                if case .string(let name) = node.value, !serverNames.contains(name) {
                    error(node.valuePosition, "server \(quote(name)) referenced here is not defined")
                }
            }
            if let node = record.table["initial_source"], case .string(let name) = node.value, !name.isEmpty,
                !serverNames.contains(name)
            {
                error(node.valuePosition, "server \(quote(name)) referenced here is not defined")
            }
        }
        let groupNames = Set(config.groups.map(\.name))
        var resources: [String: ResourceConfig] = [:]
        for record in resourceRecords {
            if let resource = record.resource { resources[resource.name] = resource }
        }
        for record in monitorRecords {
            if let node = record.table["group"], case .string(let name) = node.value, !name.isEmpty,
                !groupNames.contains(name)
            {
                error(node.valuePosition, "group \(quote(name)) referenced here is not defined")
            }
            guard case .mirror(let name)? = record.monitor?.kind, let node = record.table["resource"] else { continue }
            switch resources[name]?.kind {
            case nil: error(node.valuePosition, "resource \(quote(name)) referenced here is not defined")
            case .mirror?: break
            case .some: error(node.valuePosition, "resource \(quote(name)) referenced here is not a mirror")
            }
        }
        if let manager = managerTable {
            for node in elements(manager, "enabled_on") {
                if case .string(let name) = node.value, !serverNames.contains(name) {
                    error(node.valuePosition, "server \(quote(name)) referenced here is not defined")
                }
            }
        }
    }

    // MARK: Mirrors (V11, V18)

    mutating func checkMirrors() {
        let servers = Dictionary(config.servers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var mirrorsPerServer: [String: Int] = [:]
        for record in resourceRecords {
            guard case .mirror(let mirror)? = record.resource?.kind, let resource = record.resource else { continue }
            let group = config.groups[record.groupIndex]
            if let node = record.table["peers"], mirror.peers.allSatisfy({ servers[$0] != nil }) {
                let distinct = Set(mirror.peers)
                let valid =
                    mirror.peers.count == 2 && distinct.count == 2
                    && group.servers.allSatisfy { distinct.contains($0) }
                    && distinct.allSatisfy { servers[$0].map { !$0.mirror.isEmpty } ?? false }
                if !valid {
                    error(
                        node.valuePosition,
                        "mirror \(quote(resource.name)) needs exactly 2 peers with mirror addresses that include every server of group \(quote(group.name))"
                    )
                }
            }
            for peer in Set(mirror.peers) {
                mirrorsPerServer[peer, default: 0] += 1
                if mirrorsPerServer[peer] == ConfigLimits.mirrorsPerServer + 1 {
                    let total = resourceRecords.filter {
                        guard case .mirror(let other)? = $0.resource?.kind else { return false }
                        return other.peers.contains(peer)
                    }.count
                    error(
                        record.table.position,
                        "too many mirrors on server \(quote(peer)) (\(total), at most \(ConfigLimits.mirrorsPerServer))"
                    )
                }
            }
        }
    }

    // MARK: Floating addresses

    mutating func checkFloatingAddresses(_ addresses: [ServerAddress]) {
        for record in resourceRecords {
            guard case .fip(let fip)? = record.resource?.kind, let node = record.table["address"],
                case .success(let address) = CIDRAddress.parse(fip.address)
            else { continue }
            if let owner = addresses.first(where: { $0.address.address == address.address }) {
                error(
                    node.valuePosition,
                    "invalid address \(quote(fip.address)): used by server \(quote(serverName(owner.server)))"
                )
            }
        }
    }

    // MARK: Ports (V17)

    mutating func checkPorts() {
        // Cluster ports listen on every address (host nil); manager listen ports only on their host.
        typealias Port = (port: Int, host: String?, label: String, position: SourcePosition?)
        var ports: [Port] = [
            (config.network.heartbeatPort, nil, "heartbeat_port", networkTable?["heartbeat_port"]?.keyPosition),
            (config.network.controlPort, nil, "control_port", networkTable?["control_port"]?.keyPosition),
        ]
        for record in resourceRecords {
            if case .mirror(let mirror)? = record.resource?.kind, let resource = record.resource {
                ports.append(
                    (mirror.port, nil, "port of mirror \(quote(resource.name))", record.table["port"]?.keyPosition)
                )
            }
        }
        if let manager = managerTable {
            for node in elements(manager, "listen") {
                if case .string(let text) = node.value, case .success(let listen) = HostPort.parse(text) {
                    ports.append((listen.port, listen.host, "listen \(quote(text))", node.valuePosition))
                }
            }
        }
        func clash(_ lhs: Port, _ rhs: Port) -> Bool {
            guard lhs.port == rhs.port else { return false }
            guard let left = lhs.host, let right = rhs.host else { return true }
            let wildcards: Set<String> = ["0.0.0.0", "::", ""]
            return left == right || wildcards.contains(left) || wildcards.contains(right)
        }
        for (offset, later) in ports.enumerated() {
            guard let earlier = ports[..<offset].first(where: { clash($0, later) }) else { continue }
            let position = later.position ?? earlier.position ?? networkTable?.position ?? .start
            error(position, "port \(later.port) is used twice (\(earlier.label) and \(later.label))")
        }
    }

    // MARK: Partition (V19–V22)

    /// Where heartbeat-timing findings point: the first timing key written, else its table, else `1:1`.
    func timingPosition() -> SourcePosition {
        for key in ["heartbeat_interval_ms", "heartbeat_timeout_count", "profile"] {
            if let node = timingTable?[key] { return node.keyPosition }
        }
        return timingTable?.position ?? partitionTable?["method"]?.keyPosition ?? clusterTable?.position ?? .start
    }

    mutating func checkPartition(_ addresses: [ServerAddress]) {
        guard let method = partitionMethod, let partition = partitionTable, let methodNode = partition["method"]
        else { return }
        let timing = config.timing
        let settings = config.partition
        let timeout = timing.heartbeatIntervalMilliseconds * timing.heartbeatTimeoutCount
        // V19.
        let minimum = method.minimumHeartbeatTimeoutMilliseconds
        if timeout < minimum {
            let message =
                "heartbeat timeout \(timeout) ms (\(timing.heartbeatIntervalMilliseconds) ms x \(timing.heartbeatTimeoutCount)) is below the minimum \(minimum) ms for partition method \(quote(method.rawValue))"
            if timing.enforceSeedMinimums {
                error(timingPosition(), message)
            } else {
                warning(timingPosition(), message)
            }
        }
        // V20.
        if config.servers.count == 1 {
            if method != .none {
                error(methodNode.keyPosition, "a single-server cluster needs partition method \"none\"")
            }
        } else {
            switch method {
            case .majority where config.servers.count == 2 && settings.tieBreaker.isEmpty,
                .ping where settings.tieBreaker.isEmpty:
                error(methodNode.keyPosition, "partition method \(quote(method.rawValue)) requires tie_breaker")
            case .disk where settings.lockDevice.isEmpty:
                error(methodNode.keyPosition, "partition method \"disk\" requires lock_device")
            default:
                break
            }
        }
        if settings.diskHeartbeat && settings.lockDevice.isEmpty, let node = partition["disk_heartbeat"] {
            error(node.keyPosition, "\"disk_heartbeat\" requires lock_device")
        }
        // V21: only where the lock area is used, or the key was written.
        let usesLockArea = method == .disk || settings.diskHeartbeat
        if (usesLockArea || partition["lock_io_timeout_ms"] != nil) && 2 * settings.lockIOTimeoutMilliseconds >= timeout
        {
            error(
                partition["lock_io_timeout_ms"]?.keyPosition ?? timingPosition(),
                "\"lock_io_timeout_ms\" must be less than half the heartbeat timeout"
            )
        }
        // V22.
        if method == .none && config.servers.count > 1 {
            let shared = resourceRecords.contains {
                switch $0.resource?.kind {
                case .disk?, .mirror?: true
                default: false
                }
            }
            if shared {
                warning(
                    methodNode.keyPosition,
                    "partition method \"none\" does not protect disk or mirror resources against a partition"
                )
            }
        }
        if method == .ping || method == .majority {
            let interconnects = addresses.filter {
                if case .interconnect = $0.role { return true }
                return false
            }
            for node in elements(partition, "tie_breaker") {
                guard case .string(let text) = node.value, let address = IPAddress(text) else { continue }
                if !interconnects.contains(where: { $0.address.contains(address) }) {
                    warning(node.valuePosition, "tie-breaker \(text) is in no interconnect network")
                }
            }
        }
        if settings.fenceAction == .dryRun, let node = partition["fence_action"] {
            warning(node.keyPosition, "\"fence_action\" = \"dry-run\" kills nothing; use it on test rigs only")
        }
    }

    // MARK: ARMLOAD watches (V23)

    mutating func checkWatches() {
        let maximum = config.armload.maxWatches
        let groups = Dictionary(config.groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for server in config.servers where !server.name.isEmpty {
            var watching: [MonitorRecord] = []
            for record in monitorRecords {
                guard let monitor = record.monitor, case .process(.watchID) = monitor.kind else { continue }
                if monitor.group.isEmpty || (groups[monitor.group]?.servers.contains(server.name) ?? false) {
                    watching.append(record)
                }
            }
            guard watching.count > maximum else { continue }
            let position = armloadTable?["max_watches"]?.keyPosition ?? watching[maximum].table.position
            error(
                position,
                "server \(quote(server.name)) can have \(watching.count) ARMLOAD watches; at most \(maximum)"
            )
        }
    }

    // MARK: Manager (V26)

    mutating func checkManagerTLS() {
        guard let manager = managerTable, !config.manager.tls, let node = manager["tls"] else { return }
        let loopbackOnly = config.manager.listen.allSatisfy { text in
            if case .success(let listen) = HostPort.parse(text) { return listen.isLoopback }
            return true
        }
        if !loopbackOnly {
            error(node.keyPosition, "TLS can be disabled only on loopback addresses")
        }
    }
}
