package io.flexboard.agent.data;

import io.flexboard.agent.data.connector.Connectors;
import io.flexboard.agent.data.source.DataSources;
import io.flexboard.agent.data.source.DataSourcesFile;
import io.flexboard.agent.data.widget.WidgetData;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's data plane: the customer's data sources (from {@code datasources.yml}, reread on change) and
 * the widget reads over them. Independent of syncing on purpose: a data source that is down or a file that
 * is wrong never stops the agent from receiving configurations, and the reverse.
 */
public final class DataPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

    private final DataSources sources;
    private final WidgetData widgetData;
    private final ScheduledExecutorService reloader;

    private DataPlane(DataSources sources, WidgetData widgetData, ScheduledExecutorService reloader) {
        this.sources = sources;
        this.widgetData = widgetData;
        this.reloader = reloader;
    }

    /**
     * Reads the data sources file now (a bad or missing one is logged, the agent starts anyway), then checks it
     * for changes every {@code reloadEvery}.
     *
     * @param environment where {@code ${NAME}} secrets are read
     */
    public static DataPlane start(Path dataSourcesFile, UnaryOperator<String> environment, int maxRows, int threads,
                                  Duration reloadEvery, Clock clock) {
        DataSources sources = new DataSources(dataSourcesFile, new DataSourcesFile(environment), Connectors::open);
        sources.reload();
        WidgetData widgetData = new WidgetData(sources, maxRows, threads, clock);
        ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flexboard-agent-datasources");
            thread.setDaemon(true);
            return thread;
        });
        reloader.scheduleWithFixedDelay(() -> {
            try {
                sources.reload();
            } catch (RuntimeException e) {
                LOG.error("Rereading {} failed; the last good data sources keep serving", dataSourcesFile, e);
            }
        }, reloadEvery.toMillis(), reloadEvery.toMillis(), TimeUnit.MILLISECONDS);
        return new DataPlane(sources, widgetData, reloader);
    }

    public WidgetData widgetData() {
        return widgetData;
    }

    public DataSources sources() {
        return sources;
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        widgetData.close();
        sources.close();
    }
}
