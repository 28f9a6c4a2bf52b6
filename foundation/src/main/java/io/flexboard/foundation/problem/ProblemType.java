package io.flexboard.foundation.problem;

import org.springframework.http.HttpStatus;

/**
 * Every problem type of docs/contracts.md, each with its fixed status. One list for all services, so a
 * type means the same everywhere; a service answers only the ones that can happen to it.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Validation failed"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    /** agent-bridge: a paused tenant's agent keeps serving its last good configuration meanwhile. */
    TENANT_PAUSED("tenant-paused", HttpStatus.FORBIDDEN, "Tenant paused"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** A rule of the spec refuses the command, or a rebuild is already running. */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    /** query-api: the tenant's event_history lacks its first events, so no past state can be rebuilt from it. */
    HISTORY_INCOMPLETE("history-incomplete", HttpStatus.CONFLICT, "History incomplete"),
    /** command-api: the tenant changed since the version named in {@code If-Match}. */
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    CONSISTENCY_TIMEOUT("consistency-timeout", HttpStatus.SERVICE_UNAVAILABLE, "Consistency timeout"),
    /** command-api: an SSO identity provider cannot be reached or answers nonsense; the sign-in may be started again. */
    SSO_PROVIDER_UNAVAILABLE("sso-provider-unavailable", HttpStatus.BAD_GATEWAY, "Identity provider unavailable"),
    /** command-api: the event store cannot be reached; the command was not acknowledged and may be sent again. */
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable");

    private static final String BASE = "https://flexboard.io/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
