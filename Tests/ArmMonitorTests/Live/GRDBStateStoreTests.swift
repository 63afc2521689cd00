import ArmCore
import ArmMonitor
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct GRDBStateStoreTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "armstore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func rowsSurviveAReopen() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.sqlite"
        do {
            let store = try GRDBStateStore.open(path: path)
            try await store.setMeta(["run_state": "running", "cluster_name": "prod"])
            try await store.setMeta(["run_state": "stopped-armmond"])
            try await store.save(
                GroupRecord(name: "web", owner: "n1", state: .started, failed: true, failoverCount: 2, updatedAt: 1234),
                history: GroupHistoryEntry(
                    timestamp: 1234,
                    group: "web",
                    action: "start",
                    fromServer: nil,
                    toServer: "n1",
                    factor: "-",
                    result: "success"
                )
            )
            try await store.save(
                GroupRecord(name: "db", owner: nil, state: .stopped, failed: false, updatedAt: 5),
                history: nil
            )
        }
        let reopened = try GRDBStateStore.open(path: path)
        #expect(try await reopened.meta() == ["run_state": "stopped-armmond", "cluster_name": "prod"])
        #expect(
            try await reopened.groups() == [
                GroupRecord(name: "db", owner: nil, state: .stopped, failed: false, updatedAt: 5),
                GroupRecord(name: "web", owner: "n1", state: .started, failed: true, failoverCount: 2, updatedAt: 1234),
            ]
        )
        #expect(
            try await reopened.history(limit: 10) == [
                GroupHistoryEntry(
                    timestamp: 1234,
                    group: "web",
                    action: "start",
                    fromServer: nil,
                    toServer: "n1",
                    factor: "-",
                    result: "success"
                )
            ]
        )
    }

    @Test func theSchemaIsVersionOneWithEveryTableAndTheRequiredPragmas() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.sqlite"
        let store = try GRDBStateStore.open(path: path)
        #expect(try await store.userVersion() == 1)
        #expect(try await store.pragma("journal_mode") == "wal")
        #expect(try await store.pragma("synchronous") == "2")  // FULL
        #expect(try await store.pragma("foreign_keys") == "1")
        let tables = Set(try await store.tables())
        #expect(
            tables.isSuperset(of: [
                "meta", "server_mode", "group_state", "group_history", "codes", "armload", "shares", "mirror",
                "mirror_bitmap", "mirror_hot", "tuning_stats", "config_apply", "cluster_volumes",
            ])
        )
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func historyKeepsTheNewestRows() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try GRDBStateStore.open(path: directory + "/state.sqlite", historyLimit: 3)
        for index in 1...5 {
            try await store.save(
                GroupRecord(name: "web", owner: "n1", state: .started, failed: false, updatedAt: Int64(index)),
                history: GroupHistoryEntry(
                    timestamp: Int64(index),
                    group: "web",
                    action: "start",
                    fromServer: nil,
                    toServer: "n1",
                    factor: "-",
                    result: "success"
                )
            )
        }
        #expect(try await store.history(limit: 100).map(\.timestamp) == [3, 4, 5])
        #expect(try await store.history(limit: 2).map(\.timestamp) == [4, 5])
    }

    @Test func aNewerSchemaIsRefused() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state.sqlite"
        do {
            let store = try GRDBStateStore.open(path: path)
            #expect(try await store.userVersion() == 1)
        }
        // user_version is the big-endian integer at offset 60 of the database header.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 60)
        try handle.write(contentsOf: Data([0, 0, 0, 2]))
        try handle.close()
        #expect(throws: StateStoreError.unsupportedSchema(version: 2)) {
            _ = try GRDBStateStore.open(path: path)
        }
    }
}
