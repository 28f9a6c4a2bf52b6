package io.flexboard.commandapi.web;

import java.util.List;

import io.flexboard.commandapi.api.FieldViolation;
import org.springframework.http.HttpStatus;

/**
 * An error the HTTP layer answers as {@code application/problem+json}; {@code slug} completes the
 * type URI {@code https://flexboard.io/problems/<slug>} (see docs/contracts.md).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final List<FieldViolation> errors;

    public ApiProblem(HttpStatus status, String slug, String detail, List<FieldViolation> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem malformed(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", detail,
                field == null ? List.of() : List.of(new FieldViolation(field, detail)));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldViolation> errors() {
        return errors;
    }
}
