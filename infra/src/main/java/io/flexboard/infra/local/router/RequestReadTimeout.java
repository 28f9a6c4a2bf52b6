package io.flexboard.infra.local.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
 * the connection or of its first byte, then its body within {@code bodyTimeout}; past either, 408 and the
 * connection closes. A kept-alive connection waiting for its next request has no deadline here: Reactor
 * Netty's idle timeout closes it silently (RFC 9112 §9.6), with the keep-alive wait's longer time. Neither
 * a 408 nor a close at the head timeout there: either races a client reusing the connection at that moment,
 * which takes the 408 as its request's answer or loses a POST it may not retry (both seen in the end-to-end
 * tests). The next request's head timeout starts at its first byte, which {@link #firstBytesWatch()} sees
 * before the HTTP codec; so a trickled head on a kept-alive connection is still cut at the head timeout.
 * Reactor Netty's read and request timeouts would fail the handler's body read, which the router would pass
 * on as a 500, so they are not used. Once a request is fully received no deadline runs while it is handled,
 * so a parked long-poll is never cut.
 */
final class RequestReadTimeout extends ChannelDuplexHandler {

    static final String NAME = "flexboard.requestReadTimeout";
    static final String FIRST_BYTES_NAME = "flexboard.requestFirstBytes";
    private static final byte[] PROBLEM = ("{\"type\":\"https://flexboard.io/problems/request-timeout\",\"title\":\"Request timeout\","
            + "\"status\":408,\"detail\":\"The request did not arrive in time\"}").getBytes(StandardCharsets.UTF_8);

    private final long headTimeoutNanos;
    private final long bodyTimeoutNanos;
    /** Requests whose head arrived and whose answer has not all gone out (more than one when pipelined). */
    private int unanswered;
    /** The newest request's body is still arriving. */
    private boolean receivingBody;
    private boolean closing;
    /** A kept-alive connection waits for its next request, no byte of it seen yet: no deadline runs. */
    private boolean awaitingNextRequest;
    private ScheduledFuture<?> deadline;
    /** This handler's place in the pipeline, after the codec: where a 408 is written from. */
    private ChannelHandlerContext self;

    RequestReadTimeout(Duration headTimeout, Duration bodyTimeout) {
        this.headTimeoutNanos = headTimeout.toNanos();
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        self = ctx;
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
                    disarm(); // keep-alive: the next request's head timeout starts at its first byte
                    awaitingNextRequest = true;
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    /** Sits before the HTTP codec: the first raw byte of a kept-alive connection's next request starts its head timeout. */
    ChannelInboundHandlerAdapter firstBytesWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (awaitingNextRequest && msg instanceof ByteBuf bytes && bytes.isReadable() && self != null) {
                    arm(self, headTimeoutNanos); // not this watch's context: a 408 written there would skip the encoder
                }
                super.channelRead(ctx, msg);
            }
        };
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
