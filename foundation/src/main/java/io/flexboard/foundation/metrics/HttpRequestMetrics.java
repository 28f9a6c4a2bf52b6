package io.flexboard.foundation.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Duration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Every HTTP request under the spec's names, {@code http_requests_total} and
 * {@code http_request_duration_seconds} (tags method, uri, status), next to Spring's own
 * {@code http_server_requests_seconds}. It reads the tags Spring's convention computed for that
 * observation, so the uri is the route template and never a raw path (bounded cardinality).
 */
public class HttpRequestMetrics implements ObservationHandler<ServerRequestObservationContext> {

    /** Buckets around the spec's 200 ms target, up to the agents' long-polls (about a minute). */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60)};
    private static final String SAMPLE = HttpRequestMetrics.class.getName() + ".sample";

    private final MeterRegistry meters;

    public HttpRequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(SAMPLE, Timer.start(meters));
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        Timer.Sample sample = context.get(SAMPLE);
        if (sample == null) {
            return;
        }
        Tags tags = Tags.of("method", tag(context, "method"), "uri", tag(context, "uri"), "status", tag(context, "status"));
        Counter.builder("http.requests").description("HTTP requests answered").tags(tags).register(meters).increment();
        sample.stop(Timer.builder("http.request.duration").description("Time to answer an HTTP request")
                .tags(tags).serviceLevelObjectives(BUCKETS).register(meters));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    private static String tag(ServerRequestObservationContext context, String key) {
        var value = context.getLowCardinalityKeyValue(key);
        return value == null ? "UNKNOWN" : value.getValue();
    }
}
