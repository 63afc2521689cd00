// ARM.LOG texts of every other command and of armmond (commands.md 2.4–2.34; Japanese from the seed's
// ARM.LOG table, or written in its style where commands.md defines the message).

extension CatalogEntry {
    // MARK: armmode (seed §2.2.4; commands.md 2.4); field option

    /// ARMMODE-01: done.
    package static let armmode01 = CatalogEntry(
        id: "ARMMODE-01",
        status: .success,
        severity: .info,
        en: "ARMMODE succeeded. option=%s",
        ja: "ARMMODEは成功しました。option=%s"
    )

    /// ARMMODE-02: usage error.
    package static let armmode02 = CatalogEntry(
        id: "ARMMODE-02",
        status: .usage,
        severity: .error,
        en: "ARMMODE received an invalid parameter. option=%s",
        ja: "ARMMODEは無効なパラメータを受け取りました。option=%s"
    )

    /// ARMMODE-03: refused, with the refusal number.
    package static let armmode03 = CatalogEntry(
        id: "ARMMODE-03",
        status: .refused,
        severity: .warn,
        en: "ARMMODE is not in a state where the specified operation can be performed (%03d). option=%s",
        ja: "ARMMODEは指定された操作ができる状態ではありません(%03d)。option=%s"
    )

    /// ARMMODE-04: internal step (3/7/9/1).
    package static let armmode04 = CatalogEntry(
        id: "ARMMODE-04",
        status: .internal,
        severity: .error,
        en: "ARMMODE failed in internal processing (%03d). The error code is 0x%x. option=%s",
        ja: "ARMMODEは内部処理(%03d)に失敗しました。エラーコードは0x%xです。option=%s"
    )

    // MARK: armfover (seed §2.2.5; commands.md 2.5); fields option, group-name

    /// ARMFOVER-01: failover accepted.
    package static let armfover01 = CatalogEntry(
        id: "ARMFOVER-01",
        status: .success,
        severity: .info,
        en: "ARMFOVER succeeded. option=%s group-name=%s",
        ja: "ARMFOVERは成功しました。option=%s group-name=%s"
    )

    /// ARMFOVER-02: usage error (unknown name: override 5).
    package static let armfover02 = CatalogEntry(
        id: "ARMFOVER-02",
        status: .usage,
        severity: .error,
        en: "ARMFOVER received an invalid parameter. option=%s group-name=%s",
        ja: "ARMFOVERは無効なパラメータを受け取りました。option=%s group-name=%s"
    )

    /// ARMFOVER-03: group stopping or stopped, or no destination.
    package static let armfover03 = CatalogEntry(
        id: "ARMFOVER-03",
        status: .refused,
        severity: .warn,
        en: "ARMFOVER is not in a state where it can be executed. option=%s group-name=%s",
        ja: "ARMFOVERは実行できる状態ではありません。option=%s group-name=%s"
    )

    /// ARMFOVER-04: internal step (3/7/9/1).
    package static let armfover04 = CatalogEntry(
        id: "ARMFOVER-04",
        status: .internal,
        severity: .error,
        en: "ARMFOVER failed in internal processing (1%03d). The error code is 0x%x. option=%s group-name=%s",
        ja: "ARMFOVERは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。option=%s group-name=%s"
    )

    // MARK: armgstrt (seed §2.2.6; commands.md 2.6); fields group-name, server-name

    /// ARMGSTRT-01: start accepted.
    package static let armgstrt01 = CatalogEntry(
        id: "ARMGSTRT-01",
        status: .success,
        severity: .info,
        en: "ARMGSTRT succeeded. group-name=%s server-name=%s",
        ja: "ARMGSTRTは成功しました。group-name=%s server-name=%s"
    )

    /// ARMGSTRT-02: usage error (unknown name: override 5).
    package static let armgstrt02 = CatalogEntry(
        id: "ARMGSTRT-02",
        status: .usage,
        severity: .error,
        en: "ARMGSTRT received an invalid parameter. group-name=%s server-name=%s",
        ja: "ARMGSTRTは無効なパラメータを受け取りました。group-name=%s server-name=%s"
    )

    /// ARMGSTRT-03: internal step.
    package static let armgstrt03 = CatalogEntry(
        id: "ARMGSTRT-03",
        status: .internal,
        severity: .error,
        en: "ARMGSTRT failed in internal processing (1%03d). The error code is 0x%x. group-name=%s server-name=%s",
        ja: "ARMGSTRTは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。group-name=%s server-name=%s"
    )

    /// ARMGSTRT-04: group starting or started, or server not normal.
    package static let armgstrt04 = CatalogEntry(
        id: "ARMGSTRT-04",
        status: .refused,
        severity: .warn,
        en: "ARMGSTRT is not in a state where the specified operation can be performed. group-name=%s server=%s",
        ja: "ARMGSTRTは指定された操作ができる状態ではありません。group-name=%s server=%s"
    )

