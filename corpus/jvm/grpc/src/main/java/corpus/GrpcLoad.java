package corpus;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Load driver (not traced): CHANNELS channels, one thread each, CALLS blocking unary calls per channel. */
public final class GrpcLoad {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int channels = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        byte[] request = "hi".getBytes(StandardCharsets.US_ASCII);
        AtomicLong done = new AtomicLong();
        List<ManagedChannel> opened = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < channels; c++) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            opened.add(channel);
            Thread t = new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    ClientCalls.blockingUnaryCall(channel, HelloMethod.SAY, CallOptions.DEFAULT, request);
                    done.incrementAndGet();
                }
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d unary calls over %d channels in %.2f s (%.0f/s)%n", done.get(), channels, seconds,
                done.get() / seconds);
        for (ManagedChannel channel : opened) {
            channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
