// events.log entries the daemon writes (config-and-files §4.7; seed §7.8): the ID is the event number, the
// text the seed's English with the §4.1 substitutions; the Japanese texts are ours (config-and-files §4.1
// "Texts"). Classes: the seed's E/W/I; exit status `.failed` for E, else `.success`, as for armsvr.log.

extension CatalogEntry {
    // MARK: Service and start-up

    /// Event 2: the state database uses an unsupported schema; `%1` is the product name.
    package static let event2 = CatalogEntry(
        id: "2",
        status: .failed,
        severity: .error,
        en: "Failed to start the service. Install %1 again.",
        ja: "サービスの起動に失敗しました。%1を再インストールしてください。"
    )

    /// Event 1100: armmond started normally.
    package static let event1100 = CatalogEntry(
        id: "1100",
        status: .success,
        severity: .info,
        en: "Started normally.",
        ja: "正常に起動しました。"
    )

    /// Event 1101: `run_state` was still `running` at start-up.
    package static let event1101 = CatalogEntry(
        id: "1101",
        status: .success,
        severity: .info,
        en: "The previous shutdown was performed from outside ArmCluster.",
        ja: "前回のシャットダウンはArmClusterの外部から実行されました。"
    )

    // MARK: Groups

    /// Event 2006: `%1` group, `%2` server.
    package static let event2006 = CatalogEntry(
        id: "2006",
        status: .success,
        severity: .info,
        en: "Stopped group %1 on server %2.",
        ja: "サーバ%2でグループ%1を停止しました。"
    )

    /// Event 2007: `%1` group, `%2` server.
    package static let event2007 = CatalogEntry(
        id: "2007",
        status: .success,
        severity: .info,
        en: "Started group %1 on server %2.",
        ja: "サーバ%2でグループ%1を起動しました。"
    )

    // MARK: Scripts (the armsvr.log SCRPT-<event id> rows share these texts)

    /// Event 9000: a start script passed its timeout.
    package static let event9000 = CatalogEntry(
        id: "9000",
        status: .failed,
        severity: .error,
        en: """
            Execution of the start script of group %1 did not complete within the specified time. Shutting down \
            the server.
            """,
        ja: "グループ%1の開始スクリプトの実行が規定時間内に完了しませんでした。サーバをシャットダウンします。"
    )

    /// Event 9001: a stop script passed its timeout.
    package static let event9001 = CatalogEntry(
        id: "9001",
        status: .failed,
        severity: .error,
        en: """
            Execution of the stop script of group %1 did not complete within the specified time. Shutting down \
            the server.
            """,
        ja: "グループ%1の終了スクリプトの実行が規定時間内に完了しませんでした。サーバをシャットダウンします。"
    )

    /// Event 9002: a stop script could not be executed.
    package static let event9002 = CatalogEntry(
        id: "9002",
        status: .failed,
        severity: .error,
        en: "Failed to execute the stop script of group %1. Shutting down the server.",
        ja: "グループ%1の終了スクリプトの実行に失敗しました。サーバをシャットダウンします。"
    )

    /// Event 9003: a start script could not be executed; `%2` is the reason.
    package static let event9003 = CatalogEntry(
        id: "9003",
        status: .failed,
        severity: .error,
        en: "Failed to execute the start script of group %1. %2",
        ja: "グループ%1の開始スクリプトの実行に失敗しました。%2"
    )

    /// Event 9004: a start script still runs after `script_warn_min` minutes.
    package static let event9004 = CatalogEntry(
        id: "9004",
        status: .success,
        severity: .warn,
        en: "The start script of group %1 has not completed after %2 minutes.",
        ja: "グループ%1の開始スクリプトの実行が%2分経過しましたが完了しません。"
    )

    /// Event 9005: a stop script still runs after `script_warn_min` minutes.
    package static let event9005 = CatalogEntry(
        id: "9005",
        status: .success,
        severity: .warn,
        en: "The stop script of group %1 has not completed after %2 minutes.",
        ja: "グループ%1の終了スクリプトの実行が%2分経過しましたが完了しません。"
    )

    // MARK: ARMLOAD (seed §7.8 14000–14021, whose text wins over its legend: `%1` group, `%2` WID)

    /// Event 14000: an application was restarted (action 5).
    package static let event14000 = CatalogEntry(
        id: "14000",
        status: .success,
        severity: .info,
        en: "Restarted the application (watch ID=%2) of group %1.",
        ja: "グループ%1のアプリケーション(監視ID=%2)を再起動しました。"
    )

    /// Event 14001: a service was restarted (action 5).
    package static let event14001 = CatalogEntry(
        id: "14001",
        status: .success,
        severity: .info,
        en: "Restarted the service (watch ID=%2) of group %1.",
        ja: "グループ%1のサービス(監視ID=%2)を再起動しました。"
    )

    /// Event 14015: an application failed; `%3` is the action taken (1–5).
    package static let event14015 = CatalogEntry(
        id: "14015",
        status: .failed,
        severity: .error,
        en: "Detected an error in the application (watch ID=%2) of group %1. (%3)",
        ja: "グループ%1のアプリケーション(監視ID=%2)で異常を検出しました。(%3)"
    )

    /// Event 14016: a service failed; `%3` is the action taken (1–5).
    package static let event14016 = CatalogEntry(
        id: "14016",
        status: .failed,
        severity: .error,
        en: "Detected an error in the service (watch ID=%2) of group %1. (%3)",
        ja: "グループ%1のサービス(監視ID=%2)で異常を検出しました。(%3)"
    )

    /// Event 14020: an application's start or restart failed.
    package static let event14020 = CatalogEntry(
        id: "14020",
        status: .success,
        severity: .warn,
        en: "Failed to start the application (watch ID=%2) of group %1.",
        ja: "グループ%1のアプリケーション(監視ID=%2)の起動に失敗しました。"
    )

    /// Event 14021: a service's start or restart failed.
    package static let event14021 = CatalogEntry(
        id: "14021",
        status: .success,
        severity: .warn,
        en: "Failed to start the service (watch ID=%2) of group %1.",
        ja: "グループ%1のサービス(監視ID=%2)の起動に失敗しました。"
    )
}

extension MessageCatalog {
    /// The events.log rows.
    static let eventEntries: [CatalogEntry] = [
        .event2, .event1100, .event1101, .event2006, .event2007, .event9000, .event9001, .event9002, .event9003,
        .event9004, .event9005, .event14000, .event14001, .event14015, .event14016, .event14020, .event14021,
    ]
}

extension GroupLogLine {
    /// The catalogued line the group state machine asks for: armsvr.log RSC-003…008 or events.log 2006/2007.
    package var entry: CatalogEntry {
        switch self {
        case .startStarted: .rsc003
        case .startSucceeded: .rsc004
        case .startFailed: .rsc005
        case .stopStarted: .rsc006
        case .stopSucceeded: .rsc007
        case .stopFailed: .rsc008
        case .eventGroupStarted: .event2007
        case .eventGroupStopped: .event2006
        }
    }

    /// Whether the line goes to events.log (`%1` group, `%2` server) rather than armsvr.log (`%1` group).
    package var isEvent: Bool {
        switch self {
        case .startStarted, .startSucceeded, .startFailed, .stopStarted, .stopSucceeded, .stopFailed: false
        case .eventGroupStarted, .eventGroupStopped: true
        }
    }
}
