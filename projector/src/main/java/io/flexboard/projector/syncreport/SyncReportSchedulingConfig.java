package io.flexboard.projector.syncreport;

import java.time.Duration;

import io.flexboard.projector.config.ProjectorProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link SyncReportPruner} every {@code flexboard.projector.pruning.interval}, the first time one
 * interval after start, so start-up and the first batches go first.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncReportSchedulingConfig implements SchedulingConfigurer {

    private final SyncReportPruner pruner;
    private final ProjectorProperties properties;

    SyncReportSchedulingConfig(SyncReportPruner pruner, ProjectorProperties properties) {
        this.pruner = pruner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.pruning().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(pruner::pruneAndLog, interval, interval));
    }
}
