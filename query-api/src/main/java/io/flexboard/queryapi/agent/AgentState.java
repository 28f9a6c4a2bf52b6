package io.flexboard.queryapi.agent;

import com.fasterxml.jackson.annotation.JsonValue;
import io.flexboard.foundation.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where one agent stands against its tenant's published version; the rule is in {@link AgentReadModel}. */
enum AgentState {
    SYNCED, PENDING, ERROR, STALE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state as the read model's SQL spells it. */
    static AgentState of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** Parses {@code ?state=}; an unknown value is a malformed request naming the parameter. */
    public static AgentState fromQuery(String value) {
        return Arrays.stream(values())
                .filter(state -> state.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.malformed("Invalid value for 'state': must be one of "
                        + Arrays.stream(values()).map(AgentState::wireName).collect(Collectors.joining(", "))));
    }
}
