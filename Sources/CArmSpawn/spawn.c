// CArmSpawn: process creation for ARMLOAD programs and group scripts, and the watcher's epoll primitives.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Why clone(CLONE_VM | CLONE_VFORK) and not fork:
// - armmond is a large multi-threaded process. fork copies its page tables for every start, may fail
//   under strict overcommit (the child "needs" the daemon's whole writable memory), and runs the C library's
//   atfork handlers. A CLONE_VM child shares the caller's memory and the caller's thread sleeps until the
//   child has called execve or exited, exactly as glibc's posix_spawn does. posix_spawn itself cannot be used:
//   it has no setgroups/setuid step.
// - The child runs on its own mmap'd stack (not the caller's frame, unlike vfork), so the compiler's view of
//   the caller's stack stays valid.
// - Every signal is blocked in the calling thread across clone, so no handler of the caller (which would
//   run on shared memory) can run in the child; the child resets every disposition to SIG_DFL and only then
//   unblocks signals, right before execve.
// - glibc's setgroups/setgid/setuid broadcast the change to every thread of the process (SIGSETXID). In a
//   CLONE_VM child glibc still believes it is the multi-threaded caller, so the child uses the raw system
//   calls instead, which change the calling (and only) thread of the child.
// - Only async-signal-safe functions and raw system calls run in the child. A failure is written as
//   (stage, errno) to a close-on-exec pipe and the child exits with 127; an empty read means execve
//   succeeded.
#define _GNU_SOURCE
#include "CArmSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/// Kernel sigset size for rt_sigprocmask (64 signals).
#define KERNEL_SIGSET_BYTES (_NSIG / 8)

/// The child's stack. The child only makes system calls and a few small libc calls.
#define CHILD_STACK_BYTES (128 * 1024)

struct child_arguments {
    const arm_spawn_request *request;
    int report_fd;
};

/// Writes (stage, errno) to the parent and exits. Async-signal-safe.
static void __attribute__((noreturn)) child_fail(int report_fd, int stage, int error) {
    int message[2] = {stage, error};
    ssize_t written;
    do {
        written = write(report_fd, message, sizeof message);
    } while (written < 0 && errno == EINTR);
    _exit(127);
}

/// Opens /dev/null at a descriptor above 2 (once). Async-signal-safe.
static int child_null(int *cached) {
    if (*cached >= 0) return *cached;
    int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (fd < 0) return -1;
    if (fd < 3) {
        int moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        close(fd);
        fd = moved;
    }
    *cached = fd;
    return fd;
}

