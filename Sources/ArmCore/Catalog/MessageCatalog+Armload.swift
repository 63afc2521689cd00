// ARM.LOG texts of armload, armkill and armloadc (commands.md 2.1–2.3; Japanese from the seed's ARM.LOG table).

extension CatalogEntry {
    // MARK: armload (seed §2.2.1; commands.md 2.1); the "command monitoring process" rows are written by armmond

    /// ARMLOAD-01: started; with /W, ended with 0.
    package static let armload01 = CatalogEntry(
        id: "ARMLOAD-01",
        status: .success,
        severity: .info,
        en: "ARMLoad(WID=%0.16s) succeeded.",
        ja: "ARMLoad(WID=%0.16s)は成功しました。"
    )

    /// ARMLOAD-02: duplicate WID (8); bad characters or reserved prefix: override 2.
    package static let armload02 = CatalogEntry(
        id: "ARMLOAD-02",
        status: .busy,
        severity: .error,
        en: "ARMLoad received an invalid WID (%0.16s) as a parameter.",
        ja: "ARMLoadはパラメータとして無効なWID(%0.16s)を受け取りました。"
    )

    /// ARMLOAD-03: usage error.
    package static let armload03 = CatalogEntry(
        id: "ARMLOAD-03",
        status: .usage,
        severity: .error,
        en: "ARMLoad received an invalid parameter.",
        ja: "ARMLoadは無効なパラメータを受け取りました。"
    )

    /// ARMLOAD-04: watch limit reached.
    package static let armload04 = CatalogEntry(
        id: "ARMLOAD-04",
        status: .busy,
        severity: .error,
        en: "ARMLoad(WID=%0.16s) reached the maximum number of processes that can be started simultaneously.",
        ja: "ARMLoad(WID=%0.16s)は同時に起動出来る最大プロセス数に到達しました。"
    )

    /// ARMLOAD-05: WID over 255 characters.
    package static let armload05 = CatalogEntry(
        id: "ARMLOAD-05",
        status: .usage,
        severity: .error,
        en: "ARMLoad received a WID (%0.16s) exceeding the maximum number of characters as a parameter.",
        ja: "ARMLoadはパラメータとして最大文字数を超えたWID(%0.16s)を受け取りました。"
    )

    /// ARMLOAD-06: service start timeout.
    package static let armload06 = CatalogEntry(
        id: "ARMLOAD-06",
        status: .timeout,
        severity: .warn,
        en: "ARMLoad(WID=%0.16s) detected a service start timeout.",
        ja: "ARMLoad(WID=%0.16s)はサービス起動タイムアウトを検出しました。"
    )

