package io.flexboard.agent.serving;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.status.AgentStatus;
import io.flexboard.agent.store.AppliedConfiguration;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What the local server answers: the widget cache (the rendered configuration) and the latest status.
 * Both are swapped whole, so a reader sees one configuration or the next, never a mix of the two.
 */
public final class ServedState {

    private final AtomicReference<RenderedConfiguration> configuration = new AtomicReference<>();
    private final AtomicReference<AgentStatus> status = new AtomicReference<>();
    private final Consumer<AppliedConfiguration> onReplace;

    /** Serves the configuration only. */
    public ServedState() {
        this(applied -> { });
    }

    /** @param onReplace told of every configuration put in place, after it is (the data plane's widget cache) */
    public ServedState(Consumer<AppliedConfiguration> onReplace) {
        this.onReplace = onReplace;
    }

    /** Drops the cached configuration and caches {@code applied} instead (nothing, when it is none). */
    public void replace(AppliedConfiguration applied) {
        configuration.set(applied.isNone() ? null : new RenderedConfiguration(
                applied.version(), applied.sha256(), AgentJson.MAPPER.writeValueAsBytes(applied.metadata())));
        onReplace.accept(applied);
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
