package io.flexboard.agentbridge.report;

import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares {@value Topics#AGENT_SYNCS}: telemetry, so a limited retention. Created in the background once
 * the bridge is ready ({@code spring.kafka.admin.auto-create=false}): the bridge must serve syncs even
 * when Kafka is down at start-up, and the admin client would otherwise hold the start for its timeout.
 */
@Configuration(proxyBeanMethods = false)
class SyncReportsTopic {

    @Bean
    NewTopic agentSyncsTopic(AgentBridgeSettings properties) {
        return TopicBuilder.name(Topics.AGENT_SYNCS)
                .partitions(properties.syncReports().partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.syncReports().retention().toMillis()))
                .build();
    }

    @Bean
    TopicCreation agentSyncsTopicCreation(KafkaAdmin admin) {
        return new TopicCreation(admin);
    }

    /** Creates the declared topics on a background thread (KafkaAdmin logs and gives up if Kafka is away). */
    static final class TopicCreation {

        private final KafkaAdmin admin;

        TopicCreation(KafkaAdmin admin) {
            this.admin = admin;
        }

        @EventListener(ApplicationReadyEvent.class)
        void createTopics() {
            Thread thread = new Thread(admin::initialize, "sync-reports-topic");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
