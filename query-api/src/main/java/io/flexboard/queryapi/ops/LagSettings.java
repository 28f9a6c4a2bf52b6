package io.flexboard.queryapi.ops;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code flexboard.ops.lag.*} settings of the lag monitor (documented in docs/lag.md). */
@ConfigurationProperties("flexboard.ops.lag")
public record LagSettings(
        @DefaultValue({"flexboard-projector", "flexboard-projector-fleet"}) List<String> groups,
        @DefaultValue("flexboard-") String discoverPrefix,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("10") int window,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue Relay relay) {

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public LagSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("flexboard.ops.lag.interval must be positive, got " + interval);
        }
        if (window < 2) {
            throw new IllegalStateException("flexboard.ops.lag.window needs at least 2 samples to show a trend, got " + window);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("flexboard.ops.lag.timeout must be positive, got " + timeout);
        }
    }

    /** The time the window covers: how long a trend must last before it counts. */
    public Duration windowSpan() {
        return interval.multipliedBy(window);
    }

    /** Where command-api's Axon event store lives and which tracking processor relays it to Kafka. */
    public record Relay(@DefaultValue("eventstore") String schema, @DefaultValue("kafka-relay") String processor) {

        public Relay {
            // The schema is spliced into SQL (it cannot be a bind parameter), so only plain names pass.
            if (!SQL_NAME.matcher(schema).matches()) {
                throw new IllegalStateException("flexboard.ops.lag.relay.schema must be a plain lower-case SQL name, got " + schema);
            }
        }
    }
}
