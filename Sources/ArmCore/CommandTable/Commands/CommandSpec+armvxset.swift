extension CommandSpec {
    /// ARMVXSET: register LVM cluster volume groups and shared devices (seed §9; commands.md 2.26).
    package static let armvxset = CommandSpec(
        name: "armvxset",
        summary: "register LVM cluster volume groups and shared devices",
        synopsis: ["", "/REG {vg...|/ALL} [/Y]", "/DEL {vg...|/ALL} [/Y]", "{/LI|/LR} [--json]"],
        description: [
            """
            The Linux form of the original cluster-disk-group tool. A cluster volume group is an LVM volume \
            group tagged armcluster (vgchange --addtag armcluster VG), or a plain shared block device named as \
            device by a disk resource of cluster.toml. A volume group is imported when it is visible here and \
            not exported; a plain device when its node exists.
            """,
            """
            Registering stores its name, UUID or size, its physical volumes or the device itself (with its \
            /dev/disk/by-id link and SCSI H:C:T:L) and its logical volumes with their file-system types in the \
            table cluster_volumes of state.sqlite. A switched-disk resource on an LVM logical volume is \
            activated only if its volume group is registered; a registered plain device only while it still has \
            the registered by-id link and size.
            """,
            """
            Register on every server. Only one armvxset runs at a time (a lock on \
            /run/armcluster/locks/armvxset.lock), and registering or deleting is refused while armmond runs. \
            All volumes must be healthy (LVM RAID in sync); at most 26 may be registered. Root only.
            """,
            """
            Without options armvxset is interactive. Its main menu (prompt >) offers 1 register or re-register, \
            2 delete a registration (prompt ->), 3 list imported and 4 list registered cluster volume groups, \
            and e to exit; EOF also exits 0. The options give the same functions without questions: a yes/no \
            question is answered n, or y with /Y.
            """,
            """
            Messages go to stdout when interactive and to stderr otherwise. ARM.LOG gets ARMVXSET-01 and \
            ARMVXSET-02, written directly because armmond is stopped.
            """,
        ],
        options: [
            .flag("REG", long: "register", help: "Register (or re-register) the named or all volume groups."),
            .flag("DEL", long: "delete", help: "Delete the registration of the named or all volume groups."),
            .flag("ALL", long: "all", help: "Every imported (with /REG) or registered (with /DEL) volume group."),
            .flag("Y", long: "yes", help: "Answer yes to every question."),
            .flag("LI", long: "list-imported", help: "List the imported cluster volume groups."),
            .flag("LR", long: "list-registered", help: "List the registered cluster volume groups."),
            .json,
        ],
        operands: [.repeated("vg", completion: .files, help: "Volume group name or plain device path.")],
        exitStatuses: [
            .init(.success, "done; also an empty list"),
            .init(
                .failed,
                "LVM missing, a missing or unknown disk, no file system, not ext4 or xfs, or blkid error"
            ),
            .init(.usage),
            .init(.refused, "armmond is running"),
            .init(.notFound, "a named volume group or device is not imported or registered, or the list is empty"),
            .init(.permissionDenied, "not root"),
            .init(.busy, "another armvxset is running, or 26 volume groups are registered"),
        ],
        examples: ["armvxset /REG vg_data vg_logs /Y && armvxset /LR     # on each server, armmond stopped"],
        manSection: 8,
        access: .none,
        seed: "§9"
    )
}
