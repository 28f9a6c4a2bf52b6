package io.flexboard.agent;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the agent: snake_case fields as on the wire, instants as ISO-8601 text. */
public final class AgentJson {

    /** Thread-safe once built; shared so every file and request reads the same way. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AgentJson() {
    }
}
