package io.flexboard.agentbridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The {@code flexboard.*} settings of agent-bridge (documented in docs/agent-bridge.md). */
@ConfigurationProperties("flexboard")
public record FlexboardProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue Consistency consistency) {

    /** How long a request may wait for the read side to reach its {@code X-Consistency-Token}. */
    public record Consistency(@DefaultValue("5s") Duration maxWait) {
    }
}