    /// ARMLOAD-07: internal step (commands.md 1.7; exit per step).
    package static let armload07 = CatalogEntry(
        id: "ARMLOAD-07",
        status: .internal,
        severity: .error,
        en: "ARMLoad(WID=%0.16s) failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMLoad(WID=%0.16s)は内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMLOAD-08: malformed internal request.
    package static let armload08 = CatalogEntry(
        id: "ARMLOAD-08",
        status: .internal,
        severity: .error,
        pidColumn: .monitor,
        en: "The command monitoring process received an invalid parameter.",
        ja: "コマンド監視プロセスは無効なパラメータを受け取りました。"
    )

    /// ARMLOAD-09: program ended unasked, or a /W program ended non-zero.
    package static let armload09 = CatalogEntry(
        id: "ARMLOAD-09",
        status: .failed,
        severity: .warn,
        pidColumn: .monitor,
        en: """
            The command monitoring process (WID=%0.16s) detected the disappearance of the application. The exit \
            code is %d.
            """,
        ja: "コマンド監視プロセス(WID=%0.16s)はアプリケーションの消滅を検知しました。終了コードは%dです。"
    )

    /// ARMLOAD-10: uid/gid switch failed.
    package static let armload10 = CatalogEntry(
        id: "ARMLOAD-10",
        status: .failed,
        severity: .error,
        en: "ARMLoad(WID=%0.16s) could not log on as user (%0.32s). The error code is 0x%x.",
        ja: "ARMLoad(WID=%0.16s)はユーザ(%0.32s)にログオンすることができませんでした。エラーコードは0x%xです。"
    )

    /// ARMLOAD-11: exec failed (/W: override 127 for ENOENT, else 126).
    package static let armload11 = CatalogEntry(
        id: "ARMLOAD-11",
        status: .failed,
        severity: .error,
        en: "ARMLoad(WID=%0.16s) failed to execute the command line. The error code is 0x%x.",
        ja: "ARMLoad(WID=%0.16s)はコマンドラインの実行に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMLOAD-12: account not in [armload] users.
    package static let armload12 = CatalogEntry(
        id: "ARMLOAD-12",
        status: .notFound,
        severity: .error,
        en: """
            ARMLOAD(WID=%0.16s) failed to obtain the password of user (%0.32s). The user account may not be \
            registered.
            """,
        ja: "ARMLOAD(WID=%0.16s)はユーザ(%0.32s)のパスワード獲得に失敗しました。ユーザアカウント登録されていない可能性があります。"
    )

    /// ARMLOAD-13: monitor-side failure.
    package static let armload13 = CatalogEntry(
        id: "ARMLOAD-13",
        status: .internal,
        severity: .error,
        en: "ARMLOAD(WID=%0.16s) failed in internal processing (2%03d). The error code is 0x%x.",
        ja: "ARMLOAD(WID=%0.16s)は内部処理(2%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMLOAD-14: service failure (ExecMainCode, ExecMainStatus).
    package static let armload14 = CatalogEntry(
        id: "ARMLOAD-14",
        status: .failed,
        severity: .warn,
        pidColumn: .monitor,
        en: """
            The command monitoring process (WID=%0.16s) detected a failure of the service. The exit codes are %d \
            and %d.
            """,
        ja: "コマンド監視プロセス(WID=%0.16s)はサービスの障害を検知しました。終了コードは%dと%dです。"
    )

    /// ARMLOAD-15: no group variable: not run from a group script.
    package static let armload15 = CatalogEntry(
        id: "ARMLOAD-15",
        status: .refused,
        severity: .warn,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) failed to obtain the environment variable name.",
        ja: "コマンド監視プロセス(WID=%0.16s)は環境変数名の取得に失敗しました。"
    )

    /// ARMLOAD-16: action 4.
    package static let armload16 = CatalogEntry(
        id: "ARMLOAD-16",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) restarted the script.",
        ja: "コマンド監視プロセス(WID=%0.16s)はスクリプトを再起動しました。"
    )

    /// ARMLOAD-17: action 5 (program).
    package static let armload17 = CatalogEntry(
        id: "ARMLOAD-17",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) restarted the application.",
        ja: "コマンド監視プロセス(WID=%0.16s)はアプリケーションを再起動しました。"
    )