static int child_main(void *argument) {
    const struct child_arguments *arguments = argument;
    const arm_spawn_request *request = arguments->request;
    const int report = arguments->report_fd;

    // Default dispositions for everything (an ignored SIGPIPE or a handler of the caller must not leak).
    // The raw call, because glibc's sigaction refuses its two internal signals, which an ignored
    // disposition would otherwise carry across execve. An all-zero kernel sigaction is SIG_DFL, no flags,
    // empty mask, whatever the architecture's field order.
    struct {
        unsigned long words[4];
    } default_action;
    memset(&default_action, 0, sizeof default_action);
    for (int signal_number = 1; signal_number < _NSIG; signal_number++) {
        if (signal_number == SIGKILL || signal_number == SIGSTOP) continue;
        (void)syscall(SYS_rt_sigaction, signal_number, &default_action, NULL, KERNEL_SIGSET_BYTES);
    }

    if (setsid() < 0) child_fail(report, ARM_SPAWN_STAGE_SETUP, errno);
    if (!request->keep_umask) umask(022);

    // Standard descriptors. First move sources that sit on another standard slot out of the way, so
    // that no dup2 overwrites a source that a later slot still needs.
    int null_fd = -1;
    int source[3];
    for (int slot = 0; slot < 3; slot++) {
        source[slot] = request->stdio[slot];
        if (source[slot] >= 0 && source[slot] < 3 && source[slot] != slot) {
            int moved = fcntl(source[slot], F_DUPFD_CLOEXEC, 3);
            if (moved < 0) child_fail(report, ARM_SPAWN_STAGE_SETUP, errno);
            source[slot] = moved;
        }
    }
    for (int slot = 0; slot < 3; slot++) {
        int from = source[slot];
        if (from == slot) {
            int flags = fcntl(slot, F_GETFD);
            if (flags >= 0) {
                if ((flags & FD_CLOEXEC) && fcntl(slot, F_SETFD, flags & ~FD_CLOEXEC) < 0)
                    child_fail(report, ARM_SPAWN_STAGE_SETUP, errno);
                continue;
            }
            from = -1;  // inherited but closed: use /dev/null
        }
        if (from < 0) {
            from = child_null(&null_fd);
            if (from < 0) child_fail(report, ARM_SPAWN_STAGE_SETUP, errno);
        }
        if (dup2(from, slot) < 0) child_fail(report, ARM_SPAWN_STAGE_SETUP, errno);
    }
    // Nothing of the caller's beyond 0-2 reaches the program (the report pipe is already close-on-exec).
    // Kernels before 5.11 lack the flag; the caller opens its own descriptors close-on-exec anyway.
    (void)syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);

    if (request->switch_user) {
        if (syscall(SYS_setgroups, request->group_count, request->groups) < 0)
            child_fail(report, ARM_SPAWN_STAGE_CREDENTIALS, errno);
        if (syscall(SYS_setresgid, request->gid, request->gid, request->gid) < 0)
            child_fail(report, ARM_SPAWN_STAGE_CREDENTIALS, errno);
        if (syscall(SYS_setresuid, request->uid, request->uid, request->uid) < 0)
            child_fail(report, ARM_SPAWN_STAGE_CREDENTIALS, errno);
    }
    // After the switch, so that the program's user must be able to enter the directory.
    if (request->working_directory != NULL && chdir(request->working_directory) < 0)
        child_fail(report, ARM_SPAWN_STAGE_CHDIR, errno);

    sigset_t empty;
    sigemptyset(&empty);
    (void)syscall(SYS_rt_sigprocmask, SIG_SETMASK, &empty, NULL, KERNEL_SIGSET_BYTES);
    execve(request->path, request->argv, request->envp);
    child_fail(report, ARM_SPAWN_STAGE_EXEC, errno);
}

int arm_spawn(const arm_spawn_request *request, pid_t *pid, int *stage) {
    *stage = ARM_SPAWN_STAGE_PARENT;
    int report[2];
    if (pipe2(report, O_CLOEXEC) < 0) return errno;
    // The stack, with a guard page below it: an overflow faults instead of writing into shared memory.
    const size_t guard = (size_t)sysconf(_SC_PAGESIZE);
    const size_t mapped = CHILD_STACK_BYTES + guard;
    char *stack = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED || mprotect(stack, guard, PROT_NONE) < 0) {
        int error = errno;
        if (stack != MAP_FAILED) munmap(stack, mapped);
        close(report[0]);
        close(report[1]);
        return error;
    }

    // Block everything, glibc's internal signals included (hence the raw call), across clone.
    sigset_t all, previous;
    sigfillset(&all);
    (void)syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, &previous, KERNEL_SIGSET_BYTES);
    struct child_arguments arguments = {request, report[1]};
    pid_t child = clone(child_main, stack + mapped, CLONE_VM | CLONE_VFORK | SIGCHLD, &arguments);
    int clone_error = errno;
    (void)syscall(SYS_rt_sigprocmask, SIG_SETMASK, &previous, NULL, KERNEL_SIGSET_BYTES);
    // CLONE_VFORK: the child has exec'd or exited, so its stack is no longer in use.
    munmap(stack, mapped);
    close(report[1]);
    if (child < 0) {
        close(report[0]);
        return clone_error;
    }

    int message[2] = {0, 0};
    size_t received = 0;
    while (received < sizeof message) {
        ssize_t count = read(report[0], (char *)message + received, sizeof message - received);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        received += (size_t)count;
    }
    close(report[0]);
    if (received == 0) {
        *stage = ARM_SPAWN_STAGE_NONE;
        *pid = child;
        return 0;
    }
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (received < sizeof message) {
        *stage = ARM_SPAWN_STAGE_SETUP;
        return EIO;
    }
    *stage = message[0];
    return message[1] != 0 ? message[1] : EIO;
}

