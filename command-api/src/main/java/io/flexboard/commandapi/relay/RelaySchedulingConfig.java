package io.flexboard.commandapi.relay;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link ParkedEventsReleaser} on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RelaySchedulingConfig {
}
