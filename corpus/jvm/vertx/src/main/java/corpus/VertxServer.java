package corpus;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** Vert.x HTTP server: 2 instances of one verticle listen on the same port, each on its own event loop. */
public final class VertxServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        // Waited for on main, so that the "listening" line is not written from an event loop.
        vertx.deployVerticle(Hello.class.getName(),
                        new DeploymentOptions().setInstances(2).setConfig(new JsonObject().put("port", port)))
                .toCompletionStage().toCompletableFuture().join();
        System.out.println("listening on 127.0.0.1:" + port);
    }

    public static final class Hello extends VerticleBase {
        @Override
        public Future<?> start() {
            return vertx.createHttpServer()
                    .requestHandler(request -> request.response().putHeader("content-type", "text/plain").end("hello"))
                    .listen(config().getInteger("port"), "127.0.0.1");
        }
    }
}
