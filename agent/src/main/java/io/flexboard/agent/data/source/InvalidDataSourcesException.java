package io.flexboard.agent.data.source;

import java.util.List;

/**
 * {@code datasources.yml} cannot be used: each problem names the entry and the field
 * ({@code datasources[1] (sales-db).connection.port: must be a whole number from 1 to 65535, got 'abc'}).
 * Messages never hold a secret's value, only where it was expected.
 */
public final class InvalidDataSourcesException extends Exception {

    private final List<String> problems;

    public InvalidDataSourcesException(String file, List<String> problems) {
        super(file + " is refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
