import Glibc

/// Gives back the pages of the process's own executable that start-up touched (config loading, store
/// migration, group start) so that an idle daemon keeps resident only what it uses again.
///
/// The kernel maps file pages in 64 KiB windows around each fault (fault-around), so a start that runs
/// code spread over a 70 MB binary leaves most of its text resident for the process's whole life. After
/// `release()` (`madvise(MADV_PAGEOUT)` on the executable's mappings) the pages come back one fault at a
/// time as they are used: armmond idles with about 16 MB instead of 25 MB resident
/// (scripts/bench/command-latency reports the figure). Writable mappings are left alone (their private
/// pages would be swapped, not dropped); kernels without MADV_PAGEOUT (before 5.4) ignore the advice.
package enum StartupPages {
    /// Advises the kernel to reclaim the read-only and executable mappings of `/proc/self/exe`.
    package static func release() {
        guard let executable = try? Paths.executablePath(),
            let maps = try? FileIO.readText(path: "/proc/self/maps")
        else { return }
        for line in maps.split(separator: "\n") where line.hasSuffix(" " + executable) {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, !fields[1].contains("w") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                end > start, let address = UnsafeMutableRawPointer(bitPattern: start)
            else { continue }
            _ = madvise(address, Int(end - start), MADV_PAGEOUT)
        }
    }
}
