/// Every catalogued message (STYLE §2.2): ARM.LOG rows of every command (commands.md section 2), the generic
/// `SOURCE-90/91/92` rows of every command prefix (commands.md 1.7), and the armsvr.log and events.log rows
/// the daemon needs (config-and-files §4.3, §4.7).
///
/// Refer to one entry through its constant (`CatalogEntry.armload01`, `.monitor03`, `.rsc010`,
/// `.scrpt9000`, `.event2007`) so the compiler checks the name; `entry(_:)` serves IDs that arrive as text (the wire).
package enum MessageCatalog {
    /// Every entry, in the order: command rows (commands.md order), generic rows, armsvr.log rows, events.log
    /// rows, armtool's rows.
    package static let all: [CatalogEntry] =
        armloadEntries + commandEntries + genericEntries + armsvrEntries + eventEntries + runnerEntries

    /// Every command's message prefix (commands.md section 3, column "ID"), in that table's order.
    package static let prefixes: [String] = [
        "ARMLOAD", "ARMKILL", "ARMLOADC", "ARMMODE", "ARMFOVER", "ARMGSTRT", "ARMGSTOP", "ARMGWAIT", "ARMCALL",
        "ARMSETCD", "ARMGETCD", "ARMBCAST", "ARMDOWN", "ARMSTDN", "ARMSSTDN", "ARMEM", "ARMPAUSE", "ARMSLEEP",
        "ARMRSP", "ARMWHSHR", "ARMNSADD", "ARMNSDEL", "MDOPEN", "MDCLOSE", "ARMDELAY", "ARMVXSET", "ARMSRVCT",
        "ARMLOGCC", "ARMSTAT", "ARMCFG", "ARMSH", "MONITOR", "ARMMGRD", "ARMMIRROR",
    ]

    /// Entries by ID, built without trapping on a duplicate (a test checks IDs are unique).
    private static let byID: [String: CatalogEntry] = Dictionary(
        all.map { ($0.id, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    /// The entry with this ID (`ARMLOAD-01`, `RSC-010`), case-insensitive; nil when there is none.
    package static func entry(_ id: String) -> CatalogEntry? {
        byID[id.uppercased()]
    }

    /// The command's "received an invalid parameter" row.
    ///
    /// That is the seed-specific row where the command has one (ARMLOAD-03, ARMGSTRT-02, ARMRSP-01, …),
    /// else `PREFIX-90` with the command name filled in. Its arguments are the row's own fields
    /// (ARMFOVER-02: option, group-name; PREFIX-90: none).
    /// - Parameter prefix: The message prefix (`CommandSpec.messagePrefix`), any case.
    /// - Returns: The entry; never nil, an unknown prefix gets a generic row.
    package static func invalidParameter(prefix: String) -> CatalogEntry {
        let prefix = prefix.uppercased()
        if let row = invalidParameterRows[prefix], let entry = entry("\(prefix)-\(row)") { return entry }
        return entry("\(prefix)-90") ?? genericInvalidParameter(prefix)
    }

    /// The command's "failed in internal processing" row.
    ///
    /// That is the seed-specific row where the command has one (ARMLOAD-07, ARMGSTRT-03, ARMSSTDN-03, …),
    /// else `PREFIX-91` with arguments (step, code).
    /// - Parameter prefix: The message prefix, any case.
    /// - Returns: The entry; never nil, an unknown prefix gets a generic row.
    package static func internalError(prefix: String) -> CatalogEntry {
        let prefix = prefix.uppercased()
        if let row = internalErrorRows[prefix], let entry = entry("\(prefix)-\(row)") { return entry }
        return entry("\(prefix)-91") ?? genericInternalError(prefix)
    }

    /// The command's "is not in a state where it can be executed" row.
    ///
    /// That is the seed-specific row where the command has one (ARMLOAD-30, ARMGSTRT-04, ARMMODE-03, …),
    /// else `PREFIX-92` without arguments.
    /// - Parameter prefix: The message prefix, any case.
    /// - Returns: The entry; never nil, an unknown prefix gets a generic row.
    package static func notInState(prefix: String) -> CatalogEntry {
        let prefix = prefix.uppercased()
        if let row = notInStateRows[prefix], let entry = entry("\(prefix)-\(row)") { return entry }
        return entry("\(prefix)-92") ?? genericNotInState(prefix)
    }

    // MARK: - Seed-specific rows

    /// Row of the "received an invalid parameter" text per prefix (commands.md section 2).
    static let invalidParameterRows: [String: String] = [
        "ARMLOAD": "03", "ARMKILL": "03", "ARMLOADC": "02", "ARMMODE": "02", "ARMFOVER": "02", "ARMGSTRT": "02",
        "ARMGSTOP": "02", "ARMGWAIT": "02", "ARMCALL": "02", "ARMSETCD": "02", "ARMGETCD": "02", "ARMBCAST": "02",
        "ARMDOWN": "02", "ARMSTDN": "02", "ARMSSTDN": "05", "ARMEM": "02", "ARMPAUSE": "02", "ARMSLEEP": "02",
        "ARMRSP": "01", "ARMWHSHR": "01", "ARMNSADD": "02", "ARMNSDEL": "02", "MDOPEN": "02", "MDCLOSE": "02",
    ]

    /// Row of the "failed in internal processing" text per prefix; ARMLOADC-05 (system API) and ARMSSTDN-03
    /// (`%d(%d)`) are those commands' internal-failure rows.
    static let internalErrorRows: [String: String] = [
        "ARMLOAD": "07", "ARMKILL": "07", "ARMLOADC": "05", "ARMMODE": "04", "ARMFOVER": "04", "ARMGSTRT": "03",
        "ARMGSTOP": "04", "ARMGWAIT": "04", "ARMCALL": "05", "ARMSETCD": "04", "ARMGETCD": "04", "ARMBCAST": "03",
        "ARMDOWN": "05", "ARMSTDN": "03", "ARMSSTDN": "03", "ARMEM": "03", "ARMRSP": "03", "ARMWHSHR": "02",
        "ARMNSADD": "03", "ARMNSDEL": "03", "MDOPEN": "04", "MDCLOSE": "04",
    ]

    /// Row of the "is not in a state" text per prefix.
    ///
    /// Interpretation: ARMSSTDN-02 ("not operating as a cluster"), ARMLOAD-15 and ARMRSP-04 (no group
    /// variable) name one specific refusal, so other refusals of those commands use `-92`.
    static let notInStateRows: [String: String] = [
        "ARMLOAD": "30", "ARMLOADC": "03", "ARMMODE": "03", "ARMFOVER": "03", "ARMGSTRT": "04", "ARMGSTOP": "03",
        "ARMBCAST": "04", "ARMDOWN": "04", "ARMSTDN": "04", "MDOPEN": "03", "MDCLOSE": "03",
    ]

    // MARK: - Generic rows (commands.md 1.7)

    /// The name the generic texts print for a prefix: the upper-case command name, so `ARMMOND` for the
    /// `MONITOR` prefix.
    static func commandName(prefix: String) -> String {
        prefix == "MONITOR" ? "ARMMOND" : prefix
    }

    /// `SOURCE-90` `%s received an invalid parameter.` with `%s` filled in (exit 2).
    static func genericInvalidParameter(_ prefix: String) -> CatalogEntry {
        let name = commandName(prefix: prefix)
        return CatalogEntry(
            id: "\(prefix)-90",
            status: .usage,
            severity: .error,
            en: "\(name) received an invalid parameter.",
            ja: "\(name)は無効なパラメータを受け取りました。"
        )
    }

    /// `SOURCE-91` `%s failed in internal processing (%03d). The error code is 0x%x.` with `%s` filled in
    /// (exit 9 unless the step says otherwise).
    static func genericInternalError(_ prefix: String) -> CatalogEntry {
        let name = commandName(prefix: prefix)
        return CatalogEntry(
            id: "\(prefix)-91",
            status: .internal,
            severity: .error,
            en: "\(name) failed in internal processing (%03d). The error code is 0x%x.",
            ja: "\(name)は内部処理(%03d)に失敗しました。エラーコードは0x%xです。"
        )
    }

    /// `SOURCE-92` `%s is not in a state where it can be executed.` with `%s` filled in (exit 4).
    static func genericNotInState(_ prefix: String) -> CatalogEntry {
        let name = commandName(prefix: prefix)
        return CatalogEntry(
            id: "\(prefix)-92",
            status: .refused,
            severity: .warn,
            en: "\(name) is not in a state where it can be executed.",
            ja: "\(name)は実行できる状態ではありません。"
        )
    }
}
