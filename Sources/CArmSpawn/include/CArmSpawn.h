// CArmSpawn: process creation for ARMLOAD programs and group scripts (ArmSystem: LiveProgramLauncher,
// LiveScriptRunner, SyncProgram) and the primitives of their one epoll watcher (ProcessWatcher).
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Swift must not fork: between fork and exec only async-signal-safe code may run, which Swift cannot
// promise. Everything that runs in the child lives in spawn.c.
#ifndef CARMSPAWN_H
#define CARMSPAWN_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// Where arm_spawn failed (the `stage` output).
enum {
    /// Started: the program's execve succeeded.
    ARM_SPAWN_STAGE_NONE = 0,
    /// In the caller: pipe2, mmap or clone.
    ARM_SPAWN_STAGE_PARENT = 1,
    /// In the child: setsid, /dev/null or dup2 of the standard descriptors.
    ARM_SPAWN_STAGE_SETUP = 2,
    /// In the child: setgroups, setresgid or setresuid.
    ARM_SPAWN_STAGE_CREDENTIALS = 3,
    /// In the child: chdir to the working directory.
    ARM_SPAWN_STAGE_CHDIR = 4,
    /// In the child: execve.
    ARM_SPAWN_STAGE_EXEC = 5,
};

/// What to start. Every pointer must stay valid for the duration of the call.
typedef struct arm_spawn_request {
    /// Executable path (no PATH search).
    const char *path;
    /// NULL-terminated argv, argv[0] included.
    char *const *argv;
    /// NULL-terminated environment.
    char *const *envp;
    /// Working directory; NULL keeps the caller's.
    const char *working_directory;
    /// Descriptors that become the child's 0, 1 and 2; -1 means /dev/null. A descriptor equal to its
    /// target (0 for stdin…) is inherited as is (a closed one becomes /dev/null).
    int stdio[3];
    /// Non-zero: setgroups(groups), setresgid(gid), setresuid(uid) before chdir and execve.
    int switch_user;
    /// Target user id.
    uid_t uid;
    /// Target primary group id.
    gid_t gid;
    /// Supplementary groups (computed by the caller, e.g. with getgrouplist).
    const gid_t *groups;
    /// Number of entries in groups.
    size_t group_count;
    /// Non-zero: keep the caller's umask (group scripts); zero: umask 022 (ARMLOAD programs).
    int keep_umask;
} arm_spawn_request;

/// Starts a program in a new session (pid == pgid == sid) with umask 022 (unless keep_umask), default signal
/// dispositions, an empty signal mask, and every descriptor above 2 closed on exec.
///
/// Returns 0 and sets *pid when execve succeeded; otherwise returns the errno and sets *stage to where it
/// failed (a child that failed has already been reaped).
int arm_spawn(const arm_spawn_request *request, pid_t *pid, int *stage);

/// waitid(P_PID, pid, WEXITED | options): 1 and *kind/*value when it ended (kind 1: exited with value,
/// kind 2: killed by signal value), 0 when WNOHANG found it still running, -1 with errno on error.
int arm_wait_exit(pid_t pid, int options, int *kind, int *value);

/// pidfd_open(pid, 0) through the raw system call (Linux 5.3+; glibc exports a wrapper only since 2.36).
/// The descriptor (close-on-exec), or -1 with errno.
int arm_pidfd_open(pid_t pid);

/// pipe2(fds, O_CLOEXEC): 0, or -1 with errno.
int arm_pipe_cloexec(int fds[2]);

/// eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK): the descriptor, or -1 with errno.
int arm_eventfd_create(void);
/// Adds 1 to an eventfd (wakes an epoll_wait on it); 0 or -1 with errno.
int arm_eventfd_signal(int fd);
/// Reads and so resets an eventfd's counter; 0 or -1 with errno (EAGAIN when it was zero).
int arm_eventfd_drain(int fd);

/// epoll_create1(EPOLL_CLOEXEC).
int arm_epoll_create(void);
/// Adds fd for EPOLLIN (level-triggered) with token as its data; 0 or -1 with errno.
int arm_epoll_add(int epoll, int fd, uint64_t token);
/// Removes fd; 0 or -1 with errno.
int arm_epoll_remove(int epoll, int fd);
/// epoll_wait: writes up to max tokens; returns their count or -1 with errno.
int arm_epoll_wait(int epoll, uint64_t *tokens, int max, int timeout_ms);

/// Names the calling thread (prctl PR_SET_NAME; at most 15 bytes are kept).
void arm_set_thread_name(const char *name);

/// Creates a non-blocking, close-on-exec AF_UNIX SOCK_DGRAM socket bound at path (a leading '@' means the
/// abstract namespace, as NOTIFY_SOCKET allows). A stale socket file at path is removed first.
/// Returns 0 and *fd, or an errno (ENAMETOOLONG when the path does not fit sun_path).
int arm_notify_socket(const char *path, int *fd);

/// What arm_forward_install replaced, for arm_forward_restore.
typedef struct arm_forward_saved {
    struct sigaction actions[3];
} arm_forward_saved;

/// Installs the forwarding handler for SIGINT, SIGTERM and SIGHUP (no SA_RESTART, so blocking waits see
/// EINTR). Until arm_forward_set_group names a group, the last signal received is kept pending.
/// 0 or an errno.
int arm_forward_install(arm_forward_saved *saved);
/// Puts back the handlers that arm_forward_install replaced and forgets the group.
void arm_forward_restore(const arm_forward_saved *saved);
/// Names the process group that signals go to (> 1), and sends it a signal kept pending meanwhile.
void arm_forward_set_group(pid_t group);
/// Stops forwarding (signals are then dropped until the handlers are restored).
void arm_forward_clear(void);
/// The handler itself (async-signal-safe): kill(-group, signal), errno preserved.
void arm_forward_signal(int signal);

#endif
