package io.flexboard.agentbridge.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem body in the shape of contracts.md ({@code errors} only for validation), plus
 * the spec's agent fields {@code success: false} and {@code error}, so an agent written against the
 * roadmap's contract reads every failure the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      boolean success, String error) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, false, detail);
    }

    /** One offending field of a validation failure, named by its JSON path. */
    public record FieldError(String field, String message) {
    }
}
