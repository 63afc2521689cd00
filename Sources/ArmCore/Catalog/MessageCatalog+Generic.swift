// The generic SOURCE-90/91/92 rows of every command prefix (commands.md 1.7), with `%s` (the upper-case
// command name; ARMMOND for the MONITOR prefix) already filled in, so a use passes the same arguments as
// the seed-specific rows it stands in for: none, (step, code), none.

extension CatalogEntry {
    /// ARMLOAD-90: `ARMLOAD received an invalid parameter.` (exit 2).
    package static let armload90 = MessageCatalog.genericInvalidParameter("ARMLOAD")
    /// ARMLOAD-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armload91 = MessageCatalog.genericInternalError("ARMLOAD")
    /// ARMLOAD-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armload92 = MessageCatalog.genericNotInState("ARMLOAD")

    /// ARMKILL-90: `ARMKILL received an invalid parameter.` (exit 2).
    package static let armkill90 = MessageCatalog.genericInvalidParameter("ARMKILL")
    /// ARMKILL-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armkill91 = MessageCatalog.genericInternalError("ARMKILL")
    /// ARMKILL-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armkill92 = MessageCatalog.genericNotInState("ARMKILL")

    /// ARMLOADC-90: `ARMLOADC received an invalid parameter.` (exit 2).
    package static let armloadc90 = MessageCatalog.genericInvalidParameter("ARMLOADC")
    /// ARMLOADC-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armloadc91 = MessageCatalog.genericInternalError("ARMLOADC")
    /// ARMLOADC-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armloadc92 = MessageCatalog.genericNotInState("ARMLOADC")

    /// ARMMODE-90: `ARMMODE received an invalid parameter.` (exit 2).
    package static let armmode90 = MessageCatalog.genericInvalidParameter("ARMMODE")
    /// ARMMODE-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armmode91 = MessageCatalog.genericInternalError("ARMMODE")
    /// ARMMODE-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armmode92 = MessageCatalog.genericNotInState("ARMMODE")

    /// ARMFOVER-90: `ARMFOVER received an invalid parameter.` (exit 2).
    package static let armfover90 = MessageCatalog.genericInvalidParameter("ARMFOVER")
    /// ARMFOVER-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armfover91 = MessageCatalog.genericInternalError("ARMFOVER")
    /// ARMFOVER-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armfover92 = MessageCatalog.genericNotInState("ARMFOVER")

    /// ARMGSTRT-90: `ARMGSTRT received an invalid parameter.` (exit 2).
    package static let armgstrt90 = MessageCatalog.genericInvalidParameter("ARMGSTRT")
    /// ARMGSTRT-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armgstrt91 = MessageCatalog.genericInternalError("ARMGSTRT")
    /// ARMGSTRT-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armgstrt92 = MessageCatalog.genericNotInState("ARMGSTRT")

    /// ARMGSTOP-90: `ARMGSTOP received an invalid parameter.` (exit 2).
    package static let armgstop90 = MessageCatalog.genericInvalidParameter("ARMGSTOP")
    /// ARMGSTOP-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armgstop91 = MessageCatalog.genericInternalError("ARMGSTOP")
    /// ARMGSTOP-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armgstop92 = MessageCatalog.genericNotInState("ARMGSTOP")

    /// ARMGWAIT-90: `ARMGWAIT received an invalid parameter.` (exit 2).
    package static let armgwait90 = MessageCatalog.genericInvalidParameter("ARMGWAIT")
    /// ARMGWAIT-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armgwait91 = MessageCatalog.genericInternalError("ARMGWAIT")
    /// ARMGWAIT-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armgwait92 = MessageCatalog.genericNotInState("ARMGWAIT")

    /// ARMCALL-90: `ARMCALL received an invalid parameter.` (exit 2).
    package static let armcall90 = MessageCatalog.genericInvalidParameter("ARMCALL")
    /// ARMCALL-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armcall91 = MessageCatalog.genericInternalError("ARMCALL")
    /// ARMCALL-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armcall92 = MessageCatalog.genericNotInState("ARMCALL")

