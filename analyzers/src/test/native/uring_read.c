/* Asynchronous reads with io_uring through raw syscalls (no liburing here): reads a file 4 KiB at a time with
 * IORING_OP_READ, submitting and reaping with io_uring_enter. Classified as async. */
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    int file = open(argv[1], O_RDONLY);
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    int ring = (int) syscall(__NR_io_uring_setup, 4, &p);
    if (file < 0 || ring < 0) return 2;
    size_t sq_size = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    char *sq = mmap(0, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
    char *cq = mmap(0, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_CQ_RING);
    struct io_uring_sqe *sqes = mmap(0, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
                                     MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) return 3;
    unsigned *sq_tail = (unsigned *) (sq + p.sq_off.tail), *sq_mask = (unsigned *) (sq + p.sq_off.ring_mask);
    unsigned *sq_array = (unsigned *) (sq + p.sq_off.array);
    unsigned *cq_head = (unsigned *) (cq + p.cq_off.head), *cq_tail = (unsigned *) (cq + p.cq_off.tail);
    unsigned *cq_mask = (unsigned *) (cq + p.cq_off.ring_mask);
    struct io_uring_cqe *cqes = (struct io_uring_cqe *) (cq + p.cq_off.cqes);
    static char buf[4096];
    long long offset = 0;
    for (;;) {
        unsigned tail = *sq_tail, index = tail & *sq_mask;
        memset(&sqes[index], 0, sizeof sqes[index]);
        sqes[index].opcode = IORING_OP_READ;
        sqes[index].fd = file;
        sqes[index].addr = (unsigned long) buf;
        sqes[index].len = sizeof buf;
        sqes[index].off = offset;
        sq_array[index] = index;
        atomic_store_explicit((_Atomic unsigned *) sq_tail, tail + 1, memory_order_release);
        if (syscall(__NR_io_uring_enter, ring, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) < 0) return 4;
        unsigned head = atomic_load_explicit((_Atomic unsigned *) cq_head, memory_order_acquire);
        if (head == atomic_load_explicit((_Atomic unsigned *) cq_tail, memory_order_acquire)) return 5;
        int res = cqes[head & *cq_mask].res;
        atomic_store_explicit((_Atomic unsigned *) cq_head, head + 1, memory_order_release);
        if (res < 0) return 6;
        if (res == 0) break;
        offset += res;
    }
    return 0;
}
