package io.flexboard.agent.settings;

/** A required setting is missing or a setting cannot be read; the message names the variable. */
public final class InvalidSettingException extends RuntimeException {

    private final String variable;

    InvalidSettingException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    /** The environment variable (or {@code -D} property of the same name) at fault. */
    public String variable() {
        return variable;
    }
}