    // MARK: armgstop (seed §2.2.7; commands.md 2.7); field group-name

    /// ARMGSTOP-01: stop accepted.
    package static let armgstop01 = CatalogEntry(
        id: "ARMGSTOP-01",
        status: .success,
        severity: .info,
        en: "ARMGSTOP succeeded. group-name=%s",
        ja: "ARMGSTOPは成功しました。group-name=%s"
    )

    /// ARMGSTOP-02: usage error (unknown name: override 5).
    package static let armgstop02 = CatalogEntry(
        id: "ARMGSTOP-02",
        status: .usage,
        severity: .error,
        en: "ARMGSTOP received an invalid parameter. group-name=%s",
        ja: "ARMGSTOPは無効なパラメータを受け取りました。group-name=%s"
    )

    /// ARMGSTOP-03: group stopping or stopped, or server not normal.
    package static let armgstop03 = CatalogEntry(
        id: "ARMGSTOP-03",
        status: .refused,
        severity: .warn,
        en: "ARMGSTOP is not in a state where the specified operation can be performed. group-name=%s",
        ja: "ARMGSTOPは指定された操作ができる状態ではありません。group-name=%s"
    )

    /// ARMGSTOP-04: internal step.
    package static let armgstop04 = CatalogEntry(
        id: "ARMGSTOP-04",
        status: .internal,
        severity: .error,
        en: "ARMGSTOP failed in internal processing (1%03d). The error code is 0x%x. group-name=%s",
        ja: "ARMGSTOPは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。group-name=%s"
    )

    // MARK: armgwait (seed §2.2.8; commands.md 2.8)

    /// ARMGWAIT-01: the group reached the state.
    package static let armgwait01 = CatalogEntry(
        id: "ARMGWAIT-01",
        status: .success,
        severity: .info,
        en: "ARMGWAIT succeeded.",
        ja: "ARMGWAITは成功しました。"
    )

    /// ARMGWAIT-02: usage error.
    package static let armgwait02 = CatalogEntry(
        id: "ARMGWAIT-02",
        status: .usage,
        severity: .error,
        en: "ARMGWAIT received an invalid parameter.",
        ja: "ARMGWAITは無効なパラメータを受け取りました。"
    )

    /// ARMGWAIT-03: seconds waited.
    package static let armgwait03 = CatalogEntry(
        id: "ARMGWAIT-03",
        status: .timeout,
        severity: .warn,
        en: "ARMGWAIT timed out. ( %d)",
        ja: "ARMGWAITはタイムアウトしました。( %d)"
    )

