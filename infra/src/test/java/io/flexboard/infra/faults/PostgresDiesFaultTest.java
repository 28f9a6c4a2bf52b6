package io.flexboard.infra.faults;

import static io.flexboard.infra.faults.CommandLoad.ADMIN_TOKEN;
import static io.flexboard.infra.faults.CommandLoad.BUSY_TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.support.StackClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL killed (postmaster and backends, kill -9) while the local stack's JVM lives: commands
 * answer 503 with Retry-After at once and never hang, the stack starts PostgreSQL again by itself, commands are
 * accepted again, and the books balance: nothing acknowledged lost, each event projected exactly once (issue 15).
 */
@Tag("fault")
@Timeout(900)
class PostgresDiesFaultTest {

    private static final Duration UNDER_LOAD = Duration.ofSeconds(4);
    /** Acknowledgements after the kill that show commands are accepted again (not in-flight answers of before). */
    private static final int ACCEPTED_AGAIN = 20;
    /** Not a performance bound: only turns a stack that never recovers into a failure. */
    private static final Duration STUCK = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    @Test
    void commands_answer_503_with_retry_after_while_postgres_is_down_and_nothing_is_lost_once_it_is_back() throws Exception {
        Ledger ledger = new Ledger();
        try (StackProcess stack = StackProcess.start(dataDir, ADMIN_TOKEN)) {
            // given builders of six tenants and a canary editing their dashboards
            CommandLoad load = CommandLoad.prepare(new StackClient(stack.port(), ADMIN_TOKEN), ADMIN_TOKEN, ledger, BUSY_TENANTS);
            load.start();
            Thread.sleep(UNDER_LOAD.toMillis());

            // when PostgreSQL dies under them while the JVM lives
            stack.killPostgres();
            long killed = System.nanoTime();
            int acknowledgedAtKill = ledger.count();

            // then the stack starts it again by itself and commands are accepted again
            while (ledger.count() < acknowledgedAtKill + ACCEPTED_AGAIN) {
                assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("commands are still refused").isLessThan(STUCK);
                Thread.sleep(50);
            }
            Duration recovered = Duration.ofNanos(System.nanoTime() - killed);
            Thread.sleep(UNDER_LOAD.toMillis());
            load.close();

            // and the read side catches up with no new traffic
            Books books = new Books(stack.jdbcUrl());
            long stopped = System.nanoTime();
            Duration catchUp = books.awaitCatchUp(ledger, stopped, STUCK);

            int lost = books.lost(ledger);
            int differences = books.differences(ledger);
            FaultReport.keepLog("PostgreSQL killed while the JVM lives", dataDir.resolve("stack.log"));
            FaultReport.record("PostgreSQL killed while the JVM lives (restart = kill to commands accepted again; "
                            + "refusals " + load.refusals() + ")", ledger.count(), lost, differences, load.unanswered(),
                    load.refused(), recovered, catchUp);
            assertThat(lost).as("acknowledged commands lost").isZero();
            assertThat(differences).as("events duplicated or missing in the read side").isZero();
            // never hangs: every command got an answer within the client's 30 s, and every refusal says when to come back
            assertThat(load.unanswered()).as("commands without an answer").isZero();
            assertThat(load.refused()).as("commands refused while PostgreSQL was down").isPositive();
            assertThat(load.refusals().keySet()).allMatch(refusal -> refusal.startsWith("503 Retry-After "), "503 with Retry-After");
        }
    }
}
