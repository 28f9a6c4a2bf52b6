package io.flexboard.foundation.problem;

/**
 * Maps a service's own exceptions (e.g. command-api's rule violations) to a problem. The handler asks
 * every translator bean before its own rules; a translator answers null for failures it does not know.
 */
@FunctionalInterface
public interface ProblemTranslator {

    ProblemException translate(Throwable failure);
}
