package io.flexboard.projector;

import java.time.Duration;

import io.flexboard.projector.consumer.EventsListener;
import io.flexboard.projector.syncreport.SyncReportsListener;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.wire.AgentSyncReportSerializer;
import io.flexboard.schemas.wire.EventEnvelopeSerializer;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The projector against a real in-process Kafka broker (subclasses declare {@code @EmbeddedKafka})
 * and the machine's PostgreSQL, with a short retry back-off and a {@link ProjectionFailureHook}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "flexboard.projector.retry.initial-interval=100ms",
        "flexboard.projector.retry.max-interval=500ms",
        // Small chunks, so pruning a handful of rows already takes several statements; no scheduled
        // run during the tests, which call the pruner themselves.
        "flexboard.projector.pruning.chunk-size=2",
        "flexboard.projector.pruning.interval=1h",
        "flexboard.projector.quarantine.refresh-interval=200ms",
        "flexboard.admin-token=" + ProjectorIntegrationTest.ADMIN_TOKEN})
@AutoConfigureWebTestClient
@Import(FailureHookConfig.class)
abstract class ProjectorIntegrationTest {

    static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);
    static final String ADMIN_TOKEN = "projector-test-admin-token";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ProjectionFailureHook failureHook;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WebTestClient http;

    final ReadModels readModels = new ReadModels();
    TopicProducer<EventEnvelope> events;
    TopicProducer<AgentSyncReport> syncReports;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void openProducer() {
        events = new TopicProducer<>(broker.getBrokersAsString(), Topics.EVENTS, new EventEnvelopeSerializer(),
                EventEnvelope::getTenantId);
        syncReports = new TopicProducer<>(broker.getBrokersAsString(), Topics.AGENT_SYNCS, new AgentSyncReportSerializer(),
                AgentSyncReport::getTenantId);
    }

    @AfterEach
    void closeProducer() {
        failureHook.disarm();
        events.close();
        syncReports.close();
    }

    void awaitPosition(TenantStory story, long sequence) {
        await().atMost(PROJECTION_TIMEOUT)
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(readModels.position(story.tenantId))
                        .isEqualTo(sequence));
    }

    MessageListenerContainer projectorContainer() {
        return listeners.getListenerContainer(EventsListener.LISTENER_ID);
    }

    MessageListenerContainer syncReportsContainer() {
        return listeners.getListenerContainer(SyncReportsListener.LISTENER_ID);
    }

    double syncReportsCounted(String outcome) {
        return meters.counter("flexboard.projector.sync.reports", "outcome", outcome).count();
    }

    double eventsCounted(String outcome) {
        return meters.counter("flexboard.projector.events", "outcome", outcome).count();
    }
}
