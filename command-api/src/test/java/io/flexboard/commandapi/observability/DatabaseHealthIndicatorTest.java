package io.flexboard.commandapi.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.commandapi.TestDatabase;
import java.lang.reflect.Proxy;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Status;
import reactor.test.StepVerifier;

/** The event store's {@code db} check as the Mono /health subscribes to: it answers, and within its timeout. */
class DatabaseHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void given_the_event_stores_database_when_probed_then_up_naming_postgresql() {
        StepVerifier.create(new DatabaseHealthIndicator(database(TestDatabase.jdbcUrl()), TIMEOUT).health())
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("database", "PostgreSQL").containsEntry("schema", "public");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void given_no_database_at_the_address_when_probed_then_down_naming_the_refused_connection() {
        String nothingListens = "jdbc:postgresql://" + TestDatabase.HOST + ":1/flexboard";

        StepVerifier.create(new DatabaseHealthIndicator(database(nothingListens), TIMEOUT).health())
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).hasEntrySatisfying("error",
                            error -> assertThat((String) error).startsWith("PSQLException: Connection to"));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void given_a_database_that_never_hands_out_a_connection_when_probed_then_down_once_the_timeout_is_over() {
        DataSource hanging = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Thread.sleep(Duration.ofSeconds(30).toMillis());
                    throw new IllegalStateException("never reached: the check gave up long before");
                });

        StepVerifier.create(new DatabaseHealthIndicator(hanging, TIMEOUT).health())
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", "no answer within 500 ms");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    private static DataSource database(String url) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(url);
        database.setUser(TestDatabase.USER);
        return database;
    }
}
