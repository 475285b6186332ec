/* Signal-driven reads: a socketpair end set F_SETOWN + O_ASYNC (strace shows FASYNC) + O_NONBLOCK; the process
 * waits in sigsuspend() for SIGIO, then reads. A child writes 3 messages. Classified as signal-driven. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t ready;
static void on_sigio(int sig) { (void) sig; ready = 1; }

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
    struct sigaction sa = {.sa_handler = on_sigio};
    sigaction(SIGIO, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGIO);
    sigprocmask(SIG_BLOCK, &block, &old);
    fcntl(sv[0], F_SETOWN, getpid());
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_ASYNC | O_NONBLOCK);
    if (fork() == 0) {
        for (int i = 0; i < 3; i++) { usleep(30000); write(sv[1], "ping", 4); }
        _exit(0);
    }
    int got = 0;
    char buf[64];
    while (got < 3) {
        while (!ready) sigsuspend(&old);
        ready = 0;
        while (read(sv[0], buf, sizeof buf) > 0) got++;
    }
    wait(NULL);
    return 0;
}
