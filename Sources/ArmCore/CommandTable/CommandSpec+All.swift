extension CommandSpec {
    /// Every command of commands.md section 2, in the order of the summary table (section 3).
    ///
    /// `armtool` itself is not a row; see `CommandSpec.armtool`.
    package static let all: [CommandSpec] = [
        .armload, .armkill, .armloadc, .armmode, .armfover, .armgstrt, .armgstop, .armgwait, .armcall,
        .armsetcd, .armgetcd, .armbcast, .armdown, .armstdn, .armsstdn, .armem, .armpause, .armsleep,
        .armrsp, .armwhshr, .armnsadd, .armnsdel, .mdopen, .mdclose, .armdelay, .armvxset, .armsrvct,
        .armlogcc, .armstat, .armcfg, .armsh, .armmond, .armmgrd, .armmirror,
    ]

    /// The commands with their own executable, not dispatched by armtool (commands.md 1.1).
    package static let standaloneCommandNames: Set<String> = ["armmond", "armmgrd", "armsh"]

    /// Names armtool dispatches (every command but armmond, armmgrd and armsh), in table order.
    package static let armtoolCommandNames: [String] = all.map(\.name).filter { !standaloneCommandNames.contains($0) }

    /// Whether armtool dispatches this command (false for armmond, armmgrd, armsh and armtool itself).
    package var isArmtoolCommand: Bool { CommandSpec.armtoolCommandNames.contains(name) }

    /// The row for a command name as invoked: case-insensitive, one trailing `.exe` removed (commands.md 1.1).
    /// - Returns: nil for an unknown name and for `armtool` itself.
    package static func named(_ name: String) -> CommandSpec? {
        var lowered = name.lowercased()
        if lowered.hasSuffix(".exe") { lowered.removeLast(4) }
        return all.first { $0.name == lowered }
    }
}