    /// ARMGWAIT-04: internal step.
    package static let armgwait04 = CatalogEntry(
        id: "ARMGWAIT-04",
        status: .internal,
        severity: .error,
        en: "ARMGWAIT failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMGWAITは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    // MARK: armcall (seed §2.2.9; commands.md 2.9); failures before the command ran exit 125

    /// ARMCALL-01: logged after the command ran, whatever its status.
    package static let armcall01 = CatalogEntry(
        id: "ARMCALL-01",
        status: .success,
        severity: .info,
        en: "ARMCALL succeeded. command name=%16s.",
        ja: "ARMCALLは成功しました。コマンド名=%16s。"
    )

    /// ARMCALL-02: usage error (125).
    package static let armcall02 = CatalogEntry(
        id: "ARMCALL-02",
        status: .wrapFailed,
        severity: .error,
        en: "ARMCALL received an invalid parameter.",
        ja: "ARMCALLは無効なパラメータを受け取りました。"
    )

    /// ARMCALL-03: /T expired (125, status=8).
    package static let armcall03 = CatalogEntry(
        id: "ARMCALL-03",
        status: .wrapFailed,
        severity: .error,
        en: "ARMCALL failed to lock the file.",
        ja: "ARMCALLはファイルのロックに失敗しました。"
    )

    /// ARMCALL-04: SIGHUP; the command exits 129 (128+1), which ExitStatus cannot name.
    package static let armcall04 = CatalogEntry(
        id: "ARMCALL-04",
        status: .failed,
        severity: .warn,
        en: "ARMCALL detected a console close signal. Executing server shutdown.",
        ja: "ARMCALLはコンソールクローズシグナルを検知しました。サーバシャットダウンを実行します。"
    )

    /// ARMCALL-05: internal step (125).
    package static let armcall05 = CatalogEntry(
        id: "ARMCALL-05",
        status: .wrapFailed,
        severity: .error,
        en: "ARMCALL failed in internal processing (%03d). The error code is 0x%x.",
        ja: "ARMCALLは内部処理(%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMCALL-06: exec failed (126; ENOENT: override 127).
    package static let armcall06 = CatalogEntry(
        id: "ARMCALL-06",
        status: .notExecutable,
        severity: .error,
        en: "ARMCALL failed to execute the command line. The error code is 0x%x.",
        ja: "ARMCALLはコマンドラインの実行に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMCALL-07: lock lost; the command exits 137 (defined here).
    package static let armcall07 = CatalogEntry(
        id: "ARMCALL-07",
        status: .failed,
        severity: .error,
        en: "ARMCALL lost the lock %s. The command was terminated.",
        ja: "ARMCALLはロック%sを失いました。コマンドを終了しました。"
    )

    // MARK: armsetcd (seed §2.2.10; commands.md 2.10)

    /// ARMSETCD-01: stored or deleted.
    package static let armsetcd01 = CatalogEntry(
        id: "ARMSETCD-01",
        status: .success,
        severity: .info,
        en: "ARMSETCD succeeded.",
        ja: "ARMSETCDは成功しました。"
    )

    /// ARMSETCD-02: usage error.
    package static let armsetcd02 = CatalogEntry(
        id: "ARMSETCD-02",
        status: .usage,
        severity: .error,
        en: "ARMSETCD received an invalid parameter.",
        ja: "ARMSETCDは無効なパラメータを受け取りました。"
    )

    /// ARMSETCD-03: SIGHUP (exit 129).
    package static let armsetcd03 = CatalogEntry(
        id: "ARMSETCD-03",
        status: .failed,
        severity: .warn,
        en: "ARMSETCD detected a console close signal. Executing server shutdown.",
        ja: "ARMSETCDはコンソールクローズシグナルを検知しました。サーバシャットダウンを実行します。"
    )

    /// ARMSETCD-04: internal step.
    package static let armsetcd04 = CatalogEntry(
        id: "ARMSETCD-04",
        status: .internal,
        severity: .error,
        en: "ARMSETCD failed in internal processing (%03d). The error code is 0x%x.",
        ja: "ARMSETCDは内部処理(%03d)に失敗しました。エラーコードは0x%xです。"
    )

    // MARK: armgetcd (seed §2.2.10; commands.md 2.11); plain form exits 255 on failure

    /// ARMGETCD-01: read (also for an unset name).
    package static let armgetcd01 = CatalogEntry(
        id: "ARMGETCD-01",
        status: .success,
        severity: .info,
        en: "ARMGETCD succeeded.",
        ja: "ARMGETCDは成功しました。"
    )

    /// ARMGETCD-02: usage error (plain form exits 255).
    package static let armgetcd02 = CatalogEntry(
        id: "ARMGETCD-02",
        status: .usage,
        severity: .error,
        en: "ARMGETCD received an invalid parameter.",
        ja: "ARMGETCDは無効なパラメータを受け取りました。"
    )

    /// ARMGETCD-03: SIGHUP.
    package static let armgetcd03 = CatalogEntry(
        id: "ARMGETCD-03",
        status: .failed,
        severity: .warn,
        en: "ARMGETCD detected a console closing signal. Executing server shutdown.",
        ja: "ARMGETCDはコンソールクロージング信号を検知しました。サーバシャットダウンを実行します。"
    )

    /// ARMGETCD-04: internal step.
    package static let armgetcd04 = CatalogEntry(
        id: "ARMGETCD-04",
        status: .internal,
        severity: .error,
        en: "ARMGETCD failed in internal processing (%03d). The error code is 0x%x.",
        ja: "ARMGETCDは内部処理(%03d)に失敗しました。エラーコードは0x%xです。"
    )

    // MARK: armbcast (seed §2.2.11; commands.md 2.12)

    /// ARMBCAST-01: sent.
    package static let armbcast01 = CatalogEntry(
        id: "ARMBCAST-01",
        status: .success,
        severity: .info,
        en: "ARMBCAST succeeded.",
        ja: "ARMBCASTは成功しました。"
    )

    /// ARMBCAST-02: usage error.
    package static let armbcast02 = CatalogEntry(
        id: "ARMBCAST-02",
        status: .usage,
        severity: .error,
        en: "ARMBCAST received an invalid parameter.",
        ja: "ARMBCASTは無効なパラメータを受け取りました。"
    )

    /// ARMBCAST-03: internal step.
    package static let armbcast03 = CatalogEntry(
        id: "ARMBCAST-03",
        status: .internal,
        severity: .error,
        en: "ARMBCAST failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMBCASTは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMBCAST-04: ARMS_EVENT is RECOVER.
    package static let armbcast04 = CatalogEntry(
        id: "ARMBCAST-04",
        status: .refused,
        severity: .warn,
        en: "ARMBCAST is not in a state where it can be executed.",
        ja: "ARMBCASTは実行できる状態ではありません。"
    )

    // MARK: armdown (seed §2.2.12; commands.md 2.13); field option

    /// ARMDOWN-01: accepted.
    package static let armdown01 = CatalogEntry(
        id: "ARMDOWN-01",
        status: .success,
        severity: .info,
        en: "ARMDOWN succeeded. option=%s",
        ja: "ARMDOWNは成功しました。option=%s"
    )

    /// ARMDOWN-02: usage error.
    package static let armdown02 = CatalogEntry(
        id: "ARMDOWN-02",
        status: .usage,
        severity: .error,
        en: "ARMDOWN received an invalid parameter. option=%s",
        ja: "ARMDOWNは無効なパラメータを受け取りました。option=%s"
    )

    /// ARMDOWN-03: logged by armmond as it goes down.
    package static let armdown03 = CatalogEntry(
        id: "ARMDOWN-03",
        status: .success,
        severity: .info,
        en: "ARMDOWN executes server shutdown. option=%s",
        ja: "ARMDOWNはサーバシャットダウンを実行します。option=%s"
    )

    /// ARMDOWN-04: already down or shutting down.
    package static let armdown04 = CatalogEntry(
        id: "ARMDOWN-04",
        status: .refused,
        severity: .warn,
        en: "ARMDOWN is not in a state where the specified operation can be performed. option=%s",
        ja: "ARMDOWNは指定された操作ができる状態ではありません。option=%s"
    )

    /// ARMDOWN-05: internal step.
    package static let armdown05 = CatalogEntry(
        id: "ARMDOWN-05",
        status: .internal,
        severity: .error,
        en: "ARMDOWN failed in internal processing (%03d). The error code is 0x%x. option=%s",
        ja: "ARMDOWNは内部処理(%03d)に失敗しました。エラーコードは0x%xです。option=%s"
    )

    // MARK: armstdn (seed §2.2.13; commands.md 2.14); field option

    /// ARMSTDN-01: accepted.
    package static let armstdn01 = CatalogEntry(
        id: "ARMSTDN-01",
        status: .success,
        severity: .info,
        en: "ARMSTDN succeeded. option=%s",
        ja: "ARMSTDNは成功しました。option=%s"
    )

    /// ARMSTDN-02: usage error.
    package static let armstdn02 = CatalogEntry(
        id: "ARMSTDN-02",
        status: .usage,
        severity: .error,
        en: "ARMSTDN received an invalid parameter. option=%s",
        ja: "ARMSTDNは無効なパラメータを受け取りました。option=%s"
    )

    /// ARMSTDN-03: internal step (capital O as in the seed).
    package static let armstdn03 = CatalogEntry(
        id: "ARMSTDN-03",
        status: .internal,
        severity: .error,
        en: "ARMSTDN failed in internal processing (%03d). The error code is 0x%x. Option=%s",
        ja: "ARMSTDNは内部処理(%03d)に失敗しました。エラーコードは0x%xです。Option=%s"
    )

    /// ARMSTDN-04: cluster stopped (defined here).
    package static let armstdn04 = CatalogEntry(
        id: "ARMSTDN-04",
        status: .refused,
        severity: .warn,
        en: "ARMSTDN is not in a state where the specified operation can be performed. option=%s",
        ja: "ARMSTDNは指定された操作ができる状態ではありません。option=%s"
    )

    // MARK: armsstdn (seed §2.2.13; commands.md 2.15)

    /// ARMSSTDN-01: accepted; cmd = shutdown, restart or stop.
    package static let armsstdn01 = CatalogEntry(
        id: "ARMSSTDN-01",
        status: .success,
        severity: .info,
        en: "ARMSSTDN succeeded. cmd=%s",
        ja: "ARMSSTDNは成功しました。cmd=%s"
    )

    /// ARMSSTDN-02: not a cluster member.
    package static let armsstdn02 = CatalogEntry(
        id: "ARMSSTDN-02",
        status: .refused,
        severity: .warn,
        en: "Cluster shutdown failed. The server is not operating as a cluster.",
        ja: "クラスタシャットダウンに失敗しました。サーバがクラスタとして動作していません。"
    )

    /// ARMSSTDN-03: step, errno.
    package static let armsstdn03 = CatalogEntry(
        id: "ARMSSTDN-03",
        status: .internal,
        severity: .error,
        en: "Cluster shutdown failed. The error code is %d(%d).",
        ja: "クラスタシャットダウンに失敗しました。エラーコードは%d(%d)です。"
    )

    /// ARMSSTDN-04: armmond not running.
    package static let armsstdn04 = CatalogEntry(
        id: "ARMSSTDN-04",
        status: .monitorUnreachable,
        severity: .error,
        en: "Cluster shutdown failed. The armmond service is not started.",
        ja: "クラスタシャットダウンに失敗しました。armmond サービスが起動していません。"
    )

    /// ARMSSTDN-05: usage error (defined here).
    package static let armsstdn05 = CatalogEntry(
        id: "ARMSSTDN-05",
        status: .usage,
        severity: .error,
        en: "ARMSSTDN received an invalid parameter.",
        ja: "ARMSSTDNは無効なパラメータを受け取りました。"
    )

    // MARK: armem (seed §2.2.14; commands.md 2.16)

    /// ARMEM-01: mode set.
    package static let armem01 = CatalogEntry(
        id: "ARMEM-01",
        status: .success,
        severity: .info,
        en: "ARMEM succeeded. mode=%s",
        ja: "ARMEMは成功しました。mode=%s"
    )

    /// ARMEM-02: usage error.
    package static let armem02 = CatalogEntry(
        id: "ARMEM-02",
        status: .usage,
        severity: .error,
        en: "ARMEM received an invalid parameter.",
        ja: "ARMEMは無効なパラメータを受け取りました。"
    )

    /// ARMEM-03: internal step.
    package static let armem03 = CatalogEntry(
        id: "ARMEM-03",
        status: .internal,
        severity: .error,
        en: "ARMEM failed in internal processing (%04d). The error code is 0x%x. mode=%s",
        ja: "ARMEMは内部処理(%04d)に失敗しました。エラーコードは0x%xです。mode=%s"
    )

    // MARK: armpause (seed §2.2.15; commands.md 2.17)

    /// ARMPAUSE-01: a line was read.
    package static let armpause01 = CatalogEntry(
        id: "ARMPAUSE-01",
        status: .success,
        severity: .info,
        en: "ARMPAUSE succeeded.",
        ja: "ARMPAUSEは成功しました。"
    )

    /// ARMPAUSE-02: usage error.
    package static let armpause02 = CatalogEntry(
        id: "ARMPAUSE-02",
        status: .usage,
        severity: .error,
        en: "ARMPAUSE received an invalid parameter.",
        ja: "ARMPAUSEは無効なパラメータを受け取りました。"
    )

    /// ARMPAUSE-03: no controlling terminal.
    package static let armpause03 = CatalogEntry(
        id: "ARMPAUSE-03",
        status: .failed,
        severity: .error,
        en: "ARMPAUSE cannot display the dialog message.",
        ja: "ARMPAUSEはダイアログメッセージを表示できません。"
    )

    // MARK: armsleep (seed §2.2.15; commands.md 2.18)

    /// ARMSLEEP-01: slept.
    package static let armsleep01 = CatalogEntry(
        id: "ARMSLEEP-01",
        status: .success,
        severity: .info,
        en: "ARMSLEEP succeeded.",
        ja: "ARMSLEEPは成功しました。"
    )

    /// ARMSLEEP-02: usage error.
    package static let armsleep02 = CatalogEntry(
        id: "ARMSLEEP-02",
        status: .usage,
        severity: .error,
        en: "ARMSLEEP received an invalid parameter.",
        ja: "ARMSLEEPは無効なパラメータを受け取りました。"
    )

    // MARK: armrsp (seed §2.2.16; commands.md 2.19)

    /// ARMRSP-01: usage error.
    package static let armrsp01 = CatalogEntry(
        id: "ARMRSP-01",
        status: .usage,
        severity: .error,
        en: "ARMRSP received an invalid parameter.",
        ja: "ARMRSPは無効なパラメータを受け取りました。"
    )

    /// ARMRSP-02: API call failed; monitoring continues.
    package static let armrsp02 = CatalogEntry(
        id: "ARMRSP-02",
        status: .failed,
        severity: .error,
        en: "ARMRSP failed in monitor API (%s). The error code is 0x%x.",
        ja: "ARMRSPはモニタAPI(%s)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMRSP-03: step name, errno.
    package static let armrsp03 = CatalogEntry(
        id: "ARMRSP-03",
        status: .internal,
        severity: .error,
        en: "ARMRSP failed in internal processing (%s). The error code is %d.",
        ja: "ARMRSPは内部処理(%s)に失敗しました。エラーコードは%dです。"
    )

    /// ARMRSP-04: no ARMS_GROUP.
    package static let armrsp04 = CatalogEntry(
        id: "ARMRSP-04",
        status: .refused,
        severity: .warn,
        en: "ARMRSP could not obtain the group name.",
        ja: "ARMRSPはグループ名を取得できませんでした。"
    )

    /// ARMRSP-05: action 2.
    package static let armrsp05 = CatalogEntry(
        id: "ARMRSP-05",
        status: .success,
        severity: .info,
        en: "ARMRSP starts failover of group %s.",
        ja: "ARMRSPはグループ%sのフェイルオーバーを開始します。"
    )

    /// ARMRSP-06: built-in monitoring configured; exits 0.
    package static let armrsp06 = CatalogEntry(
        id: "ARMRSP-06",
        status: .success,
        severity: .info,
        en: "ARMRSP is disabled because the resource monitoring function is built into group %s.",
        ja: "ARMRSPはグループ%sにリソース監視機能が組み込まれているため、無効となります。"
    )

    /// ARMRSP-07: action 1 (defined here); keeps monitoring.
    package static let armrsp07 = CatalogEntry(
        id: "ARMRSP-07",
        status: .success,
        severity: .warn,
        en: """
            ARMRSP detected an error in group %s but does not fail it over because the maximum failover count is \
            exceeded.
            """,
        ja: "ARMRSPはグループ%sの異常を検出しましたが、最大フェイルオーバー回数を超えているためフェイルオーバーしません。"
    )

    // MARK: armwhshr (seed §2.2.17; commands.md 2.20)

    /// ARMWHSHR-01: usage error.
    package static let armwhshr01 = CatalogEntry(
        id: "ARMWHSHR-01",
        status: .usage,
        severity: .error,
        en: "ARMWHSHR received an invalid parameter.",
        ja: "ARMWHSHRは無効なパラメータを受け取りました。"
    )

    /// ARMWHSHR-02: internal step.
    package static let armwhshr02 = CatalogEntry(
        id: "ARMWHSHR-02",
        status: .internal,
        severity: .error,
        en: "ARMWHSHR failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMWHSHRは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    /// ARMWHSHR-03: first failed stat (event 14018).
    package static let armwhshr03 = CatalogEntry(
        id: "ARMWHSHR-03",
        status: .success,
        severity: .warn,
        en: "ARMWHSHR detected a connection error to share name (%.48s). The error code is 0x%x.",
        ja: "ARMWHSHRは共有名(%.48s)への接続異常を検出しました。エラーコードは0x%xです。"
    )

    /// ARMWHSHR-04: first success after a failure (event 14019, class I).
    package static let armwhshr04 = CatalogEntry(
        id: "ARMWHSHR-04",
        status: .success,
        severity: .info,
        en: "ARMWHSHR detected recovery of the connection to share name (%.48s).",
        ja: "ARMWHSHRは共有名(%.48s)への接続復旧を検出しました。"
    )

    // MARK: armnsadd (seed §2.2.18; commands.md 2.21)

    /// ARMNSADD-01: share recorded.
    package static let armnsadd01 = CatalogEntry(
        id: "ARMNSADD-01",
        status: .success,
        severity: .info,
        en: "ARMNSADD succeeded (share name=%0.80s, path name=%0.80s).",
        ja: "ARMNSADDは成功しました(共有名=%0.80s,パス名=%0.80s)。"
    )

    /// ARMNSADD-02: usage error.
    package static let armnsadd02 = CatalogEntry(
        id: "ARMNSADD-02",
        status: .usage,
        severity: .error,
        en: "ARMNSADD received an invalid parameter.",
        ja: "ARMNSADDは無効なパラメータを受け取りました。"
    )

    /// ARMNSADD-03: steps 1020/1050: 2, 1040: 5, 1060: 7, 1090: 8, 1100: 1 (override).
    package static let armnsadd03 = CatalogEntry(
        id: "ARMNSADD-03",
        status: .internal,
        severity: .error,
        en: "ARMNSADD failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMNSADDは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    // MARK: armnsdel (seed §2.2.18; commands.md 2.22)

    /// ARMNSDEL-01: share deleted.
    package static let armnsdel01 = CatalogEntry(
        id: "ARMNSDEL-01",
        status: .success,
        severity: .info,
        en: "ARMNSDEL succeeded (share name=%s).",
        ja: "ARMNSDELは成功しました(共有名=%s)。"
    )

    /// ARMNSDEL-02: usage error.
    package static let armnsdel02 = CatalogEntry(
        id: "ARMNSDEL-02",
        status: .usage,
        severity: .error,
        en: "ARMNSDEL received an invalid parameter.",
        ja: "ARMNSDELは無効なパラメータを受け取りました。"
    )

    /// ARMNSDEL-03: steps 1030: 7, 1060: 5, 1100: 1 (override).
    package static let armnsdel03 = CatalogEntry(
        id: "ARMNSDEL-03",
        status: .internal,
        severity: .error,
        en: "ARMNSDEL failed in internal processing (1%03d). The error code is 0x%x.",
        ja: "ARMNSDELは内部処理(1%03d)に失敗しました。エラーコードは0x%xです。"
    )

    // MARK: mdopen (seed §2.2.19; commands.md 2.23; defined here)

    /// MDOPEN-01: done.
    package static let mdopen01 = CatalogEntry(
        id: "MDOPEN-01",
        status: .success,
        severity: .info,
        en: "MDOPEN succeeded. mirror-set=%s",
        ja: "MDOPENは成功しました。mirror-set=%s"
    )

    /// MDOPEN-02: usage error.
    package static let mdopen02 = CatalogEntry(
        id: "MDOPEN-02",
        status: .usage,
        severity: .error,
        en: "MDOPEN received an invalid parameter.",
        ja: "MDOPENは無効なパラメータを受け取りました。"
    )

    /// MDOPEN-03: refused, with the refusal number.
    package static let mdopen03 = CatalogEntry(
        id: "MDOPEN-03",
        status: .refused,
        severity: .warn,
        en: "MDOPEN is not in a state where it can be executed (%03d). mirror-set=%s",
        ja: "MDOPENは実行できる状態ではありません(%03d)。mirror-set=%s"
    )

    /// MDOPEN-04: internal step.
    package static let mdopen04 = CatalogEntry(
        id: "MDOPEN-04",
        status: .internal,
        severity: .error,
        en: "MDOPEN failed in internal processing (%03d). The error code is 0x%x. mirror-set=%s",
        ja: "MDOPENは内部処理(%03d)に失敗しました。エラーコードは0x%xです。mirror-set=%s"
    )

    // MARK: mdclose (seed §2.2.19; commands.md 2.24; defined here)

    /// MDCLOSE-01: done.
    package static let mdclose01 = CatalogEntry(
        id: "MDCLOSE-01",
        status: .success,
        severity: .info,
        en: "MDCLOSE succeeded. mirror-set=%s",
        ja: "MDCLOSEは成功しました。mirror-set=%s"
    )

    /// MDCLOSE-02: usage error.
    package static let mdclose02 = CatalogEntry(
        id: "MDCLOSE-02",
        status: .usage,
        severity: .error,
        en: "MDCLOSE received an invalid parameter.",
        ja: "MDCLOSEは無効なパラメータを受け取りました。"
    )

    /// MDCLOSE-03: refused, with the refusal number.
    package static let mdclose03 = CatalogEntry(
        id: "MDCLOSE-03",
        status: .refused,
        severity: .warn,
        en: "MDCLOSE is not in a state where it can be executed (%03d). mirror-set=%s",
        ja: "MDCLOSEは実行できる状態ではありません(%03d)。mirror-set=%s"
    )

    /// MDCLOSE-04: internal step (EBUSY: code 0x10, override 8).
    package static let mdclose04 = CatalogEntry(
        id: "MDCLOSE-04",
        status: .internal,
        severity: .error,
        en: "MDCLOSE failed in internal processing (%03d). The error code is 0x%x. mirror-set=%s",
        ja: "MDCLOSEは内部処理(%03d)に失敗しました。エラーコードは0x%xです。mirror-set=%s"
    )

    // MARK: armdelay (public; commands.md 2.25)

    /// ARMDELAY-01: delay set.
    package static let armdelay01 = CatalogEntry(
        id: "ARMDELAY-01",
        status: .success,
        severity: .info,
        en: "ARMDELAY succeeded. delay=%d",
        ja: "ARMDELAYは成功しました。delay=%d"
    )

    // MARK: armvxset (seed §9; commands.md 2.26), written directly because armmond is stopped

    /// ARMVXSET-01: registered.
    package static let armvxset01 = CatalogEntry(
        id: "ARMVXSET-01",
        status: .success,
        severity: .info,
        en: "armvxset registered cluster volume group %s.",
        ja: "armvxsetはクラスタボリュームグループ%sを登録しました。"
    )

    /// ARMVXSET-02: registration deleted.
    package static let armvxset02 = CatalogEntry(
        id: "ARMVXSET-02",
        status: .success,
        severity: .info,
        en: "armvxset deleted the registration of cluster volume group %s.",
        ja: "armvxsetはクラスタボリュームグループ%sの登録を削除しました。"
    )

    // MARK: armsrvct (seed §8; commands.md 2.27)

    /// ARMSRVCT-01: %s = start, stop, restart, enable, disable; code = systemctl status.
    package static let armsrvct01 = CatalogEntry(
        id: "ARMSRVCT-01",
        status: .failed,
        severity: .error,
        en: "ARMSRVCT could not %s the manager service. The error code is %d.",
        ja: "ARMSRVCTはマネージャサービスを%sできませんでした。エラーコードは%dです。"
    )

    // MARK: armlogcc (seed §7.9; commands.md 2.28; defined here)

    /// ARMLOGCC-01: bundle written.
    package static let armlogcc01 = CatalogEntry(
        id: "ARMLOGCC-01",
        status: .success,
        severity: .info,
        en: "ARMLOGCC completed. servers=%s",
        ja: "ARMLOGCCは完了しました。servers=%s"
    )

    /// ARMLOGCC-02: a server unreachable or unreadable.
    package static let armlogcc02 = CatalogEntry(
        id: "ARMLOGCC-02",
        status: .failed,
        severity: .error,
        en: "ARMLOGCC could not collect logs from server %s. The error code is 0x%x.",
        ja: "ARMLOGCCはサーバ%sからログを収集できませんでした。エラーコードは0x%xです。"
    )

    /// ARMLOGCC-03: Ctrl-C or SIGTERM; the command exits 130.
    package static let armlogcc03 = CatalogEntry(
        id: "ARMLOGCC-03",
        status: .failed,
        severity: .warn,
        en: "ARMLOGCC was aborted.",
        ja: "ARMLOGCCは中断されました。"
    )

    // MARK: armcfg (commands.md 2.30; defined here)

    /// ARMCFG-01: %s = 12 hex digits of the hash.
    package static let armcfg01 = CatalogEntry(
        id: "ARMCFG-01",
        status: .success,
        severity: .info,
        en: "ARMCFG applied configuration %s.",
        ja: "ARMCFGは構成%sを適用しました。"
    )

    /// ARMCFG-02: prepare or commit failed on a server.
    package static let armcfg02 = CatalogEntry(
        id: "ARMCFG-02",
        status: .failed,
        severity: .error,
        en: "ARMCFG failed to apply the configuration on server %s.",
        ja: "ARMCFGはサーバ%sで構成の適用に失敗しました。"
    )

    // MARK: armmirror (commands.md 2.34; defined here)

    /// ARMMIRROR-01: done.
    package static let armmirror01 = CatalogEntry(
        id: "ARMMIRROR-01",
        status: .success,
        severity: .info,
        en: "ARMMIRROR succeeded. mirror-set=%s operation=%s",
        ja: "ARMMIRRORは成功しました。mirror-set=%s operation=%s"
    )

    /// ARMMIRROR-02: verify found differing ranges.
    package static let armmirror02 = CatalogEntry(
        id: "ARMMIRROR-02",
        status: .failed,
        severity: .warn,
        en: "ARMMIRROR found differences in mirror set %s. ranges=%d",
        ja: "ARMMIRRORはミラーセット%sに差分を検出しました。ranges=%d"
    )

    // MARK: armmond (seed §2.2.20; commands.md 2.32); every MONITOR line is INFO

    /// MONITOR-01: the socket listens.
    package static let monitor01 = CatalogEntry(
        id: "MONITOR-01",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Monitor started.",
        ja: "モニタが起動しました。"
    )

    /// MONITOR-02: starts down-then-restarted.
    package static let monitor02 = CatalogEntry(
        id: "MONITOR-02",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Starting in the unrecovered state after a server down.",
        ja: "サーバダウン発生後の未復旧状態で起動します。"
    )

    /// MONITOR-03: a server down was detected.
    package static let monitor03 = CatalogEntry(
        id: "MONITOR-03",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Starting failover processing.",
        ja: "フェイルオーバー処理を開始します。"
    )

    /// MONITOR-04: takeover done.
    package static let monitor04 = CatalogEntry(
        id: "MONITOR-04",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Failover processing completed.",
        ja: "フェイルオーバー処理が完了しました。"
    )

    /// MONITOR-05: detached or declared down.
    package static let monitor05 = CatalogEntry(
        id: "MONITOR-05",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Entered the down state.",
        ja: "ダウン状態になりました。"
    )

    /// MONITOR-06: returned.
    package static let monitor06 = CatalogEntry(
        id: "MONITOR-06",
        status: .success,
        severity: .info,
        pidColumn: .monitor,
        en: "Returned to the cluster.",
        ja: "クラスタへ復帰しました。"
    )
}

extension MessageCatalog {
    /// The rows of every command but armload, armkill and armloadc, in commands.md order.
    static let commandEntries: [CatalogEntry] = [
        .armmode01, .armmode02, .armmode03, .armmode04, .armfover01, .armfover02, .armfover03, .armfover04, .armgstrt01,
        .armgstrt02, .armgstrt03, .armgstrt04, .armgstop01, .armgstop02, .armgstop03, .armgstop04, .armgwait01,
        .armgwait02, .armgwait03, .armgwait04, .armcall01, .armcall02, .armcall03, .armcall04, .armcall05, .armcall06,
        .armcall07, .armsetcd01, .armsetcd02, .armsetcd03, .armsetcd04, .armgetcd01, .armgetcd02, .armgetcd03,
        .armgetcd04, .armbcast01, .armbcast02, .armbcast03, .armbcast04, .armdown01, .armdown02, .armdown03, .armdown04,
        .armdown05, .armstdn01, .armstdn02, .armstdn03, .armstdn04, .armsstdn01, .armsstdn02, .armsstdn03, .armsstdn04,
        .armsstdn05, .armem01, .armem02, .armem03, .armpause01, .armpause02, .armpause03, .armsleep01, .armsleep02,
        .armrsp01, .armrsp02, .armrsp03, .armrsp04, .armrsp05, .armrsp06, .armrsp07, .armwhshr01, .armwhshr02,
        .armwhshr03, .armwhshr04, .armnsadd01, .armnsadd02, .armnsadd03, .armnsdel01, .armnsdel02, .armnsdel03,
        .mdopen01, .mdopen02, .mdopen03, .mdopen04, .mdclose01, .mdclose02, .mdclose03, .mdclose04, .armdelay01,
        .armvxset01, .armvxset02, .armsrvct01, .armlogcc01, .armlogcc02, .armlogcc03, .armcfg01, .armcfg02,
        .armmirror01, .armmirror02, .monitor01, .monitor02, .monitor03, .monitor04, .monitor05, .monitor06,
    ]
}
