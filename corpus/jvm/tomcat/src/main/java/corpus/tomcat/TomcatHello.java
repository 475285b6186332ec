package corpus.tomcat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 with its default HTTP/1.1 NIO connector (one Acceptor thread, one Poller thread, the
 * http-nio-exec worker pool) and one trivial servlet answering "hello". Argument: the port (127.0.0.1).
 */
public final class TomcatHello {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("corpus-tomcat").toString());
        Connector connector = tomcat.getConnector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "hello", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().write("hello\n");
            }
        });
        context.addServletMappingDecoded("/*", "hello");
        tomcat.start();
        System.out.println("tomcat listening on 127.0.0.1:" + port);
        tomcat.getServer().await();
    }
}
