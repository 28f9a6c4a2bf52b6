package io.flexboard.infra.local.router;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for receiving a request: its head (request line and headers) within {@code headTimeout} of
 * the connection or of the last answer, then its body within {@code bodyTimeout}; past either, 408 and
 * the connection closes — except on a kept-alive connection waiting for its next request, which is closed
 * silently: a 408 written there races a client reusing the connection at that moment, which would take the
 * 408 as its request's answer (seen in the end-to-end tests; RFC 9112 §9.6 lets a server close an idle
 * connection, and clients retry a request that met a closed one). Reactor Netty's idle timeout also ends a connection whose head does not come
 * (it watches decoded messages, so a trickled head does not restart it), but silently and with the
 * keep-alive wait's longer time; and its read and request timeouts fail the handler's body read, which
 * the router would pass on as a 500. Sits right after the HTTP codec,
 * seeing each decoded request part and each answer's last part. Once a request is fully received no
 * deadline runs while it is handled, so a parked long-poll is never cut.
 */
final class RequestReadTimeout extends ChannelDuplexHandler {

    static final String NAME = "flexboard.requestReadTimeout";
    private static final byte[] PROBLEM = ("{\"type\":\"https://flexboard.io/problems/request-timeout\",\"title\":\"Request timeout\","
            + "\"status\":408,\"detail\":\"The request did not arrive in time\"}").getBytes(StandardCharsets.UTF_8);

    private final long headTimeoutNanos;
    private final long bodyTimeoutNanos;
    /** Requests whose head arrived and whose answer has not all gone out (more than one when pipelined). */
    private int unanswered;
    /** The newest request's body is still arriving. */
    private boolean receivingBody;
    private boolean closing;
    /** The deadline running is the wait for a kept-alive connection's next request (no part of it seen yet). */
    private boolean awaitingNextRequest;
    private ScheduledFuture<?> deadline;

    RequestReadTimeout(Duration headTimeout, Duration bodyTimeout) {
        this.headTimeoutNanos = headTimeout.toNanos();
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx, headTimeoutNanos);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, headTimeoutNanos);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            unanswered++;
            receivingBody = true;
            arm(ctx, bodyTimeoutNanos);
        }
        if (msg instanceof LastHttpContent && receivingBody) {
            receivingBody = false;
            if (unanswered == 0) {
                arm(ctx, headTimeoutNanos); // answered before its body was read (401, 413): wait for the next head
            } else {
                disarm(); // being handled: a parked long-poll waits as long as it needs
            }
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent && !closing) {
            promise.addListener(written -> {
                unanswered = Math.max(0, unanswered - 1);
                if (unanswered == 0 && !receivingBody && ctx.channel().isActive()) {
                    arm(ctx, headTimeoutNanos); // keep-alive: the next request's head gets the same time
                    awaitingNextRequest = true;
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void arm(ChannelHandlerContext ctx, long nanos) {
        disarm();
        awaitingNextRequest = false;
        deadline = ctx.executor().schedule(() -> timeOut(ctx), nanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void timeOut(ChannelHandlerContext ctx) {
        deadline = null;
        if (!ctx.channel().isActive() || (unanswered > 0 && !receivingBody)) {
            return;
        }
        closing = true;
        if (awaitingNextRequest) {
            ctx.close(); // no 408 here: the client may be sending its next request on this connection right now
            return;
        }
        if (unanswered == 0 && receivingBody) {
            ctx.close(); // its answer went out already; only the rest of its body is missing
            return;
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                Unpooled.wrappedBuffer(PROBLEM));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, PROBLEM.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }
}
