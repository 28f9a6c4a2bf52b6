package io.flexboard.agent.serving;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.status.AgentStatus;
import io.flexboard.agent.store.AppliedConfiguration;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the local server answers: the widget cache (the rendered configuration) and the latest status.
 * Both are swapped whole, so a reader sees one configuration or the next, never a mix of the two.
 */
public final class ServedState {

    private final AtomicReference<RenderedConfiguration> configuration = new AtomicReference<>();
    private final AtomicReference<AgentStatus> status = new AtomicReference<>();

    /** Drops the cached configuration and caches {@code applied} instead (nothing, when it is none). */
    public void replace(AppliedConfiguration applied) {
        configuration.set(applied.isNone() ? null : new RenderedConfiguration(
                applied.version(), applied.sha256(), AgentJson.MAPPER.writeValueAsBytes(applied.metadata())));
    }

    public void publish(AgentStatus latest) {
        status.set(latest);
    }

    Optional<RenderedConfiguration> configuration() {
        return Optional.ofNullable(configuration.get());
    }

    Optional<AgentStatus> status() {
        return Optional.ofNullable(status.get());
    }
}
