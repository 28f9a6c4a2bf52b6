package io.flexboard.foundation.consistency;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Read-your-writes for the services that read the read models (query-api, agent-bridge). */
@Configuration(proxyBeanMethods = false)
public class ConsistencyConfiguration {

    @Bean
    TenantPositions tenantPositions(DatabaseClient db) {
        return new TenantPositions(db);
    }

    @Bean
    ConsistencyTokenFilter consistencyTokenFilter(TenantPositions positions,
                                                  @Value("${flexboard.consistency.max-wait:5s}") Duration maxWait) {
        return new ConsistencyTokenFilter(positions, maxWait);
    }
}
