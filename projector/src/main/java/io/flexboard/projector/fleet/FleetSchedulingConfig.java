package io.flexboard.projector.fleet;

import java.time.Duration;

import io.flexboard.projector.config.ProjectorProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link SyncLogPruner} every {@code flexboard.projector.pruning.interval}, the first time one
 * interval after start, so start-up and the first batches go first.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FleetSchedulingConfig implements SchedulingConfigurer {

    private final SyncLogPruner pruner;
    private final ProjectorProperties properties;

    FleetSchedulingConfig(SyncLogPruner pruner, ProjectorProperties properties) {
        this.pruner = pruner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.pruning().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(pruner::pruneAndLog, interval, interval));
    }
}
