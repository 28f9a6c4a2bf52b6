package io.flexboard.projector.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code flexboard.projector.*}: how a failed batch is retried. */
@ConfigurationProperties("flexboard.projector")
public record ProjectorProperties(@DefaultValue Retry retry) {

    /** Exponential back-off between attempts of a failed batch, which is retried forever. */
    public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }
}
