package io.iotrace.cli.lint;

/** A thread named like a Vert.x event loop that sleeps in its handler: what a name alone makes a loop. */
public final class SleepingVertxLoopMain {
    private SleepingVertxLoopMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread loop = new Thread(SleepingVertxLoopMain::handle, "vert.x-eventloop-thread-0");
        loop.start();
        loop.join();
    }

    static void handle() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
