package io.flexboard.projector.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem body in the shape of contracts.md; {@code errors} only for validation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** One offending field of a validation failure, named by its JSON path. */
    public record FieldError(String field, String message) {
    }
}
