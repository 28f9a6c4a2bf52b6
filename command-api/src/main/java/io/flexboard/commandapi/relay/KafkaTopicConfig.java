package io.flexboard.commandapi.relay;

import java.util.Map;

import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the events topic; Spring's KafkaAdmin creates it at start-up when it is missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

    /**
     * Retention -1: analysts replay the whole history, so events are never deleted. The record
     * limit is set, not inherited from the broker: the aggregate sizes events against it.
     */
    @Bean
    NewTopic eventsTopic(@Value("${flexboard.events.partitions:6}") int partitions) {
        return TopicBuilder.name(Topics.EVENTS)
                .partitions(partitions)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.EVENTS_MAX_MESSAGE_BYTES)))
                .build();
    }
}
