package io.flexboard.projector.quarantine;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure that heals by itself (the database away, a connection lost, a deadlock: retry the
 * batch as before) from one that an event causes and that every retry would meet again (PostgreSQL
 * refusing its data, the fold throwing, a gap, an undecodable record: isolate and quarantine it).
 *
 * <p>When unsure, transient: retrying an event too long costs lag, quarantining a healthy tenant
 * costs an operator's time and hides its changes. So only data and constraint errors of PostgreSQL
 * (SQLState classes 22, 23, 54) count as the event's fault among database errors; every other
 * database, pool, I/O or timeout failure is transient. A failure outside the database (the fold's
 * checks, a gap, a decoder) is the event's.
 */
final class Failures {

    /** Data exception, integrity constraint violation, program limit exceeded (e.g. an index row too large). */
    private static final Set<String> EVENT_CAUSED_SQL_STATE_CLASSES = Set.of("22", "23", "54");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException database) {
                String state = database.getSqlState();
                return state == null || state.length() < 2 || !EVENT_CAUSED_SQL_STATE_CLASSES.contains(state.substring(0, 2));
            }
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause.getClass().getName().startsWith("reactor.pool.") || cause.getClass().getName().startsWith("io.netty.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The failure's own words, for the quarantine table and the operators: the innermost useful message. */
    static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof R2dbcException) {
                deepest = cause;
                break;
            }
            deepest = cause;
        }
        String message = deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
        if (deepest instanceof R2dbcException database && database.getSqlState() != null) {
            message += " (SQLState " + database.getSqlState() + ")";
        }
        // An error message can quote the offending value: bounded, and without the NUL PostgreSQL's text refuses.
        message = message.replace("\u0000", "\\u0000");
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }
}
