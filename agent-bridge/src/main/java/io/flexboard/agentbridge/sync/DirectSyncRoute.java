package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyAuthentication;
import io.flexboard.agentbridge.apikey.ApiKeyAuthenticationManager;
import io.flexboard.agentbridge.ratelimit.SyncRateLimiter;
import io.flexboard.foundation.consistency.ConsistencyToken;
import io.flexboard.foundation.correlation.CorrelationIdFilter;
import io.flexboard.foundation.metrics.DirectRouteMetrics;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemExceptionHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an ordinary {@code POST /api/agent/sync} straight from Reactor Netty: read the body, authenticate the
 * key from the in-memory key cache, take its budgets, then {@link SyncService} decides as for any sync.
 *
 * <p>Why: a fleet lives on this one request. Through WebFlux each sync also passed a dozen generic filters,
 * Spring Security's observed chain, the handler mapping, content negotiation and an HTTP observation with
 * long-task timers — per request, and again for every agent a publish wakes, all on the waking thread. Here a
 * woken agent costs its answer's write, on its own connection's event loop.
 *
 * <p>Only the ordinary sync comes here: JSON with a declared length within {@code flexboard.max-body-size},
 * a bearer token, no consistency token, nothing but the exact path. Anything else (no or another credential,
 * chunked or oversized bodies, another media type, {@code X-Consistency-Token}, a query string, other methods)
 * takes WebFlux's full path, so every refusal it gives is still given by the one place that gives it. What
 * this route answers is what that path answers: the same problem bodies (the foundation's
 * {@link ProblemExceptionHandler#answer}), headers, correlation id and meters (DirectSyncRouteTest compares
 * the two, case by case).
 */
@Component
class DirectSyncRoute implements NettyRouteProvider {

    static final String PATH = "/api/agent/sync";
    private static final String BEARER = "Bearer ";
    /** What Spring Security's default header writers add to every answer of the full path. */
    private static final String[][] SECURITY_HEADERS = {
            {"Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"},
            {"Pragma", "no-cache"},
            {"Expires", "0"},
            {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", "DENY"},
            {"X-XSS-Protection", "0"},
            {"Referrer-Policy", "no-referrer"}};

    private final SyncService syncService;
    private final ApiKeyAuthenticationManager keys;
    private final SyncRateLimiter rateLimiter;
    private final ProblemExceptionHandler problems;
    private final JsonMapper jsonMapper;
    private final long maxBodyBytes;
    private final DirectRouteMetrics metrics;
    private final Counter answered;

    DirectSyncRoute(SyncService syncService, ApiKeyAuthenticationManager keys, SyncRateLimiter rateLimiter,
                    ProblemExceptionHandler problems, JsonMapper jsonMapper,
                    @Value("${flexboard.max-body-size:256KB}") DataSize maxBodySize, MeterRegistry meters) {
        this.syncService = syncService;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
        this.jsonMapper = jsonMapper;
        this.maxBodyBytes = maxBodySize.toBytes();
        this.metrics = new DirectRouteMetrics(meters, "POST", PATH);
        this.answered = Counter.builder("flexboard.agentbridge.direct.syncs")
                .description("Syncs answered by the direct route (the rest took WebFlux's full path)")
                .register(meters);
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(this::takes, this::sync);
    }

    /** Whether the request is an ordinary sync this route answers; anything else goes the full path. */
    boolean takes(HttpServerRequest request) {
        if (!HttpMethod.POST.equals(request.method()) || !PATH.equals(request.uri())) {
            return false;
        }
        HttpHeaders headers = request.requestHeaders();
        long length = declaredLength(headers.get(HttpHeaderNames.CONTENT_LENGTH));
        return length > 0 && length <= maxBodyBytes
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(ConsistencyToken.HEADER)
                && isJson(headers.get(HttpHeaderNames.CONTENT_TYPE))
                && token(headers) != null;
    }

    private Publisher<Void> sync(HttpServerRequest request, HttpServerResponse response) {
        long arrival = System.nanoTime();
        String correlationId = CorrelationIdFilter.idFor(request.requestHeaders().get(CorrelationIdFilter.HEADER));
        response.header(CorrelationIdFilter.HEADER, correlationId);
        for (String[] header : SECURITY_HEADERS) {
            response.header(header[0], header[1]);
        }
        Executor wakeOn = response instanceof Connection connection ? connection.channel().eventLoop() : Runnable::run;
        return keys.keyOf(token(request.requestHeaders()))
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized(ApiKeyAuthenticationManager.INVALID_KEY)))
                .flatMap(key -> {
                    // The key's budget is taken before the body is read, as on the full path.
                    rateLimiter.acquireForKey(key.keyHash());
                    return request.receive().aggregate().asByteArray()
                            .flatMap(body -> syncService.sync(caller(key, arrival, wakeOn), parsed(body)));
                })
                .flatMap(answer -> answer(response, answer.json(), arrival))
                .onErrorResume(failure -> refuse(response, failure, correlationId, arrival))
                .contextWrite(Context.of(CorrelationIdFilter.MDC_KEY, correlationId));
    }

    private static SyncCaller caller(ApiKeyAuthentication key, long arrival, Executor wakeOn) {
        return new SyncCaller(key.tenant(), key.keyHash(), false, arrival, wakeOn);
    }

    private SyncRequest parsed(byte[] body) {
        try {
            SyncRequest request = jsonMapper.readValue(body, SyncRequest.class);
            if (request == null) {
                throw ProblemException.malformed("No request body");
            }
            return request;
        } catch (JacksonException e) {
            throw ProblemExceptionHandler.malformedJson(e);
        }
    }

    private Mono<Void> answer(HttpServerResponse response, byte[] json, long arrival) {
        response.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(json.length));
        metrics.record(200, System.nanoTime() - arrival);
        answered.increment();
        return response.sendObject(Unpooled.wrappedBuffer(json)).then();
    }

    private Mono<Void> refuse(HttpServerResponse response, Throwable failure, String correlationId, long arrival) {
        if (response.hasSentHeaders()) {
            return Mono.error(failure);
        }
        ProblemExceptionHandler.Answer problem = problems.answer(failure, "POST", PATH, correlationId);
        response.status(problem.status());
        problem.headers().forEach((name, values) -> response.responseHeaders().set(name, values));
        response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(problem.json().length));
        metrics.record(problem.status(), System.nanoTime() - arrival);
        answered.increment();
        return response.sendObject(Unpooled.wrappedBuffer(problem.json())).then();
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** application/json, as such or with charset UTF-8: what the full path's JSON decoder reads the same way. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return type.equals("application/json") || type.equals("application/json;charset=utf-8");
    }

    /** The bearer token as the foundation's converter reads it (scheme case-insensitive), or null. */
    private static String token(HttpHeaders headers) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
