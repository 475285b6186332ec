/* A single-threaded select() server on 127.0.0.1: accepts 3 clients (forked from itself) and echoes one message
 * from each, waiting in select() for the listener and the connections. Classified as multiplexing. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void client(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (connect(s, (struct sockaddr *) &a, sizeof a) != 0) _exit(1);
    usleep(20000);
    write(s, "hello", 5);
    char buf[16];
    read(s, buf, sizeof buf);
    _exit(0);
}

int main(void) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    socklen_t len = sizeof a;
    if (bind(l, (struct sockaddr *) &a, sizeof a) != 0 || listen(l, 8) != 0) return 1;
    getsockname(l, (struct sockaddr *) &a, &len);
    for (int i = 0; i < 3; i++) if (fork() == 0) client(ntohs(a.sin_port));
    int conns[3], nconn = 0, served = 0;
    while (served < 3) {
        fd_set r;
        FD_ZERO(&r);
        FD_SET(l, &r);
        int max = l;
        for (int i = 0; i < nconn; i++) if (conns[i] >= 0) { FD_SET(conns[i], &r); if (conns[i] > max) max = conns[i]; }
        struct timeval tv = {.tv_sec = 2};
        if (select(max + 1, &r, NULL, NULL, &tv) <= 0) return 2;
        if (FD_ISSET(l, &r) && nconn < 3) conns[nconn++] = accept(l, NULL, NULL);
        for (int i = 0; i < nconn; i++) {
            if (conns[i] >= 0 && FD_ISSET(conns[i], &r)) {
                char buf[16];
                ssize_t n = read(conns[i], buf, sizeof buf);
                if (n > 0) write(conns[i], buf, n);
                close(conns[i]);
                conns[i] = -1;
                served++;
            }
        }
    }
    while (wait(NULL) > 0) {}
    return 0;
}
