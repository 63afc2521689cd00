extension CatalogEntry {
    /// `armXXX: not implemented yet` for commands a later issue builds (exit 9, never a silent success).
    package static let armtool01 = CatalogEntry(
        id: "ARMTOOL-01",
        status: .internal,
        severity: .error,
        en: "not implemented yet",
        ja: "まだ実装されていません"
    )
    /// `armtool NAME` with a name that is no command (commands.md 1.1: exit 2).
    package static let armtool02 = CatalogEntry(
        id: "ARMTOOL-02",
        status: .usage,
        severity: .error,
        en: "unknown command %s. Run armtool --help for the list.",
        ja: "不明なコマンド %s です。一覧は armtool --help で表示されます。"
    )
    /// A relative `ARM_ROOT` (commands.md 1.3: exit 10).
    package static let armtool03 = CatalogEntry(
        id: "ARMTOOL-03",
        status: .config,
        severity: .error,
        en: "ARM_ROOT must be an absolute path (%s).",
        ja: "ARM_ROOT は絶対パスでなければなりません (%s)。"
    )
    /// ARMSTAT-01: an unknown `NAME` (commands.md 2.29: `armstat: no such group NAME`, exit 5); the fields are
    /// the kind (`server`, `group`, `WID`, `mirror set`, `share`) and the name.
    package static let armstat01 = CatalogEntry(
        id: "ARMSTAT-01",
        status: .notFound,
        severity: .warn,
        en: "no such %s %s",
        ja: "%s %s は存在しません"
    )
}

extension MessageCatalog {
    /// armtool's own rows.
    static let runnerEntries: [CatalogEntry] = [.armtool01, .armtool02, .armtool03, .armstat01]
}
