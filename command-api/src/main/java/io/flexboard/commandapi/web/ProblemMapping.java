package io.flexboard.commandapi.web;

import java.util.List;

import io.flexboard.commandapi.api.EventTooLargeException;
import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.UnknownEntityException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;

/** Turns any failure into the one problem shape of docs/contracts.md. */
final class ProblemMapping {

    private ProblemMapping() {
    }

    static ApiProblem toProblem(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof InvalidCommandException invalid) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed",
                    invalid.violations().size() + " field(s) are invalid", invalid.violations());
        }
        if (error instanceof RuleViolationException rule) {
            return new ApiProblem(HttpStatus.CONFLICT, "conflict", rule.getMessage(),
                    rule.field() == null ? List.of() : List.of(new FieldViolation(rule.field(), rule.getMessage())));
        }
        if (error instanceof EventTooLargeException tooLarge) {
            return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage(),
                    List.of(new FieldViolation(tooLarge.field(), tooLarge.getMessage())));
        }
        if (error instanceof UnknownEntityException || error instanceof AggregateNotFoundException) {
            return ApiProblem.notFound(error instanceof AggregateNotFoundException ? "unknown tenant" : error.getMessage());
        }
        if (error instanceof ConcurrencyException) {
            return new ApiProblem(HttpStatus.CONFLICT, "conflict",
                    "another change to this tenant was stored at the same moment; retry", List.of());
        }
        if (error instanceof ConflictingAggregateVersionException) {
            return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                    "the tenant changed since the version in If-Match; reload and retry", List.of());
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "the request body is larger than the limit", List.of());
        }
        if (error instanceof ServerWebInputException input) {
            return malformedInput(input);
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send the body as application/json", List.of());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            return new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    notAllowed.getHttpMethod() + " is not supported here", List.of());
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return ApiProblem.notFound("no such resource");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return new ApiProblem(code, "malformed-request", status.getReason(), List.of());
        }
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the server failed; the correlation id identifies it in the logs", List.of());
    }

    /** Names the JSON path Jackson choked on, e.g. {@code widgets[0].config}. */
    private static ApiProblem malformedInput(ServerWebInputException input) {
        Throwable cause = input;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : json.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return ApiProblem.malformed(path.toString(), "has the wrong JSON type");
        }
        String reason = cause instanceof JacksonException ? "the body is not valid JSON" : input.getReason();
        return ApiProblem.malformed(null, reason == null ? "the request is malformed" : reason);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CommandExecutionException || current instanceof java.util.concurrent.CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
