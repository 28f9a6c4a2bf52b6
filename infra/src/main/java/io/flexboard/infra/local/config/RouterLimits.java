package io.flexboard.infra.local.config;

import java.time.Duration;

/**
 * What the router allows a client (docs/SECURITY.md): how long a connection may wait between requests,
 * how long the request line and headers may take to arrive, how long a request body may take, and how
 * large the request line and headers may be. None of them limits a parked long-poll (up to 55 s): the
 * idle and head timeouts run only while no request is being handled, the body timeout only while a body
 * is arriving.
 *
 * @param idleTimeout          an open connection's wait for its next request (Reactor Netty's: closes silently)
 * @param headTimeout          from connection (or the last answer) to the request's complete head, 408
 *                             beyond: a client trickling its headers byte by byte is cut off too
 * @param bodyTimeout          from the request's head to the end of its body
 * @param maxHeaderSize        all header lines together, in bytes (431 beyond)
 * @param maxInitialLineLength the request line, in bytes (414 beyond)
 */
public record RouterLimits(Duration idleTimeout, Duration headTimeout, Duration bodyTimeout, int maxHeaderSize,
                           int maxInitialLineLength) {

    public static final RouterLimits DEFAULTS = new RouterLimits(Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 16 * 1024, 8 * 1024);

    public RouterLimits {
        positive("FLEXBOARD_ROUTER_IDLE_TIMEOUT", idleTimeout);
        positive("FLEXBOARD_ROUTER_HEAD_TIMEOUT", headTimeout);
        positive("FLEXBOARD_ROUTER_BODY_TIMEOUT", bodyTimeout);
        if (maxHeaderSize < 1024 || maxInitialLineLength < 1024) {
            throw new IllegalArgumentException("FLEXBOARD_ROUTER_MAX_HEADER_SIZE and FLEXBOARD_ROUTER_MAX_INITIAL_LINE_LENGTH"
                    + " must be at least 1024 bytes, were " + maxHeaderSize + " and " + maxInitialLineLength);
        }
    }

    private static void positive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration (10s, 500ms), was " + duration);
        }
    }
}
