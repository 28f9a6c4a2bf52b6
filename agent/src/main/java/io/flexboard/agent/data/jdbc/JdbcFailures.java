package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.Redaction;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

/**
 * Turns a driver's or the pool's SQLException into a failure the viewer understands: the server did not answer
 * in time (504), could not be reached or refused the login (502), or refused the statement (422). Every
 * message is scrubbed of the data source's secrets, whatever the driver chose to echo.
 */
final class JdbcFailures {

    /** Query cancelled: PostgreSQL, MariaDB (max_statement_time), SQL Server / ODBC. */
    private static final Set<String> CANCELLED_STATES = Set.of("57014", "70100", "HY008");
    /** MariaDB's max_statement_time and MySQL's max_execution_time exceeded. */
    private static final Set<Integer> CANCELLED_CODES = Set.of(1969, 3024);
    /** SQL Server's "Login failed for user" (its SQLState is a generic S0001). */
    private static final int SQLSERVER_LOGIN_FAILED = 18456;

    private final JdbcSettings settings;
    private final Set<String> secrets;

    JdbcFailures(JdbcSettings settings, Set<String> secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    ConnectorException classify(SQLException failure) {
        // The pool's "connection is not available, request timed out" carries the last connection attempt's
        // failure: that one says whether the server refused us or never answered.
        boolean poolTimedOut = failure instanceof SQLTransientConnectionException && failure.getMessage() != null
                && failure.getMessage().contains("request timed out");
        Throwable cause = poolTimedOut ? failure.getCause() : failure;
        if (cause == null || timedOut(cause)) {
            return new ConnectorException(Failure.TIMEOUT, "the database at " + settings.target()
                    + " did not answer within " + readable(settings.timeout()), failure);
        }
        if (loginRefused(cause)) {
            return new ConnectorException(Failure.UNREACHABLE, "the database at " + settings.target()
                    + " refused the login for user '" + settings.username() + "'", failure);
        }
        if (poolTimedOut || connectionLost(cause)) {
            return new ConnectorException(Failure.UNREACHABLE, redact("cannot reach " + settings.target() + ": "
                    + deepestMessage(cause)), failure);
        }
        if (failure.getMessage() != null && failure.getMessage().contains("has been closed")) {
            return new ConnectorException(Failure.UNREACHABLE, "the data source '" + settings.id() + "' was closed", failure);
        }
        return new ConnectorException(Failure.REFUSED, redact("the database refused the statement: " + failure.getMessage()), failure);
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (CANCELLED_STATES.contains(sql.getSQLState())
                    || CANCELLED_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean loginRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("28"))
                    || sql.getErrorCode() == SQLSERVER_LOGIN_FAILED)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause instanceof UnknownHostException ? "unknown host " + cause.getMessage() : cause.getMessage();
            }
        }
        return message;
    }

    private String redact(String message) {
        return Redaction.redact(message, secrets);
    }

    private static String readable(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
