package io.flexboard.foundation.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one route answered straight from Reactor Netty, outside WebFlux (agent-bridge's sync): the
 * same {@code http_server_requests_seconds} Spring's observation gives every other route and the spec's
 * {@code http_requests_total} / {@code http_request_duration_seconds} of {@link HttpRequestMetrics}, so
 * dashboards and alerts see no difference. The meters of each status are looked up once, not per request.
 */
public final class DirectRouteMetrics {

    private final MeterRegistry meters;
    private final String method;
    private final String uri;
    private final ConcurrentHashMap<Integer, Meters> byStatus = new ConcurrentHashMap<>();

    public DirectRouteMetrics(MeterRegistry meters, String method, String uri) {
        this.meters = meters;
        this.method = method;
        this.uri = uri;
    }

    /** Records one request answered with {@code status}, {@code nanos} after it arrived. */
    public void record(int status, long nanos) {
        Meters answered = byStatus.computeIfAbsent(status, this::meters);
        answered.requests.increment();
        answered.duration.record(nanos, TimeUnit.NANOSECONDS);
        answered.serverRequests.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Meters meters(int status) {
        Tags tags = Tags.of("method", method, "uri", uri, "status", Integer.toString(status));
        return new Meters(
                Counter.builder("http.requests").description("HTTP requests answered").tags(tags).register(meters),
                Timer.builder("http.request.duration").description("Time to answer an HTTP request")
                        .tags(tags).serviceLevelObjectives(HttpRequestMetrics.BUCKETS).register(meters),
                // Spring's convention's tags (DefaultServerRequestObservationConvention): the same keys, or the registry refuses the meter.
                Timer.builder("http.server.requests").tags(tags).tag("outcome", outcome(status)).tag("exception", "none")
                        .register(meters));
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Meters(Counter requests, Timer duration, Timer serverRequests) {
    }
}
