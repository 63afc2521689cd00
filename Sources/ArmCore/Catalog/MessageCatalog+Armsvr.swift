// armsvr.log catalogue entries the daemon needs (config-and-files §4.3): seed classes I/W/E become
// info/warn/error; the exit status is irrelevant there (`.failed` for E, else `.success`).

extension CatalogEntry {
    // MARK: MON: armmond start-up

    /// MON-001.
    package static let mon001 = CatalogEntry(
        id: "MON-001",
        status: .success,
        severity: .info,
        en: "<< ArmCluster %1 for Linux Ver %2 >>",
        ja: "<< ArmCluster %1 for Linux Ver %2 >>"
    )

    /// MON-002.
    package static let mon002 = CatalogEntry(
        id: "MON-002",
        status: .success,
        severity: .info,
        en: "Server startup processing started.",
        ja: "サーバの起動処理を開始しました。"
    )

    /// MON-003.
    package static let mon003 = CatalogEntry(
        id: "MON-003",
        status: .success,
        severity: .info,
        en: "Server startup processing completed.",
        ja: "サーバの起動処理が完了しました。"
    )

    /// MON-004.
    package static let mon004 = CatalogEntry(
        id: "MON-004",
        status: .failed,
        severity: .error,
        en: "Server startup processing failed.",
        ja: "サーバの起動処理が失敗しました。"
    )

    // MARK: STC: server and cluster state

    /// STC-001.
    package static let stc001 = CatalogEntry(
        id: "STC-001",
        status: .success,
        severity: .info,
        en: "Server state has been determined.",
        ja: "サーバの状態が確定しました。"
    )

    /// STC-002.
    package static let stc002 = CatalogEntry(
        id: "STC-002",
        status: .success,
        severity: .info,
        en: "Cluster name: %1",
        ja: "クラスタ名: %1"
    )

    /// STC-003.
    package static let stc003 = CatalogEntry(
        id: "STC-003",
        status: .success,
        severity: .info,
        en: "* Server name: %1 (single-server state)",
        ja: "* サーバ名: %1 (シングルサーバ状態)"
    )

    /// STC-004.
    package static let stc004 = CatalogEntry(
        id: "STC-004",
        status: .success,
        severity: .info,
        en: "* Server name: %1 (normal state)",
        ja: "* サーバ名: %1 (正常状態)"
    )

    /// STC-005.
    package static let stc005 = CatalogEntry(
        id: "STC-005",
        status: .success,
        severity: .info,
        en: "* Server name: %1 (down-then-restarted state)",
        ja: "* サーバ名: %1 (ダウン後再起動状態)"
    )

    /// STC-006.
    package static let stc006 = CatalogEntry(
        id: "STC-006",
        status: .success,
        severity: .info,
        en: "Server name: %1 (normal state)",
        ja: "サーバ名: %1 (正常状態)"
    )

    /// STC-007.
    package static let stc007 = CatalogEntry(
        id: "STC-007",
        status: .success,
        severity: .info,
        en: "Server name: %1 (down-then-restarted state)",
        ja: "サーバ名: %1 (ダウン後再起動状態)"
    )

    /// STC-008.
    package static let stc008 = CatalogEntry(
        id: "STC-008",
        status: .success,
        severity: .info,
        en: "Server name: %1 (down state)",
        ja: "サーバ名: %1 (ダウン状態)"
    )

    /// STC-039, as armmond writes it today for ARMGSTRT.
    ///
    /// Note: config-and-files §4.3 numbers "from the agent" 039 and "from the API" 040; the ID stays as the
    /// end-to-end tests pin it until that is settled.
    package static let stc039 = CatalogEntry(
        id: "STC-039",
        status: .success,
        severity: .info,
        en: "Accepted a start instruction for group %1 from the API.",
        ja: "APIからグループ%1の起動指示を受け付けました。"
    )

    /// STC-042: ARMGSTOP (a stop instruction from the API).
    package static let stc042 = CatalogEntry(
        id: "STC-042",
        status: .success,
        severity: .info,
        en: "Accepted a stop instruction for group %1 from the API.",
        ja: "APIからグループ%1の停止指示を受け付けました。"
    )

    // MARK: RSC: group and resource control

    /// RSC-001.
    package static let rsc001 = CatalogEntry(
        id: "RSC-001",
        status: .success,
        severity: .info,
        en: "Group %1 will be started automatically.",
        ja: "グループ%1は自動で起動されます。"
    )

