package corpus;

import io.helidon.webserver.WebServer;

/** Helidon SE 4 WebServer (a virtual thread per connection) answering "hello" on GET /. */
public final class HelidonServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.get("/", (request, response) -> response.send("hello")))
                .build()
                .start();
        System.out.println("listening on 127.0.0.1:" + server.port());
    }
}
