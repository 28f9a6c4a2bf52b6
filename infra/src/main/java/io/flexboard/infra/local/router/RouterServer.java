package io.flexboard.infra.local.router;

import io.flexboard.infra.local.config.RouterLimits;
import java.time.Duration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** The Reactor Netty server on the stack's public port, with the limits of {@link RouterLimits}. */
public final class RouterServer implements AutoCloseable {

    private final DisposableServer server;

    private RouterServer(DisposableServer server) {
        this.server = server;
    }

    public static RouterServer start(String bindAddress, int port, RouterLimits limits, HttpHandler handler) {
        return start(bindAddress, port, limits, handler, DirectRoutes.none());
    }

    /**
     * The router serving {@code direct} routes before its handler: what a service answers straight from Reactor
     * Netty on its own port, it answers the same way on the router's.
     */
    public static RouterServer start(String bindAddress, int port, RouterLimits limits, HttpHandler handler, DirectRoutes direct) {
        DisposableServer server = HttpServer.create()
                .host(bindAddress)
                .port(port)
                // Reactor Netty answers a longer request line with 414 and larger headers with 431.
                .httpRequestDecoder(decoder -> decoder
                        .maxHeaderSize(limits.maxHeaderSize())
                        .maxInitialLineLength(limits.maxInitialLineLength()))
                // Only between requests: Reactor Netty removes it while a request is handled, so a
                // parked long-poll is never cut; it is re-armed after each answer.
                .idleTimeout(limits.idleTimeout())
                // The head's and the body's deadlines (408); none runs while a request is handled.
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    RequestReadTimeout timeout = new RequestReadTimeout(limits.headTimeout(), limits.bodyTimeout());
                    channel.pipeline()
                            .addAfter(NettyPipeline.HttpCodec, RequestReadTimeout.NAME, timeout)
                            .addBefore(NettyPipeline.HttpCodec, RequestReadTimeout.FIRST_BYTES_NAME, timeout.firstBytesWatch());
                })
                .handle(direct.before(new ReactorHttpHandlerAdapter(handler)))
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
