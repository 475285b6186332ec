package io.iotrace.cli.programs;

import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A burst of tiny calls, far faster than the agent's writer drains a small ring: {@code WriteBurst FILE COUNT}
 * writes COUNT single bytes to FILE with {@code FileOutputStream.write(int)} on a thread named {@code burst} that
 * does nothing else, then prints {@code WROTE COUNT}.
 */
public final class WriteBurst {
    private WriteBurst() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int count = Integer.parseInt(args[1]);
        // Let the writer drain what the JVM's start-up recorded, so that the drops are the burst's.
        Thread.sleep(300);
        Thread burst = new Thread(() -> {
            try (FileOutputStream out = new FileOutputStream(file)) {
                for (int i = 0; i < count; i++) {
                    out.write(i);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file, e);
            }
        }, "burst");
        burst.start();
        burst.join();
        System.out.println("WROTE " + count);
    }
}
