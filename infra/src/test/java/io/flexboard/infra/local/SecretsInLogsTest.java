package io.flexboard.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.support.StackClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A password inside FLEXBOARD_DB_URL ({@code ?password=…}, pgjdbc reads it) or in FLEXBOARD_DB_PASSWORD
 * appears in no log line, no exception message and no health or metrics answer of the local stack and
 * its four services, at start-up or when the URL is wrong. The machine's PostgreSQL trusts local
 * connections, so the canary passwords are sent and ignored.
 */
class SecretsInLogsTest {

    private static final String URL_PASSWORD = "url-canary-7f3a";
    private static final String PASSWORD = "env-canary-91c2";
    private static final String DATABASE = "flexboard_test_infra_secrets" + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    private static final String SERVER = "127.0.0.1:5432";
    /** Loggers that would name a URL, at the level where they do. */
    private static final String[] CHATTY = {"ROOT", "io.flexboard", "org.flywaydb", "com.zaxxer.hikari", "org.postgresql",
            "io.r2dbc", "org.springframework.boot.jdbc", "org.springframework.boot.r2dbc", "org.axonframework"};

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void everyLogEventRecorded() {
        for (String name : CHATTY) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(name.equals("ROOT") ? Level.INFO : Level.DEBUG);
        }
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void loggingAsBefore() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", null);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void a_password_in_the_database_url_is_in_no_log_health_or_metrics_answer_of_a_started_stack() throws Exception {
        Settings settings = Settings.forTest(dataDir, "secrets-admin-token").withDatabase(
                "jdbc:postgresql://" + SERVER + "/" + DATABASE + "?sslmode=disable&password=" + URL_PASSWORD, "postgres", PASSWORD);
        StringBuilder answers = new StringBuilder();

        try (LocalStack.Running stack = LocalStack.start(settings)) {
            StackClient client = new StackClient(stack.port(), "secrets-admin-token");
            answers.append(client.get("/health", null, null).body());
            for (Service service : Service.values()) {
                answers.append(client.get("/metrics/" + service.serviceName(), null, null).body());
            }
            answers.append(settings);
        }

        assertThat(logs.list).as("the test records the stack's logs").isNotEmpty();
        assertThat(logged()).doesNotContain(URL_PASSWORD, PASSWORD);
        assertThat(answers.toString()).doesNotContain(URL_PASSWORD, PASSWORD);
        assertThat(logged()).as("the URL is still logged, redacted").contains("password=***");
    }

    @Test
    void a_wrong_database_url_with_a_password_fails_the_start_without_naming_the_password() {
        Settings settings = Settings.forTest(dataDir, "secrets-admin-token").withDatabase(
                "jdbc:postgresql://" + SERVER + ":x/" + DATABASE + "?password=" + URL_PASSWORD, "postgres", PASSWORD);

        Throwable failure = catchThrowable(() -> LocalStack.start(settings).close());

        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        assertThat(messages.toString()).doesNotContain(URL_PASSWORD, PASSWORD).contains("password=***");
        assertThat(logged()).doesNotContain(URL_PASSWORD, PASSWORD);
    }

    /** Every recorded event's message with its exceptions' messages, as a console would show them. */
    private String logged() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