    /// RSC-002.
    package static let rsc002 = CatalogEntry(
        id: "RSC-002",
        status: .success,
        severity: .info,
        en: "Group %1 will be stopped automatically.",
        ja: "グループ%1は自動で停止されます。"
    )

    /// RSC-003.
    package static let rsc003 = CatalogEntry(
        id: "RSC-003",
        status: .success,
        severity: .info,
        en: "Start processing of group %1 started.",
        ja: "グループ%1の起動処理を開始しました。"
    )

    /// RSC-004.
    package static let rsc004 = CatalogEntry(
        id: "RSC-004",
        status: .success,
        severity: .info,
        en: "Start processing of group %1 succeeded.",
        ja: "グループ%1の起動処理が成功しました。"
    )

    /// RSC-005.
    package static let rsc005 = CatalogEntry(
        id: "RSC-005",
        status: .failed,
        severity: .error,
        en: "Start processing of group %1 failed.",
        ja: "グループ%1の起動処理が失敗しました。"
    )

    /// RSC-006.
    package static let rsc006 = CatalogEntry(
        id: "RSC-006",
        status: .success,
        severity: .info,
        en: "Stop processing of group %1 started.",
        ja: "グループ%1の停止処理を開始しました。"
    )

    /// RSC-007.
    package static let rsc007 = CatalogEntry(
        id: "RSC-007",
        status: .success,
        severity: .info,
        en: "Stop processing of group %1 succeeded.",
        ja: "グループ%1の停止処理が成功しました。"
    )

    /// RSC-008.
    package static let rsc008 = CatalogEntry(
        id: "RSC-008",
        status: .failed,
        severity: .error,
        en: "Stop processing of group %1 failed.",
        ja: "グループ%1の停止処理が失敗しました。"
    )

    /// RSC-009.
    package static let rsc009 = CatalogEntry(
        id: "RSC-009",
        status: .success,
        severity: .info,
        en: "Activation processing of resource %1 started.",
        ja: "リソース%1の活性処理を開始しました。"
    )

    /// RSC-010.
    package static let rsc010 = CatalogEntry(
        id: "RSC-010",
        status: .success,
        severity: .info,
        en: "Activation processing of resource %1 succeeded. (elapsed time %2 seconds)",
        ja: "リソース%1の活性処理が成功しました。(所要時間は%2秒)"
    )

    /// RSC-011.
    package static let rsc011 = CatalogEntry(
        id: "RSC-011",
        status: .failed,
        severity: .error,
        en: "Activation processing of resource %1 failed.",
        ja: "リソース%1の活性処理が失敗しました。"
    )

    /// RSC-012.
    package static let rsc012 = CatalogEntry(
        id: "RSC-012",
        status: .success,
        severity: .info,
        en: "Deactivation processing of resource %1 started.",
        ja: "リソース%1の非活性処理を開始しました。"
    )

    /// RSC-013.
    package static let rsc013 = CatalogEntry(
        id: "RSC-013",
        status: .success,
        severity: .info,
        en: "Deactivation processing of resource %1 succeeded. (elapsed time %2 seconds)",
        ja: "リソース%1の非活性処理が成功しました。(所要時間は%2秒)"
    )

    /// RSC-014.
    package static let rsc014 = CatalogEntry(
        id: "RSC-014",
        status: .failed,
        severity: .error,
        en: "Deactivation processing of resource %1 failed. ArmCluster shuts down the system.",
        ja: "リソース%1の非活性処理が失敗しました。ArmClusterはシステムをシャットダウンします。"
    )

    /// RSC-015.
    package static let rsc015 = CatalogEntry(
        id: "RSC-015",
        status: .failed,
        severity: .error,
        en: "Deactivation processing of resource %1 failed. ArmCluster ignores this error.",
        ja: "リソース%1の非活性処理が失敗しました。ArmClusterはこのエラーを無視します。"
    )

    /// RSC-016.
    package static let rsc016 = CatalogEntry(
        id: "RSC-016",
        status: .success,
        severity: .info,
        en: "Recovery processing of resource %1 started.",
        ja: "リソース%1の復帰処理を開始しました。"
    )

    /// RSC-017.
    package static let rsc017 = CatalogEntry(
        id: "RSC-017",
        status: .success,
        severity: .info,
        en: "Recovery processing of resource %1 succeeded. (elapsed time %2 seconds)",
        ja: "リソース%1の復帰処理が成功しました。(所要時間は%2秒)"
    )

    /// RSC-018.
    package static let rsc018 = CatalogEntry(
        id: "RSC-018",
        status: .failed,
        severity: .error,
        en: "Recovery processing of resource %1 failed.",
        ja: "リソース%1の復帰処理が失敗しました。"
    )

