package io.flexboard.foundation.problem;

import java.util.List;
import java.util.Map;

/** A request failure that answers with a problem of the given type; thrown by handlers and filters. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false); // expected outcomes: a stack trace would only cost time
        this.type = type;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
    }

    /** A malformed request naming the offending field (a JSON path, header or parameter name). */
    public static ProblemException malformed(String field, String detail) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, detail,
                field == null ? null : List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The request has invalid fields", errors, Map.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, null, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** 403 for a paused tenant's agent, which keeps serving its last good configuration meanwhile. */
    public static ProblemException tenantPaused(String detail) {
        return new ProblemException(ProblemType.TENANT_PAUSED, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** A conflict naming the field whose value the rule refuses. */
    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail,
                field == null ? null : List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException historyIncomplete(String detail) {
        return new ProblemException(ProblemType.HISTORY_INCOMPLETE, detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    public static ProblemException consistencyTimeout(String detail) {
        return new ProblemException(ProblemType.CONSISTENCY_TIMEOUT, detail, null, Map.of("Retry-After", "1"));
    }

    /** 503 {@code store-unavailable} with {@code Retry-After} in whole seconds, at least 1. */
    public static ProblemException storeUnavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.STORE_UNAVAILABLE, detail, null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    /** 429 with {@code Retry-After} in whole seconds, at least 1. */
    public static ProblemException rateLimited(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.RATE_LIMITED, detail, null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
