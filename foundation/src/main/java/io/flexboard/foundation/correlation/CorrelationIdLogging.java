package io.flexboard.foundation.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

/**
 * Puts the request's correlation id (in Reactor's context under {@value #KEY}, written by the
 * correlation id filter) into the MDC around every operator of the request, so every log line of
 * the request carries it, in the text pattern and as a field of the JSON lines. Works with
 * {@code spring.reactor.context-propagation: auto}.
 */
public final class CorrelationIdLogging {

    /** MDC and Reactor context key of the correlation id. */
    public static final String KEY = "correlationId";

    private CorrelationIdLogging() {
    }

    /** Registers the MDC accessor; global and idempotent (a second registration under the key replaces the first). */
    public static void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value),
                () -> MDC.remove(KEY));
    }
}