    /// RSC-019 (new; issue 8 item 5): armmond refuses to run, as root, a script that another user could have
    /// changed (V25); the run ends as `exec-failed errno=1` and the start or stop fails.
    package static let rsc019 = CatalogEntry(
        id: "RSC-019",
        status: .failed,
        severity: .error,
        en: "Script %1 of group %2 is writable by non-root (owner uid %3, mode %4); it was not run.",
        ja: "グループ%2のスクリプト%1はroot以外が書き込めるため実行しませんでした。(所有者uid %3、モード %4)"
    )

    // MARK: SCRPT: scripts; ID SCRPT-<event id> with the event's text (seed §7.8, events 9000–9005; one text)

    /// SCRPT-9000.
    package static let scrpt9000 = CatalogEntry(
        id: "SCRPT-9000",
        status: .failed,
        severity: .error,
        en: CatalogEntry.event9000.en,
        ja: CatalogEntry.event9000.ja
    )

    /// SCRPT-9001.
    package static let scrpt9001 = CatalogEntry(
        id: "SCRPT-9001",
        status: .failed,
        severity: .error,
        en: CatalogEntry.event9001.en,
        ja: CatalogEntry.event9001.ja
    )

    /// SCRPT-9002.
    package static let scrpt9002 = CatalogEntry(
        id: "SCRPT-9002",
        status: .failed,
        severity: .error,
        en: CatalogEntry.event9002.en,
        ja: CatalogEntry.event9002.ja
    )

    /// SCRPT-9003.
    package static let scrpt9003 = CatalogEntry(
        id: "SCRPT-9003",
        status: .failed,
        severity: .error,
        en: CatalogEntry.event9003.en,
        ja: CatalogEntry.event9003.ja
    )

    /// SCRPT-9004.
    package static let scrpt9004 = CatalogEntry(
        id: "SCRPT-9004",
        status: .success,
        severity: .warn,
        en: CatalogEntry.event9004.en,
        ja: CatalogEntry.event9004.ja
    )

    /// SCRPT-9005.
    package static let scrpt9005 = CatalogEntry(
        id: "SCRPT-9005",
        status: .success,
        severity: .warn,
        en: CatalogEntry.event9005.en,
        ja: CatalogEntry.event9005.ja
    )

    // MARK: HB: heartbeats, membership, config hash (new)

    /// HB-007.
    package static let hb007 = CatalogEntry(
        id: "HB-007",
        status: .success,
        severity: .info,
        en: "Heartbeat: interval %1 ms, timeout %2 ms (%3 x), partition method %4.",
        ja: "ハートビート: 間隔 %1 ms、タイムアウト %2 ms (%3 倍)、パーティション解決方式 %4。"
    )

    // MARK: CFG: loading cluster.toml (new)

    /// CFG-001.
    package static let cfg001 = CatalogEntry(
        id: "CFG-001",
        status: .success,
        severity: .info,
        en: "Configuration loaded: hash %1, %2 servers, %3 groups, %4 monitors.",
        ja: "構成を読み込みました: ハッシュ %1、サーバ %2 台、グループ %3 個、モニタ %4 個。"
    )

    /// CFG-002.
    package static let cfg002 = CatalogEntry(
        id: "CFG-002",
        status: .failed,
        severity: .error,
        en: "Configuration invalid: %1",
        ja: "構成が不正です: %1"
    )

    /// CFG-003.
    package static let cfg003 = CatalogEntry(
        id: "CFG-003",
        status: .success,
        severity: .warn,
        en: "Changes waiting for a restart: %1",
        ja: "再起動待ちの変更: %1"
    )
}

extension MessageCatalog {
    /// The armsvr.log rows (MON, STC, RSC, SCRPT, HB, CFG).
    static let armsvrEntries: [CatalogEntry] = [
        .mon001, .mon002, .mon003, .mon004, .stc001, .stc002, .stc003, .stc004, .stc005, .stc006, .stc007, .stc008,
        .stc039, .stc042,
        .rsc001, .rsc002, .rsc003, .rsc004, .rsc005, .rsc006, .rsc007, .rsc008, .rsc009, .rsc010, .rsc011, .rsc012,
        .rsc013, .rsc014, .rsc015, .rsc016, .rsc017, .rsc018, .rsc019, .scrpt9000, .scrpt9001, .scrpt9002, .scrpt9003,
        .scrpt9004, .scrpt9005, .hb007, .cfg001, .cfg002, .cfg003,
    ]
}
