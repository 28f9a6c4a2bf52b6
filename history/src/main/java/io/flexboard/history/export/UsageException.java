package io.flexboard.history.export;

/** The command line is wrong (exit code 2); the message names the option at fault. */
public final class UsageException extends RuntimeException {

    UsageException(String option, String problem) {
        super(option + ": " + problem);
    }

    UsageException(String problem) {
        super(problem);
    }
}
