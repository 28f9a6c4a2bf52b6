package io.flexboard.commandapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** A command that cannot reach the event store answers 503 with Retry-After; other database errors stay 500. */
class CommandFailuresTest {

    private final CommandFailures failures = new CommandFailures();

    @Test
    void no_connection_from_the_pool_within_its_timeout_answers_503_store_unavailable_with_retry_after() {
        ProblemException problem = failures.translate(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")));

        assertThat(problem.type()).isEqualTo(ProblemType.STORE_UNAVAILABLE);
        assertThat(problem.type().status().value()).isEqualTo(503);
        assertThat(problem.headers()).containsEntry("Retry-After", "2");
    }

    @Test
    void a_refused_or_dropped_connection_answers_503_inside_axons_wrapping() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
        SQLException crashed = new SQLException("terminating connection because of crash of another server process", "57P02");

        assertThat(failures.translate(new CommandExecutionException("command failed", new IllegalStateException(refused))).type())
                .isEqualTo(ProblemType.STORE_UNAVAILABLE);
        assertThat(failures.translate(new IllegalStateException("batch failed", crashed)).type()).isEqualTo(ProblemType.STORE_UNAVAILABLE);
    }

    @Test
    void a_commit_whose_connection_died_with_the_server_answers_503_not_500() {
        // PostgreSQL killed during COMMIT: the rollback that follows finds Hikari's connection closed (no SQL state).
        ProblemException problem = failures.translate(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")));

        assertThat(problem.type()).isEqualTo(ProblemType.STORE_UNAVAILABLE);
        assertThat(problem.getMessage()).contains("not acknowledged").contains("If-Match");
    }

    @Test
    void other_database_errors_are_not_an_outage_and_stay_internal_errors() {
        assertThat(failures.translate(new IllegalStateException("duplicate", new SQLException("duplicate key", "23505")))).isNull();
        assertThat(failures.translate(new IllegalStateException("a bug"))).isNull();
    }
}
