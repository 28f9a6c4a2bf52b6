package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.queryapi.support.LagReportView;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Base of the lag monitor's integration tests: waits, by reading the endpoint, for the report a test expects. */
abstract class OpsIntegrationTest extends QueryApiIntegrationTest {

    /** Generous: two cores are shared with other builds, and a verdict needs a full window of samples. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    LagReportView awaitReport(Predicate<LagReportView> condition) {
        AtomicReference<LagReportView> seen = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen.set(LagReportView.of(builder().get().uri("/api/ops/lag").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()));
            assertThat(condition.test(seen.get())).as("the report %s", seen.get().json()).isTrue();
        });
        return seen.get();
    }

    String scrape() {
        return anonymous().get().uri("/metrics").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
