package io.flexboard.commandapi.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flexboard.commandapi.api.CommandMetadata;
import io.flexboard.commandapi.relay.KafkaRelay;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.SchemaHistory;
import io.flexboard.schemas.wire.TrustedClasses;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon without Axon Server: JDBC event store in PostgreSQL, Avro events, the relay's error policy. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    static {
        // Axon's AvroSerializer resolves every stored type through Avro's class loading, the
        // metadata type included; it only loads it, the Jackson delegate reads it.
        TrustedClasses.registerFlexboardSchemas();
        TrustedClasses.register(MetaData.class);
    }

    /** Axon's own (Jackson 2) mapper for metadata; Boot 4's mapper is Jackson 3 and Axon cannot use it. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * Every event schema the event store may hold, for Axon's AvroSerializer. The events are the
     * branches of the envelope's payload union, so this list can never miss one; every released
     * envelope's branches are added too, so an event stored before its schema gained a field still
     * loads (resolved into the current class).
     */
    @Bean
    SchemaStore axonEventSchemaStore() {
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (Schema envelope : SchemaHistory.envelopeSchemas()) {
            envelope.getField("payload").schema().getTypes().forEach(store::addSchema);
        }
        EventEnvelope.getClassSchema().getField("payload").schema().getTypes().forEach(store::addSchema);
        return store;
    }

    /**
     * Loaded tenants stay in memory (until the GC wants the space), so a command does not replay
     * the tenant's whole history. Safe with several replicas: an append from a stale cached state
     * collides with the other replica's event on the store's (aggregate, sequence) key, the unit of
     * work rolls back and evicts the entry, and the caller gets 409.
     */
    @Bean
    Cache tenantCache() {
        return new WeakReferenceCache();
    }

    @Bean
    CorrelationDataProvider actorAndCorrelationId() {
        return new SimpleCorrelationDataProvider(CommandMetadata.ACTOR, CommandMetadata.ACTOR_ID, CommandMetadata.ACTOR_EMAIL,
                CommandMetadata.CORRELATION_ID);
    }

    /**
     * A relay failure (broker down, timeout) must stop the relay and retry the batch, never skip
     * it: Axon's default would log the error and move the token past the event.
     */
    @Autowired
    void relayStopsOnError(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
