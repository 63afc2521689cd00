import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(2))) struct EnvironmentTests {
    @Test func currentEnvironmentMatchesGetenv() throws {
        let environment = Environment.current()
        let path = try #require(getenv("PATH"))
        #expect(environment["PATH"] == String(cString: path))
    }

    @Test(arguments: [
        ([:], ""),
        (["ARM_ROOT": ""], ""),
        (["ARM_ROOT": "/"], ""),
        (["ARM_ROOT": "/srv/arm/s1"], "/srv/arm/s1"),
        (["ARM_ROOT": "/srv/arm/s1//"], "/srv/arm/s1"),
    ])
    func armRootIsAnAbsolutePrefixOrEmpty(environment: [String: String], expected: String) throws {
        #expect(try Environment.armRoot(in: environment) == expected)
    }

    @Test func relativeArmRootIsAConfigurationError() {
        #expect(throws: SystemError.relativeArmRoot("srv/arm")) {
            try Environment.armRoot(in: ["ARM_ROOT": "srv/arm"])
        }
    }

    @Test func localServerNamePrefersARM_SERVER() {
        #expect(Environment.localServerName(in: ["ARM_SERVER": "s2"]) == "s2")
        #expect(Environment.localServerName(in: ["ARM_SERVER": ""]) == Hostname.short())
        #expect(Environment.localServerName(in: [:]) == Hostname.short())
    }

    @Test func shortHostNameStopsAtTheFirstDot() {
        #expect(Hostname.shortName(of: "s1.example.com") == "s1")
        #expect(Hostname.shortName(of: "s1") == "s1")
        #expect(Hostname.shortName(of: ".hidden") == ".hidden")
        #expect(!Hostname.short().isEmpty)
        #expect(!Hostname.short().contains("."))
    }
}

@Suite(.timeLimit(.minutes(2))) struct PathsTests {
    @Test(arguments: [
        ("/a/b", "/a"), ("/a/b/", "/a"), ("/a", "/"), ("/", "/"), ("a", "."), ("a/b", "a"), ("//a//b", "//a"),
    ])
    func directoryNameWorksLikeDirname(path: String, expected: String) {
        #expect(Paths.directoryName(of: path) == expected)
    }

    @Test func executableDirectoryHoldsTheRunningBinary() throws {
        let directory = try Paths.executableDirectory()
        let executable = try Paths.executablePath()
        #expect(directory.hasPrefix("/"))
        #expect(executable.hasPrefix(directory + "/"))
        #expect(FileIO.exists(path: executable))
    }
}

@Suite(.timeLimit(.minutes(2))) struct FileIOTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func atomicWriteThenReadRoundTrips() throws {
        let path = directory.file("startup-delay")
        try FileIO.writeAtomically(path: path, text: "30\n", mode: 0o640)
        #expect(try FileIO.readAll(path: path) == Array("30\n".utf8))
        #expect(permissions(path) == 0o640)
        try FileIO.writeAtomically(path: path, contents: [0, 1, 2], mode: 0o600)
        #expect(try FileIO.readAll(path: path) == [0, 1, 2])
        #expect(permissions(path) == 0o600)
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        try FileIO.writeAtomically(path: directory.file("a"), text: "x", mode: 0o644)
        #expect(throws: SystemError.self) {
            try FileIO.writeAtomically(path: directory.file("missing/b"), text: "x", mode: 0o644)
        }
        var names: [String] = []
        if let handle = opendir(directory.path) {
            while let entry = readdir(handle) {
                names.append(
                    withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                )
            }
            closedir(handle)
        }
        #expect(names.sorted() == [".", "..", "a"])
    }

    @Test func readsProcFilesWhoseSizeIsZero() throws {
        let text = try FileIO.readText(path: "/proc/self/status")
        #expect(text.contains("Pid:"))
    }

    @Test func readingAMissingFileIsENOENT() {
        #expect(throws: SystemError.call("open", path: directory.file("nope"), errno: ENOENT)) {
            try FileIO.readAll(path: directory.file("nope"))
        }
    }

    @Test func largeFilesAreReadWhole() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try FileIO.writeAtomically(path: directory.file("big"), contents: bytes, mode: 0o600)
        #expect(try FileIO.readAll(path: directory.file("big")) == bytes)
    }
}

@Suite(.timeLimit(.minutes(2))) struct DirectoriesTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func createsParentsAndSetsTheMode() throws {
        let path = directory.file("etc/armcluster/scripts/web")
        try Directories.ensure(path: path, mode: 0o750)
        #expect(permissions(path) == 0o750)
        #expect(permissions(directory.file("etc")) == 0o755)
    }

    @Test func existingDirectoryGetsTheModeAndOwner() throws {
        let path = directory.file("run")
        try Directories.ensure(path: path, mode: 0o700)
        try Directories.ensure(path: path, mode: 0o751, uid: getuid(), gid: getgid())
        #expect(permissions(path) == 0o751)
        var status = stat()
        try #require(stat(path, &status) == 0)
        #expect(status.st_uid == getuid() && status.st_gid == getgid())
    }

    @Test func fileInTheWayIsENOTDIR() throws {
        try FileIO.writeAtomically(path: directory.file("file"), text: "", mode: 0o644)
        #expect(throws: SystemError.call("mkdir", path: directory.file("file"), errno: ENOTDIR)) {
            try Directories.ensure(path: directory.file("file/sub"), mode: 0o755)
        }
    }
}

@Suite(.timeLimit(.minutes(2))) struct ExecTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func locateSearchesThePathInOrder() throws {
        try Directories.ensure(path: directory.file("one"), mode: 0o755)
        try Directories.ensure(path: directory.file("two"), mode: 0o755)
        try FileIO.writeAtomically(path: directory.file("one/tool"), text: "", mode: 0o644)
        try FileIO.writeAtomically(path: directory.file("two/tool"), text: "#!/bin/sh\n", mode: 0o755)
        let path = directory.file("one") + ":" + directory.file("two")
        #expect(Exec.locate("tool", searchPath: path) == .found(directory.file("two/tool")))
        #expect(Exec.locate("tool", searchPath: directory.file("one")) == .notExecutable(directory.file("one/tool")))
        #expect(Exec.locate("absent", searchPath: path) == .notFound)
    }

    @Test func nameWithASlashIsAPath() throws {
        #expect(Exec.locate("/bin/sh", searchPath: "") == .found("/bin/sh"))
        #expect(Exec.locate(directory.file("nothing"), searchPath: "/bin") == .notFound)
        #expect(Exec.locate(directory.path, searchPath: "") == .notExecutable(directory.path))
    }

    @Test func failedReplaceReturnsTheErrno() {
        let error = Exec.replace(path: directory.file("missing"), arguments: ["x"], environment: [:])
        #expect(error == .call("execve", path: directory.file("missing"), errno: ENOENT))
    }
}

@Suite(.timeLimit(.minutes(2))) struct SystemErrorTests {
    @Test func detailNamesTheCallThePathAndTheStrerrorText() {
        #expect(SystemError.call("open", path: "/x", errno: ENOENT).detail == "open /x: No such file or directory")
        #expect(
            SystemError.call("pthread_create", path: nil, errno: EAGAIN).detail
                == "pthread_create: Resource temporarily unavailable"
        )
        #expect(SystemError.call("open", path: "/x", errno: EACCES).errno == EACCES)
        #expect(SystemError.relativeArmRoot("x").errno == EINVAL)
    }
}
