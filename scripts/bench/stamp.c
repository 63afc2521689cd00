/* stamp: the supervised program of scripts/bench/restart-latency and backoff-accuracy. On start it appends
 * "<pid> <CLOCK_MONOTONIC seconds>" to $STAMP_FILE (or argv[1]), then waits for a signal; with $STAMP_EXIT
 * set it exits 1 at once instead (a crash loop). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    const char *path = getenv("STAMP_FILE");
    if (path == NULL && argc > 1) path = argv[1];
    if (path == NULL) return 2;
    char line[96];
    int length = snprintf(line, sizeof line, "%d %ld.%09ld\n", (int)getpid(), (long)now.tv_sec, now.tv_nsec);
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, line, (size_t)length) != length) return 3;
    close(fd);
    if (getenv("STAMP_EXIT") != NULL) return 1;
    for (;;) pause();
}
