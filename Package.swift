// swift-tools-version: 6.2
// ArmCluster — a Linux re-creation of the CLUSTERPRO for Windows Ver7.0 "ARM" high-availability toolkit.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

// Warnings are defects: scripts/test (and so CI) builds with ARM_WERROR=1.
let strict: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ] + (Context.environment["ARM_WERROR"] != nil ? [.treatAllWarnings(as: .error)] : [])

// armtool runs once per command a script calls, so its start-up is most of `armstat`'s latency: on Linux it
// is linked fully static (no dynamic loader, no symbol lookups or relocations of libstdc++ and libc at every
// start); NSS and the dlopen of libsqlite3 (armstat's monitor-down fallback) still load the system's shared
// libraries. armmond does not export its symbols: a smaller dynamic symbol table to search at start and
// more dead code for --gc-sections to drop. (Not -no-pie: against a shared libswiftCore, as in debug
// builds, ld.so then warns on stderr about protected symbols.) Every configuration gets the flags, so the
// end-to-end tests run what ships; scripts/bench/command-latency measures both.
let armtoolLinking: [LinkerSetting] = [.unsafeFlags(["-static-executable"], .when(platforms: [.linux]))]
let armmondLinking: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))
]

let package = Package(
    name: "ArmCluster",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "armtool", targets: ["armtool"]),
        .executable(name: "armmond", targets: ["armmond"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Pure domain: model, state machines, command table, option parser, catalog. stdlib only.
        .target(name: "ArmCore", swiftSettings: strict),
        // cluster.toml: our TOML parser, the model, validation, defaults and `armcfg show`. stdlib only.
        .target(name: "ArmConfig", dependencies: ["ArmCore"], swiftSettings: strict),
        // Wire formats shared by both ends of the control socket.
        .target(name: "ArmProtocol", dependencies: ["ArmCore"], swiftSettings: strict),
        // Process creation for programs and scripts: the code between clone and execve (async-signal-safe C),
        // and the epoll/eventfd/pidfd calls of their one watcher. Warnings are errors here always (C has no
        // ARM_WERROR switch to forget; unsafeFlags are fine in a root package's own target).
        .target(name: "CArmSpawn", cSettings: [.unsafeFlags(["-Wall", "-Wextra", "-Werror"])]),
        // Linux system calls (Glibc only): processes, pidfd, sockets, files, clocks.
        .target(name: "ArmSystem", dependencies: ["ArmCore", "CArmSpawn"], swiftSettings: strict),
        // The only path from a front end to the monitor.
        .target(name: "ArmClient", dependencies: ["ArmCore", "ArmProtocol"], swiftSettings: strict),
        // One file per command plus CommandRunner.
        .target(
            name: "ArmCommands",
            dependencies: ["ArmCore", "ArmConfig", "ArmProtocol", "ArmClient"],
            swiftSettings: strict
        ),
        // armmond: group manager, control server, state store, logs.
        .target(
            name: "ArmMonitor",
            dependencies: [
                "ArmCore", "ArmConfig", "ArmProtocol", "ArmSystem",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // Fakes for every test level. Never imports ArmSystem.
        .target(
            name: "ArmTesting",
            dependencies: ["ArmCore", "ArmConfig", "ArmProtocol", "ArmClient", "ArmCommands", "ArmMonitor"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "armtool",
            dependencies: ["ArmCommands", "ArmConfig", "ArmSystem"],
            swiftSettings: strict,
            linkerSettings: armtoolLinking
        ),
        .executableTarget(
            name: "armmond",
            dependencies: ["ArmConfig", "ArmMonitor", "ArmSystem"],
            swiftSettings: strict,
            linkerSettings: armmondLinking
        ),
        // Man-page and completion renderers (the `--help` text stays with the table in ArmCore): linked only by
        // armdocgen, so armtool carries none of it.
        .target(name: "ArmDocs", dependencies: ["ArmCore"], swiftSettings: strict),
        // Renders man/ and completions/ from the command table (scripts/gen-docs).
        .executableTarget(name: "armdocgen", dependencies: ["ArmCore", "ArmDocs"], swiftSettings: strict),
        .testTarget(name: "ArmCoreTests", dependencies: ["ArmCore"], swiftSettings: strict),
        .testTarget(name: "ArmConfigTests", dependencies: ["ArmCore", "ArmConfig"], swiftSettings: strict),
        .testTarget(name: "ArmProtocolTests", dependencies: ["ArmCore", "ArmProtocol"], swiftSettings: strict),
        .testTarget(name: "ArmDocsTests", dependencies: ["ArmCore", "ArmDocs"], swiftSettings: strict),
        .testTarget(
            name: "ArmCommandsTests",
            dependencies: ["ArmCore", "ArmConfig", "ArmProtocol", "ArmClient", "ArmCommands", "ArmTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ArmMonitorTests",
            dependencies: ["ArmCore", "ArmConfig", "ArmProtocol", "ArmMonitor", "ArmTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ArmSystemTests",
            dependencies: ["ArmCore", "ArmSystem", "CArmSpawn"],
            swiftSettings: strict
        ),
        .testTarget(name: "ArmEndToEndTests", dependencies: ["ArmCore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

// ARM_CORE_ONLY=1 keeps only the dependency-free modules and their tests, for a fast edit-test loop
// on ArmCore and ArmProtocol (use its own --scratch-path, e.g. .build-core).
if Context.environment["ARM_CORE_ONLY"] != nil {
    let keep: Set<String> = [
        "ArmCore", "ArmConfig", "ArmProtocol", "ArmDocs", "ArmCoreTests", "ArmConfigTests", "ArmProtocolTests",
        "ArmDocsTests", "armdocgen",
    ]
    package.targets.removeAll { !keep.contains($0.name) }
    package.products = []
    package.dependencies = []
}