    /// ARMLOAD-18: action 5 (service).
    package static let armload18 = CatalogEntry(
        id: "ARMLOAD-18",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) restarted the service.",
        ja: "コマンド監視プロセス(WID=%0.16s)はサービスを再起動しました。"
    )

    /// ARMLOAD-19: action 2.
    package static let armload19 = CatalogEntry(
        id: "ARMLOAD-19",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) failed over group (%0.16s).",
        ja: "コマンド監視プロセス(WID=%0.16s)はグループ(%0.16s)をフェイルオーバーしました。"
    )

    /// ARMLOAD-20: action 3.
    package static let armload20 = CatalogEntry(
        id: "ARMLOAD-20",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) shut down the server.",
        ja: "コマンド監視プロセス(WID=%0.16s)はサーバシャットダウンしました。"
    )

    /// ARMLOAD-21: service name not resolvable.
    package static let armload21 = CatalogEntry(
        id: "ARMLOAD-21",
        status: .notFound,
        severity: .error,
        en: "ARMLOAD(WID=%0.16s) received an invalid service name (%0.16s) as a parameter.",
        ja: "ARMLOAD(WID=%0.16s)はパラメータとして無効なサービス名(%0.16s)を受け取りました。"
    )

    /// ARMLOAD-22: no passwd entry.
    package static let armload22 = CatalogEntry(
        id: "ARMLOAD-22",
        status: .notFound,
        severity: .error,
        en: """
            ARMLOAD(WID=%0.16s) failed to get information of user (%0.32s). The user name may be incorrect. The \
            error code is 0x%x.
            """,
        ja: "ARMLOAD(WID=%0.16s)はユーザ(%0.32s)の情報取得に失敗しました。ユーザ名が正しくない可能性があります。エラーコードは0x%xです。"
    )

    /// ARMLOAD-23: exit status unobtainable.
    package static let armload23 = CatalogEntry(
        id: "ARMLOAD-23",
        status: .failed,
        severity: .warn,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) detected the disappearance of the application.",
        ja: "コマンド監視プロセス(WID=%0.16s)はアプリケーションの消滅を検知しました。"
    )

    /// ARMLOAD-24: service start failed (already running: override 8).
    package static let armload24 = CatalogEntry(
        id: "ARMLOAD-24",
        status: .failed,
        severity: .error,
        en: "ARMLOAD(WID=%0.16s) failed to start the service. The error code is 0x%x.",
        ja: "ARMLOAD(WID=%0.16s)はサービスの開始に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMLOAD-25: no server can take the group.
    package static let armload25 = CatalogEntry(
        id: "ARMLOAD-25",
        status: .failed,
        severity: .error,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) failed to fail over group (%s). The error code is 0x%x.",
        ja: "コマンド監視プロセス(WID=%0.16s)はグループ(%s)のフェイルオーバーに失敗しました。エラーコードは0x%xです。"
    )

    /// ARMLOAD-26: stop command failed.
    package static let armload26 = CatalogEntry(
        id: "ARMLOAD-26",
        status: .failed,
        severity: .error,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) failed to stop the service. Detail:%0.160s",
        ja: "コマンド監視プロセス(WID=%0.16s)はサービスの停止に失敗しました。詳細情報:%0.160s"
    )

    /// ARMLOAD-27: SIGKILL was needed.
    package static let armload27 = CatalogEntry(
        id: "ARMLOAD-27",
        status: .success,
        severity: .warn,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) forcibly terminated the application.",
        ja: "コマンド監視プロセス(WID=%0.16s)はアプリケーションを強制終了しました。"
    )

    /// ARMLOAD-28: alive 5 s after SIGKILL.
    package static let armload28 = CatalogEntry(
        id: "ARMLOAD-28",
        status: .failed,
        severity: .warn,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) could not terminate the application.",
        ja: "コマンド監視プロセス(WID=%0.16s)はアプリケーションを終了することが出来ませんでした。"
    )

    /// ARMLOAD-29: service not stopped in time.
    package static let armload29 = CatalogEntry(
        id: "ARMLOAD-29",
        status: .timeout,
        severity: .warn,
        pidColumn: .monitor,
        en: "The command monitoring process (WID=%0.16s) could not terminate the service.",
        ja: "コマンド監視プロセス(WID=%0.16s)はサービスを終了することが出来ませんでした。"
    )

    /// ARMLOAD-30: group not starting, started or stopping here (defined here).
    package static let armload30 = CatalogEntry(
        id: "ARMLOAD-30",
        status: .refused,
        severity: .warn,
        en: "ARMLoad(WID=%0.16s) is not in a state where it can be executed. group-name=%s",
        ja: "ARMLoad(WID=%0.16s)は実行できる状態ではありません。group-name=%s"
    )

    // MARK: armkill (seed §2.2.2; commands.md 2.2)

    /// ARMKILL-01: stopped and released.
    package static let armkill01 = CatalogEntry(
        id: "ARMKILL-01",
        status: .success,
        severity: .info,
        en: "ARMKILL(WID=%0.16s) succeeded.",
        ja: "ARMKILL(WID=%0.16s)は成功しました。"
    )

    /// ARMKILL-02: WID not registered here.
    package static let armkill02 = CatalogEntry(
        id: "ARMKILL-02",
        status: .notFound,
        severity: .error,
        en: "ARMKILL received an invalid WID (%0.16s) as a parameter.",
        ja: "ARMKILLはパラメータとして無効なWID(%0.16s)を受け取りました。"
    )

    /// ARMKILL-03: usage error.
    package static let armkill03 = CatalogEntry(
        id: "ARMKILL-03",
        status: .usage,
        severity: .error,
        en: "ARMKILL received an invalid parameter.",
        ja: "ARMKILLは無効なパラメータを受け取りました。"
    )

    /// ARMKILL-04: SIGKILL was needed.
    package static let armkill04 = CatalogEntry(
        id: "ARMKILL-04",
        status: .success,
        severity: .warn,
        en: "ARMKILL(WID=%0.16s) forcibly terminated the application.",
        ja: "ARMKILL(WID=%0.16s)はアプリケーションを強制終了しました。"
    )

    /// ARMKILL-05: alive 5 s after SIGKILL.
    package static let armkill05 = CatalogEntry(
        id: "ARMKILL-05",
        status: .failed,
        severity: .warn,
        en: "ARMKILL(WID=%0.16s) could not terminate the application.",
        ja: "ARMKILL(WID=%0.16s)はアプリケーションを終了することが出来ませんでした。"
    )

    /// ARMKILL-06: service not stopped in time.
    package static let armkill06 = CatalogEntry(
        id: "ARMKILL-06",
        status: .timeout,
        severity: .warn,
        en: "ARMKILL(WID=%0.16s) could not terminate the service.",
        ja: "ARMKILL(WID=%0.16s)はサービスを終了することが出来ませんでした。"
    )

    /// ARMKILL-07: internal step (3060 already ended: override 0).
    package static let armkill07 = CatalogEntry(
        id: "ARMKILL-07",
        status: .internal,
        severity: .error,
        en: "ARMKILL(WID=%0.16s) failed in internal processing (3%03d). The error code is 0x%x.",
        ja: "ARMKILL(WID=%0.16s)は内部処理(3%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMKILL-08: stop command failed.
    package static let armkill08 = CatalogEntry(
        id: "ARMKILL-08",
        status: .failed,
        severity: .error,
        en: "ARMKILL(WID=%0.16s) failed to stop the service. Detail:%0.160s",
        ja: "ARMKILL(WID=%0.16s)はサービスの停止に失敗しました。詳細情報:%0.160s"
    )

    // MARK: armloadc (seed §2.2.3; commands.md 2.3); fields WatchID, mode, time

    /// ARMLOADC-01: done.
    package static let armloadc01 = CatalogEntry(
        id: "ARMLOADC-01",
        status: .success,
        severity: .info,
        en: "ARMLOADC succeeded. WatchID=%0.16s mode=%s time=%s",
        ja: "ARMLOADCは成功しました。WatchID=%0.16s mode=%s time=%s"
    )

    /// ARMLOADC-02: usage error (unknown WID: override 5).
    package static let armloadc02 = CatalogEntry(
        id: "ARMLOADC-02",
        status: .usage,
        severity: .error,
        en: "ARMLOADC received an invalid parameter. WatchID=%0.16s mode=%s time=%s",
        ja: "ARMLOADCは無効なパラメータを受け取りました。WatchID=%0.16s mode=%s time=%s"
    )

    /// ARMLOADC-03: action not allowed in this state.
    package static let armloadc03 = CatalogEntry(
        id: "ARMLOADC-03",
        status: .refused,
        severity: .warn,
        en: "ARMLOADC is not in a state where it can be executed. WatchID=%0.16s mode=%s time=%s",
        ja: "ARMLOADCは実行できる状態ではありません。WatchID=%0.16s mode=%s time=%s"
    )

    /// ARMLOADC-04: wait expired.
    package static let armloadc04 = CatalogEntry(
        id: "ARMLOADC-04",
        status: .timeout,
        severity: .warn,
        en: """
            ARMLOADC detected a timeout while waiting for application/service start/stop completion. \
            WatchID=%0.16s mode=%s time=%s
            """,
        ja: "ARMLOADCはアプリケーション/サービスを起動/終了完了待ちでタイムアウトを検出しました。WatchID=%0.16s mode=%s time=%s"
    )

    /// ARMLOADC-05: system call failed (3/7/9/1 by step).
    package static let armloadc05 = CatalogEntry(
        id: "ARMLOADC-05",
        status: .internal,
        severity: .error,
        en: "ARMLOADC encountered an error in a system API. WatchID=%0.16s mode=%s time=%s func=%s error=0x%x",
        ja: "ARMLOADCはシステムAPIでエラーが発生しました。WatchID=%0.16s mode=%s time=%s func=%s error=0x%x"
    )
}

extension MessageCatalog {
    /// The ARMLOAD, ARMKILL and ARMLOADC rows in seed order.
    static let armloadEntries: [CatalogEntry] = [
        .armload01, .armload02, .armload03, .armload04, .armload05, .armload06, .armload07, .armload08, .armload09,
        .armload10, .armload11, .armload12, .armload13, .armload14, .armload15, .armload16, .armload17, .armload18,
        .armload19, .armload20, .armload21, .armload22, .armload23, .armload24, .armload25, .armload26, .armload27,
        .armload28, .armload29, .armload30, .armkill01, .armkill02, .armkill03, .armkill04, .armkill05, .armkill06,
        .armkill07, .armkill08, .armloadc01, .armloadc02, .armloadc03, .armloadc04, .armloadc05,
    ]
}