int arm_wait_exit(pid_t pid, int options, int *kind, int *value) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | options) < 0) return -1;
    if (info.si_pid == 0) return 0;
    if (info.si_code == CLD_EXITED) {
        *kind = 1;
    } else {
        *kind = 2;
    }
    *value = info.si_status;
    return 1;
}

int arm_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0U); }

int arm_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int arm_eventfd_create(void) { return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

int arm_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written;
    do {
        written = write(fd, &one, sizeof one);
    } while (written < 0 && errno == EINTR);
    // EAGAIN: the counter is at its maximum, so the reader will wake anyway.
    return written == (ssize_t)sizeof one || (written < 0 && errno == EAGAIN) ? 0 : -1;
}

int arm_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t count;
    do {
        count = read(fd, &value, sizeof value);
    } while (count < 0 && errno == EINTR);
    return count == (ssize_t)sizeof value ? 0 : -1;
}

int arm_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int arm_epoll_add(int epoll, int fd, uint64_t token) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN;
    event.data.u64 = token;
    return epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
}

int arm_epoll_remove(int epoll, int fd) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    return epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event);
}

int arm_epoll_wait(int epoll, uint64_t *tokens, int max, int timeout_ms) {
    struct epoll_event events[64];
    if (max > 64) max = 64;
    if (max < 1) max = 1;
    int count = epoll_wait(epoll, events, max, timeout_ms);
    for (int index = 0; index < count; index++) tokens[index] = events[index].data.u64;
    return count;
}

void arm_set_thread_name(const char *name) { (void)prctl(PR_SET_NAME, name, 0, 0, 0); }

int arm_notify_socket(const char *path, int *fd) {
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    size_t length = strlen(path);
    if (length == 0) return EINVAL;
    if (length >= sizeof address.sun_path) return ENAMETOOLONG;
    memcpy(address.sun_path, path, length);
    socklen_t address_length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length + 1);
    if (path[0] == '@') {
        address.sun_path[0] = '\0';
        address_length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length);
    } else {
        struct stat existing;
        if (lstat(path, &existing) == 0 && S_ISSOCK(existing.st_mode)) (void)unlink(path);
    }
    int socket_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (socket_fd < 0) return errno;
    if (bind(socket_fd, (const struct sockaddr *)&address, address_length) < 0) {
        int error = errno;
        close(socket_fd);
        return error;
    }
    *fd = socket_fd;
    return 0;
}

// MARK: - Signal forwarding (armload /W)

static _Atomic pid_t forward_group = 0;
static _Atomic int forward_pending = 0;
static const int forwarded_signals[3] = {SIGINT, SIGTERM, SIGHUP};

void arm_forward_signal(int signal_number) {
    int saved = errno;
    pid_t group = atomic_load(&forward_group);
    if (group > 1) {
        (void)kill(-group, signal_number);
    } else {
        atomic_store(&forward_pending, signal_number);
    }
    errno = saved;
}

int arm_forward_install(arm_forward_saved *saved) {
    atomic_store(&forward_group, 0);
    atomic_store(&forward_pending, 0);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = arm_forward_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int index = 0; index < 3; index++) {
        if (sigaction(forwarded_signals[index], &action, &saved->actions[index]) < 0) {
            int error = errno;
            for (int undo = 0; undo < index; undo++)
                (void)sigaction(forwarded_signals[undo], &saved->actions[undo], NULL);
            return error;
        }
    }
    return 0;
}

void arm_forward_restore(const arm_forward_saved *saved) {
    atomic_store(&forward_group, 0);
    for (int index = 0; index < 3; index++) (void)sigaction(forwarded_signals[index], &saved->actions[index], NULL);
    atomic_store(&forward_pending, 0);
}

void arm_forward_set_group(pid_t group) {
    if (group <= 1) return;
    atomic_store(&forward_group, group);
    int pending = atomic_exchange(&forward_pending, 0);
    if (pending != 0) (void)kill(-group, pending);
}

void arm_forward_clear(void) {
    atomic_store(&forward_group, 0);
    atomic_store(&forward_pending, 0);
}
