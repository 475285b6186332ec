package corpus;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * gRPC server (grpc-netty-shaded, default boss/worker event loop groups and default executor) with one unary
 * method that answers "hello". Run with -Dio.grpc.netty.shaded.io.netty.transport.noNative=true for NIO.
 */
public final class GrpcServer {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ServerServiceDefinition service = ServerServiceDefinition.builder(HelloMethod.SERVICE)
                .addMethod(HelloMethod.SAY, ServerCalls.asyncUnaryCall((request, responses) -> {
                    responses.onNext(HELLO);
                    responses.onCompleted();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .addService(service)
                .build()
                .start();
        System.out.println("listening on 127.0.0.1:" + port);
        server.awaitTermination();
    }
}
