package io.flexboard.commandapi.web;

import io.flexboard.commandapi.api.EventTooLargeException;
import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemTranslator;
import io.flexboard.foundation.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

/** What a refused command answers: the aggregate's and Axon's failures as the problems of docs/contracts.md. */
@Component
class CommandFailures implements ProblemTranslator {

    @Override
    public ProblemException translate(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof ProblemException problem) {
            return problem;
        }
        if (error instanceof InvalidCommandException invalid) {
            return new ProblemException(ProblemType.VALIDATION_FAILED,
                    invalid.violations().size() + " field(s) are invalid", fieldErrors(invalid.violations()), Map.of());
        }
        if (error instanceof RuleViolationException rule) {
            return ProblemException.conflict(rule.field(), rule.getMessage());
        }
        if (error instanceof EventTooLargeException tooLarge) {
            return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(),
                    List.of(new Problem.FieldError(tooLarge.field(), tooLarge.getMessage())), Map.of());
        }
        if (error instanceof UnknownEntityException) {
            return ProblemException.notFound(error.getMessage());
        }
        if (error instanceof AggregateNotFoundException) {
            return ProblemException.notFound("unknown tenant");
        }
        if (error instanceof IncompatibleAggregateException) {
            // Tenants and users share the event store: a user's id names no tenant (and a tenant's no user).
            return ProblemException.notFound("unknown tenant");
        }
        if (error instanceof ConflictingAggregateVersionException) {
            return ProblemException.preconditionFailed("the tenant changed since the version in If-Match; reload and retry");
        }
        if (error instanceof ConcurrencyException) {
            return ProblemException.conflict("another change to this tenant was stored at the same moment; retry");
        }
        return null;
    }

    private static List<Problem.FieldError> fieldErrors(List<FieldViolation> violations) {
        return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CommandExecutionException || current instanceof java.util.concurrent.CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