    /// ARMSETCD-90: `ARMSETCD received an invalid parameter.` (exit 2).
    package static let armsetcd90 = MessageCatalog.genericInvalidParameter("ARMSETCD")
    /// ARMSETCD-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armsetcd91 = MessageCatalog.genericInternalError("ARMSETCD")
    /// ARMSETCD-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armsetcd92 = MessageCatalog.genericNotInState("ARMSETCD")

    /// ARMGETCD-90: `ARMGETCD received an invalid parameter.` (exit 2).
    package static let armgetcd90 = MessageCatalog.genericInvalidParameter("ARMGETCD")
    /// ARMGETCD-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armgetcd91 = MessageCatalog.genericInternalError("ARMGETCD")
    /// ARMGETCD-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armgetcd92 = MessageCatalog.genericNotInState("ARMGETCD")

    /// ARMBCAST-90: `ARMBCAST received an invalid parameter.` (exit 2).
    package static let armbcast90 = MessageCatalog.genericInvalidParameter("ARMBCAST")
    /// ARMBCAST-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armbcast91 = MessageCatalog.genericInternalError("ARMBCAST")
    /// ARMBCAST-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armbcast92 = MessageCatalog.genericNotInState("ARMBCAST")

    /// ARMDOWN-90: `ARMDOWN received an invalid parameter.` (exit 2).
    package static let armdown90 = MessageCatalog.genericInvalidParameter("ARMDOWN")
    /// ARMDOWN-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armdown91 = MessageCatalog.genericInternalError("ARMDOWN")
    /// ARMDOWN-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armdown92 = MessageCatalog.genericNotInState("ARMDOWN")

    /// ARMSTDN-90: `ARMSTDN received an invalid parameter.` (exit 2).
    package static let armstdn90 = MessageCatalog.genericInvalidParameter("ARMSTDN")
    /// ARMSTDN-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armstdn91 = MessageCatalog.genericInternalError("ARMSTDN")
    /// ARMSTDN-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armstdn92 = MessageCatalog.genericNotInState("ARMSTDN")

    /// ARMSSTDN-90: `ARMSSTDN received an invalid parameter.` (exit 2).
    package static let armsstdn90 = MessageCatalog.genericInvalidParameter("ARMSSTDN")
    /// ARMSSTDN-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armsstdn91 = MessageCatalog.genericInternalError("ARMSSTDN")
    /// ARMSSTDN-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armsstdn92 = MessageCatalog.genericNotInState("ARMSSTDN")

    /// ARMEM-90: `ARMEM received an invalid parameter.` (exit 2).
    package static let armem90 = MessageCatalog.genericInvalidParameter("ARMEM")
    /// ARMEM-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armem91 = MessageCatalog.genericInternalError("ARMEM")
    /// ARMEM-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armem92 = MessageCatalog.genericNotInState("ARMEM")

    /// ARMPAUSE-90: `ARMPAUSE received an invalid parameter.` (exit 2).
    package static let armpause90 = MessageCatalog.genericInvalidParameter("ARMPAUSE")
    /// ARMPAUSE-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armpause91 = MessageCatalog.genericInternalError("ARMPAUSE")
    /// ARMPAUSE-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armpause92 = MessageCatalog.genericNotInState("ARMPAUSE")

    /// ARMSLEEP-90: `ARMSLEEP received an invalid parameter.` (exit 2).
    package static let armsleep90 = MessageCatalog.genericInvalidParameter("ARMSLEEP")
    /// ARMSLEEP-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armsleep91 = MessageCatalog.genericInternalError("ARMSLEEP")
    /// ARMSLEEP-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armsleep92 = MessageCatalog.genericNotInState("ARMSLEEP")

    /// ARMRSP-90: `ARMRSP received an invalid parameter.` (exit 2).
    package static let armrsp90 = MessageCatalog.genericInvalidParameter("ARMRSP")
    /// ARMRSP-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armrsp91 = MessageCatalog.genericInternalError("ARMRSP")
    /// ARMRSP-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armrsp92 = MessageCatalog.genericNotInState("ARMRSP")

