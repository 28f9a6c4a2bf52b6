package io.flexboard.agent.store;

import java.util.Optional;

/**
 * What the store found on disk at start.
 *
 * @param configuration the configuration to run ({@link AppliedConfiguration#NONE} when there is none)
 * @param problem       what was wrong with current.json and how it was recovered, empty when it was fine
 */
public record LoadedConfiguration(AppliedConfiguration configuration, Optional<String> problem) {

    static LoadedConfiguration clean(AppliedConfiguration configuration) {
        return new LoadedConfiguration(configuration, Optional.empty());
    }

    static LoadedConfiguration recovered(AppliedConfiguration configuration, String problem) {
        return new LoadedConfiguration(configuration, Optional.of(problem));
    }
}
