package io.iotrace.analyzers.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationCodeTest {

    @Test
    void theApplicationIsItsMainClassesOrganizationAndEveryOtherPackageALibrary() {
        ApplicationCode application = ApplicationCode.ofCommand("com.acme.shop.Main --port 8080");

        assertTrue(application.owns("com.acme.shop.Handler"));
        assertTrue(application.owns("com.acme.common.Cache$Entry"), "the organization's other packages");
        assertFalse(application.owns("com.acmex.Other"), "a package that only starts with the same letters");
        assertFalse(application.owns("org.eclipse.jetty.server.Server"));
        assertFalse(application.owns("java.util.HashMap"));
        assertEquals("com.acme.* (from the main class com.acme.shop.Main)", application.describe());
    }

    @Test
    void aMainClassInAOneNamePackageOrAModuleOwnsThatPackage() {
        assertTrue(ApplicationCode.ofCommand("corpus.GrpcServer 4000").owns("corpus.GrpcServer$Greeter"));
        assertFalse(ApplicationCode.ofCommand("corpus.GrpcServer 4000").owns("io.grpc.ServerImpl"));
        assertTrue(ApplicationCode.ofCommand("shop/com.acme.shop.Main").owns("com.acme.shop.Main"));
        assertTrue(ApplicationCode.ofCommand("Main").owns("Helper"));
        assertFalse(ApplicationCode.ofCommand("Main").owns("io.netty.Bootstrap"));
    }

    @Test
    void withoutAMainClassEveryClassOutsideTheJdkIsTheApplications() {
        ApplicationCode jar = ApplicationCode.ofCommand("/srv/app.jar --port 8080");

        assertTrue(jar.owns("org.eclipse.jetty.server.Server"));
        assertFalse(jar.owns("sun.nio.ch.SocketChannelImpl"));
        assertEquals("every class outside the JDK", jar.describe());
    }

    @Test
    void namedPackagesReplaceTheMainClasses() {
        ApplicationCode named = ApplicationCode.ofPackages(List.of("io.vertx.example", "com.acme"));

        assertTrue(named.owns("io.vertx.example.Verticle"));
        assertFalse(named.owns("io.vertx.core.Launcher"));
    }

    @Test
    void theTopFrameIsTheFirstInApplicationCodeOrElseInALibraryOrElseTheInnermost() {
        ApplicationCode application = ApplicationCode.ofCommand("com.example.Main");
        CallStack handler = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", -1),
                new Frame("com.example.Handler", "channelRead", 42),
                new Frame("io.netty.channel.AbstractChannelHandlerContext", "fireChannelRead", 357),
                new Frame("com.example.Main", "main", 10)));
        CallStack library = new CallStack(List.of(new Frame("java.io.FileInputStream", "read", 1),
                new Frame("io.netty.util.NetUtil", "<clinit>", 2)));
        CallStack jdk = new CallStack(List.of(new Frame("java.lang.Thread", "sleep", -1),
                new Frame("java.lang.Thread", "run", 9)));

        assertEquals(new Frame("com.example.Handler", "channelRead", 42), application.topFrameOf(handler));
        assertEquals(new Frame("io.netty.util.NetUtil", "<clinit>", 2), application.topFrameOf(library));
        assertEquals(new Frame("java.lang.Thread", "sleep", -1), application.topFrameOf(jdk));
        assertFalse(application.isOnStack(library));
    }
}
