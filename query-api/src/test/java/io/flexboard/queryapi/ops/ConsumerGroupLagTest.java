package io.flexboard.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.queryapi.support.EventsTopic;
import io.flexboard.queryapi.support.LagReportView;
import io.flexboard.queryapi.support.ProjectorStandIn;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * The lag monitor against a real broker and a real consumer group standing in for the projector:
 * a plain KafkaConsumer in group {@code flexboard-projector} that polls and commits when told.
 */
@EmbeddedKafka(partitions = 2, topics = ConsumerGroupLagTest.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "flexboard.ops.lag.groups=flexboard-projector", "flexboard.ops.lag.interval=200ms",
        "flexboard.ops.lag.window=3", "flexboard.ops.lag.timeout=2s"})
class ConsumerGroupLagTest extends OpsIntegrationTest {

    static final String TOPIC = "flexboard.events";
    private static final String PROJECTOR = "flexboard-projector";

    @Autowired
    EmbeddedKafkaBroker broker;

    private EventsTopic events;
    private ProjectorStandIn projector;

    @BeforeEach
    void eventsTopic() {
        events = new EventsTopic(broker.getBrokersAsString(), TOPIC);
    }

    @AfterEach
    void closeClients() {
        if (projector != null) {
            projector.close();
        }
        events.close();
    }

    @Test
    void given_a_projector_that_stops_and_restarts_when_events_arrive_meanwhile_then_lag_grows_in_offsets_and_seconds_under_stop_and_clears_to_ok() {
        events.eventsPublished(0, 5);
        events.eventsPublished(1, 2);
        projector = projectorStandIn(PROJECTOR);
        projector.consumesEverything();

        LagReportView caughtUp = awaitReport(report -> "OK".equals(report.groupStatus(PROJECTOR))
                && report.group(PROJECTOR).path("partitions").size() == 2
                && report.group(PROJECTOR).path("total_lag").asLong() == 0);
        assertThat(caughtUp.group(PROJECTOR).path("max_lag_seconds").asDouble()).isZero();
        assertThat(caughtUp.group(PROJECTOR).path("partitions").get(0).path("committed_offset").asLong())
                .isEqualTo(caughtUp.group(PROJECTOR).path("partitions").get(0).path("end_offset").asLong());
        assertThat(caughtUp.group(PROJECTOR).path("partitions").get(0).path("lag_seconds").asDouble()).isZero();

        projector.close();
        projector = null;
        events.eventsPublished(0, 3);
        LagReportView stopped = awaitReport(report -> "STOP".equals(report.groupStatus(PROJECTOR))
                && report.group(PROJECTOR).path("total_lag").asLong() == 3);
        assertThat(stopped.group(PROJECTOR).path("partitions").get(0).path("status").asString()).isEqualTo("STOP");
        assertThat(stopped.group(PROJECTOR).path("partitions").get(0).path("end_offset").asLong())
                .isEqualTo(stopped.group(PROJECTOR).path("partitions").get(0).path("committed_offset").asLong() + 3);
        assertThat(stopped.group(PROJECTOR).path("partitions").get(1).path("status").asString())
                .as("a caught-up partition of a stopped group does not alarm").isEqualTo("OK");
        double waitedBefore = stopped.group(PROJECTOR).path("max_lag_seconds").asDouble();

        events.eventsPublished(1, 4);
        LagReportView fartherBehind = awaitReport(report -> report.group(PROJECTOR).path("total_lag").asLong() == 7
                && report.group(PROJECTOR).path("max_lag_seconds").asDouble() > waitedBefore + 0.5);
        assertThat(fartherBehind.groupStatus(PROJECTOR)).isEqualTo("STOP");
        assertThat(fartherBehind.group(PROJECTOR).path("partitions").get(1).path("lag").asLong()).isEqualTo(4);

        projector = projectorStandIn(PROJECTOR);
        projector.consumesEverything();
        awaitReport(report -> "OK".equals(report.groupStatus(PROJECTOR))
                && report.group(PROJECTOR).path("total_lag").asLong() == 0
                && report.group(PROJECTOR).path("max_lag_seconds").asDouble() == 0);
    }

    @Test
    void given_a_member_that_stays_but_never_commits_when_events_arrive_then_its_group_is_found_by_prefix_and_stalls() {
        String group = "flexboard-stalled-projector";
        projector = projectorStandIn(group);
        projector.consumesEverything();
        awaitReport(report -> "OK".equals(report.groupStatus(group)) && report.group(group).path("total_lag").asLong() == 0
                && !report.group(group).path("partitions").isEmpty());

        events.eventsPublished(0, 2);

        LagReportView stalled = awaitReport(report -> "STALL".equals(report.groupStatus(group)));
        assertThat(stalled.group(group).path("total_lag").asLong()).isEqualTo(2);
        assertThat(stalled.group(group).path("max_lag_seconds").asDouble()).isPositive();

        projector.consumesEverything();
        awaitReport(report -> "OK".equals(report.groupStatus(group)) && report.group(group).path("total_lag").asLong() == 0);
    }

    @Test
    void given_the_monitor_runs_when_prometheus_scrapes_then_the_kafka_lag_exporter_gauges_are_there() {
        projector = projectorStandIn(PROJECTOR);
        projector.consumesEverything();
        awaitReport(report -> report.group(PROJECTOR).path("partitions").size() == 2);

        AtomicReference<String> scrape = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            scrape.set(scrape());
            assertThat(scrape.get()).contains("kafka_consumergroup_group_lag{application=\"query-api\",group=\"flexboard-projector\",partition=\"0\",topic=\"flexboard.events\"}");
        });
        assertThat(scrape.get())
                .contains("kafka_consumergroup_group_lag_seconds{application=\"query-api\",group=\"flexboard-projector\",partition=\"1\",topic=\"flexboard.events\"}")
                .contains("kafka_consumergroup_group_max_lag{application=\"query-api\",group=\"flexboard-projector\"}")
                .contains("kafka_consumergroup_group_max_lag_seconds{application=\"query-api\",group=\"flexboard-projector\"}")
                .contains("flexboard_lag_status{application=\"query-api\",group=\"flexboard-projector\"}")
                .contains("flexboard_relay_lag{")
                .contains("flexboard_relay_lag_seconds{")
                .contains("flexboard_relay_status{");
    }

    @Test
    void given_no_token_when_the_lag_is_read_then_401_like_every_other_read() {
        anonymous().get().uri("/api/ops/lag").exchange().expectStatus().isUnauthorized();
    }

    private ProjectorStandIn projectorStandIn(String group) {
        return new ProjectorStandIn(broker.getBrokersAsString(), group, TOPIC);
    }
}