    /// ARMWHSHR-90: `ARMWHSHR received an invalid parameter.` (exit 2).
    package static let armwhshr90 = MessageCatalog.genericInvalidParameter("ARMWHSHR")
    /// ARMWHSHR-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armwhshr91 = MessageCatalog.genericInternalError("ARMWHSHR")
    /// ARMWHSHR-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armwhshr92 = MessageCatalog.genericNotInState("ARMWHSHR")

    /// ARMNSADD-90: `ARMNSADD received an invalid parameter.` (exit 2).
    package static let armnsadd90 = MessageCatalog.genericInvalidParameter("ARMNSADD")
    /// ARMNSADD-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armnsadd91 = MessageCatalog.genericInternalError("ARMNSADD")
    /// ARMNSADD-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armnsadd92 = MessageCatalog.genericNotInState("ARMNSADD")

    /// ARMNSDEL-90: `ARMNSDEL received an invalid parameter.` (exit 2).
    package static let armnsdel90 = MessageCatalog.genericInvalidParameter("ARMNSDEL")
    /// ARMNSDEL-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armnsdel91 = MessageCatalog.genericInternalError("ARMNSDEL")
    /// ARMNSDEL-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armnsdel92 = MessageCatalog.genericNotInState("ARMNSDEL")

    /// MDOPEN-90: `MDOPEN received an invalid parameter.` (exit 2).
    package static let mdopen90 = MessageCatalog.genericInvalidParameter("MDOPEN")
    /// MDOPEN-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let mdopen91 = MessageCatalog.genericInternalError("MDOPEN")
    /// MDOPEN-92: `… is not in a state where it can be executed.` (exit 4).
    package static let mdopen92 = MessageCatalog.genericNotInState("MDOPEN")

    /// MDCLOSE-90: `MDCLOSE received an invalid parameter.` (exit 2).
    package static let mdclose90 = MessageCatalog.genericInvalidParameter("MDCLOSE")
    /// MDCLOSE-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let mdclose91 = MessageCatalog.genericInternalError("MDCLOSE")
    /// MDCLOSE-92: `… is not in a state where it can be executed.` (exit 4).
    package static let mdclose92 = MessageCatalog.genericNotInState("MDCLOSE")

    /// ARMDELAY-90: `ARMDELAY received an invalid parameter.` (exit 2).
    package static let armdelay90 = MessageCatalog.genericInvalidParameter("ARMDELAY")
    /// ARMDELAY-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armdelay91 = MessageCatalog.genericInternalError("ARMDELAY")
    /// ARMDELAY-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armdelay92 = MessageCatalog.genericNotInState("ARMDELAY")

    /// ARMVXSET-90: `ARMVXSET received an invalid parameter.` (exit 2).
    package static let armvxset90 = MessageCatalog.genericInvalidParameter("ARMVXSET")
    /// ARMVXSET-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armvxset91 = MessageCatalog.genericInternalError("ARMVXSET")
    /// ARMVXSET-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armvxset92 = MessageCatalog.genericNotInState("ARMVXSET")

    /// ARMSRVCT-90: `ARMSRVCT received an invalid parameter.` (exit 2).
    package static let armsrvct90 = MessageCatalog.genericInvalidParameter("ARMSRVCT")
    /// ARMSRVCT-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armsrvct91 = MessageCatalog.genericInternalError("ARMSRVCT")
    /// ARMSRVCT-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armsrvct92 = MessageCatalog.genericNotInState("ARMSRVCT")

    /// ARMLOGCC-90: `ARMLOGCC received an invalid parameter.` (exit 2).
    package static let armlogcc90 = MessageCatalog.genericInvalidParameter("ARMLOGCC")
    /// ARMLOGCC-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armlogcc91 = MessageCatalog.genericInternalError("ARMLOGCC")
    /// ARMLOGCC-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armlogcc92 = MessageCatalog.genericNotInState("ARMLOGCC")

    /// ARMSTAT-90: `ARMSTAT received an invalid parameter.` (exit 2).
    package static let armstat90 = MessageCatalog.genericInvalidParameter("ARMSTAT")
    /// ARMSTAT-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armstat91 = MessageCatalog.genericInternalError("ARMSTAT")
    /// ARMSTAT-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armstat92 = MessageCatalog.genericNotInState("ARMSTAT")

