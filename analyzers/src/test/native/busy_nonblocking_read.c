/* Busy non-blocking reads: a socketpair set O_NONBLOCK, read in a loop that retries on EAGAIN with no wait.
 * The other end writes 3 messages, one every few hundred retries. Classified as non-blocking-polling. */
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    char buf[64];
    int got = 0, tries = 0;
    while (got < 3 && tries < 100000) {
        if (tries % 200 == 50) write(sv[1], "ping", 4);
        ssize_t n = read(sv[0], buf, sizeof buf);
        if (n > 0) got++;
        else if (n < 0 && errno != EAGAIN) return 2;
        tries++;
    }
    return got == 3 ? 0 : 3;
}
