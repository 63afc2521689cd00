/* floor: the least a supervisor can do, the benchmark's floor: run argv[1..], and whenever it dies
 * fork+exec it again at once (blocking waitpid, no delay, no bookkeeping). SIGTERM ends it. */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;
static void on_term(int signal_number) { (void)signal_number; stopping = 1; }

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    struct sigaction action = {.sa_handler = on_term};
    sigaction(SIGTERM, &action, NULL);
    while (!stopping) {
        pid_t child = fork();
        if (child == 0) {
            execv(argv[1], argv + 1);
            _exit(127);
        }
        if (child < 0) { sleep(1); continue; }
        while (waitpid(child, NULL, 0) < 0) {
            if (errno == EINTR && stopping) { kill(child, SIGKILL); waitpid(child, NULL, 0); return 0; }
        }
    }
    return 0;
}
