package io.flexboard.agent.data.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data sources of one reading of {@code datasources.yml}.
 *
 * @param definitions by id, in the file's order
 * @param defaultId   the source a Phase 2 widget's top-level {@code query} runs on: the file's {@code default},
 *                    or the only entry when there is exactly one; empty otherwise
 */
public record DataSourceSet(Map<String, DataSourceDefinition> definitions, Optional<String> defaultId) {

    public static final DataSourceSet EMPTY = new DataSourceSet(Map.of(), Optional.empty());

    public DataSourceSet {
        definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }
}
