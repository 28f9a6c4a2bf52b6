package io.flexboard.infra.local.router;

import java.time.Duration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The Reactor Netty server on the stack's public port. */
public final class RouterServer implements AutoCloseable {

    private final DisposableServer server;

    private RouterServer(DisposableServer server) {
        this.server = server;
    }

    public static RouterServer start(String bindAddress, int port, HttpHandler handler) {
        DisposableServer server = HttpServer.create()
                .host(bindAddress)
                .port(port)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow(Duration.ofSeconds(10));
        return new RouterServer(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
