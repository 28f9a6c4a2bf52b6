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
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/** What a refused command answers: the aggregate's and Axon's failures as the problems of docs/contracts.md. */
@Component
class CommandFailures implements ProblemTranslator {

    /** PostgreSQL restarts (crash recovery included) in seconds; a client asked to wait 2 s tries again soon after. */
    static final long STORE_RETRY_AFTER_SECONDS = 2;

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
        if (storeUnreachable(failure)) {
            return ProblemException.storeUnavailable("the event store cannot be reached; the command was not acknowledged: "
                    + "send it again (with If-Match when it must not apply twice)", STORE_RETRY_AFTER_SECONDS);
        }
        return null;
    }

    /**
     * Whether the command failed because PostgreSQL cannot be reached (down, restarting, refusing connections): no
     * connection within the pool's timeout, a connection-class SQL state (08…, 57P0x: shut down or crashed), or a
     * commit or rollback that failed with its connection. Not acknowledged either way; when the connection broke
     * during the commit the command may have been stored, which If-Match on the retry settles.
     */
    static boolean storeUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
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
