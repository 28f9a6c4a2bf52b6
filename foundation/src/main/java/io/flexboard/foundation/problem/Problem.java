package io.flexboard.foundation.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem body in the shape of contracts.md; {@code errors} names the offending fields.
 * {@code success} and {@code error} are the spec's agent fields, set only by agent-bridge (see
 * {@link ProblemCustomizer}), so an agent written against the roadmap's contract reads every failure the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      Boolean success, String error) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }

    /** The same problem with the agent fields {@code success: false} and {@code error: <detail>}. */
    public Problem withAgentFields() {
        return new Problem(type, title, status, detail, instance, errors, false, detail);
    }

    /** One offending field, named by its JSON path (or header/parameter name), and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