    /// ARMCFG-90: `ARMCFG received an invalid parameter.` (exit 2).
    package static let armcfg90 = MessageCatalog.genericInvalidParameter("ARMCFG")
    /// ARMCFG-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armcfg91 = MessageCatalog.genericInternalError("ARMCFG")
    /// ARMCFG-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armcfg92 = MessageCatalog.genericNotInState("ARMCFG")

    /// ARMSH-90: `ARMSH received an invalid parameter.` (exit 2).
    package static let armsh90 = MessageCatalog.genericInvalidParameter("ARMSH")
    /// ARMSH-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armsh91 = MessageCatalog.genericInternalError("ARMSH")
    /// ARMSH-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armsh92 = MessageCatalog.genericNotInState("ARMSH")

    /// MONITOR-90: `ARMMOND received an invalid parameter.` (exit 2).
    package static let monitor90 = MessageCatalog.genericInvalidParameter("MONITOR")
    /// MONITOR-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let monitor91 = MessageCatalog.genericInternalError("MONITOR")
    /// MONITOR-92: `… is not in a state where it can be executed.` (exit 4).
    package static let monitor92 = MessageCatalog.genericNotInState("MONITOR")

    /// ARMMGRD-90: `ARMMGRD received an invalid parameter.` (exit 2).
    package static let armmgrd90 = MessageCatalog.genericInvalidParameter("ARMMGRD")
    /// ARMMGRD-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armmgrd91 = MessageCatalog.genericInternalError("ARMMGRD")
    /// ARMMGRD-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armmgrd92 = MessageCatalog.genericNotInState("ARMMGRD")

    /// ARMMIRROR-90: `ARMMIRROR received an invalid parameter.` (exit 2).
    package static let armmirror90 = MessageCatalog.genericInvalidParameter("ARMMIRROR")
    /// ARMMIRROR-91: `… failed in internal processing (%03d). The error code is 0x%x.` (exit 9 by default).
    package static let armmirror91 = MessageCatalog.genericInternalError("ARMMIRROR")
    /// ARMMIRROR-92: `… is not in a state where it can be executed.` (exit 4).
    package static let armmirror92 = MessageCatalog.genericNotInState("ARMMIRROR")
}

extension MessageCatalog {
    /// The generic rows, three per prefix of `MessageCatalog.prefixes`.
    static let genericEntries: [CatalogEntry] = [
        .armload90, .armload91, .armload92, .armkill90, .armkill91, .armkill92, .armloadc90, .armloadc91, .armloadc92,
        .armmode90, .armmode91, .armmode92, .armfover90, .armfover91, .armfover92, .armgstrt90, .armgstrt91,
        .armgstrt92, .armgstop90, .armgstop91, .armgstop92, .armgwait90, .armgwait91, .armgwait92, .armcall90,
        .armcall91, .armcall92, .armsetcd90, .armsetcd91, .armsetcd92, .armgetcd90, .armgetcd91, .armgetcd92,
        .armbcast90, .armbcast91, .armbcast92, .armdown90, .armdown91, .armdown92, .armstdn90, .armstdn91, .armstdn92,
        .armsstdn90, .armsstdn91, .armsstdn92, .armem90, .armem91, .armem92, .armpause90, .armpause91, .armpause92,
        .armsleep90, .armsleep91, .armsleep92, .armrsp90, .armrsp91, .armrsp92, .armwhshr90, .armwhshr91, .armwhshr92,
        .armnsadd90, .armnsadd91, .armnsadd92, .armnsdel90, .armnsdel91, .armnsdel92, .mdopen90, .mdopen91, .mdopen92,
        .mdclose90, .mdclose91, .mdclose92, .armdelay90, .armdelay91, .armdelay92, .armvxset90, .armvxset91,
        .armvxset92, .armsrvct90, .armsrvct91, .armsrvct92, .armlogcc90, .armlogcc91, .armlogcc92, .armstat90,
        .armstat91, .armstat92, .armcfg90, .armcfg91, .armcfg92, .armsh90, .armsh91, .armsh92, .monitor90, .monitor91,
        .monitor92, .armmgrd90, .armmgrd91, .armmgrd92, .armmirror90, .armmirror91, .armmirror92,
    ]
}
