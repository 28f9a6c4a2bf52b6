package io.flexboard.agent;

import io.flexboard.agent.data.DataPlane;
import io.flexboard.agent.data.widget.WidgetData;
import io.flexboard.agent.serving.LocalConfigServer;
import io.flexboard.agent.serving.ServedState;
import io.flexboard.agent.settings.AgentSettings;
import io.flexboard.agent.store.AgentIdFile;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.store.DataDirectoryLock;
import io.flexboard.agent.store.LoadedConfiguration;
import io.flexboard.agent.sync.Backoff;
import io.flexboard.agent.sync.HttpControlPlane;
import io.flexboard.agent.sync.ReportedDataSource;
import io.flexboard.agent.sync.Sleeper;
import io.flexboard.agent.sync.SyncSettings;
import io.flexboard.agent.sync.SyncWorker;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running agent: the data dir locked, the local server up, the sync worker on its own thread. */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** How often datasources.yml is checked for changes. */
    private static final Duration DATA_SOURCES_RELOAD = Duration.ofSeconds(2);
    /** Reads of customer data sources that may run at once; more wait in a bounded queue. */
    private static final int DATA_THREADS = 16;

    private final DataDirectoryLock lock;
    private final DataPlane dataPlane;
    private final LocalConfigServer server;
    private final SyncWorker worker;
    private final Thread syncThread;

    private Agent(DataDirectoryLock lock, DataPlane dataPlane, LocalConfigServer server, SyncWorker worker, Thread syncThread) {
        this.lock = lock;
        this.dataPlane = dataPlane;
        this.server = server;
        this.worker = worker;
        this.syncThread = syncThread;
    }

    /** Loads the data dir (recovering it if needed), starts serving what it holds, then starts syncing. */
    public static Agent start(AgentSettings settings, Clock clock) throws IOException {
        Files.createDirectories(settings.dataDir());
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.dataDir());
        LocalConfigServer server = null;
        DataPlane dataPlane = null;
        try {
            String agentId = settings.agentId().isPresent() ? settings.agentId().get() : AgentIdFile.loadOrCreate(settings.dataDir());
            PublishedConfigurationStore store = new PublishedConfigurationStore(settings.dataDir());
            LoadedConfiguration loaded = store.open();
            dataPlane = DataPlane.start(settings.dataSourcesFile(), System::getenv, settings.dataMaxRows(), DATA_THREADS,
                    DATA_SOURCES_RELOAD, clock);
            WidgetData widgetData = dataPlane.widgetData();
            ServedState served = new ServedState(applied -> widgetData.apply(applied.version(), applied.metadata()));
            server = LocalConfigServer.start(settings.httpHost(), settings.httpPort(), settings.allowedHosts(),
                    settings.viewerPassword(), served, widgetData);
            String localUrl = "http://127.0.0.1:" + server.port();
            SyncSettings syncSettings = new SyncSettings(settings.tenantId(), agentId, AgentVersion.current(),
                    settings.controlPlaneUrl().toString(), localUrl, settings.waitSeconds(), settings.fullResyncInterval());
            SyncWorker worker = new SyncWorker(syncSettings, loaded,
                    new HttpControlPlane(settings.controlPlaneUrl(), settings.apiKey(), clock),
                    store, served, Backoff.withinOneHold(Duration.ofSeconds(settings.waitSeconds()), settings.maxRetryAfter()),
                    Sleeper.THREAD, clock, reportedDataSources(dataPlane));
            Thread syncThread = new Thread(worker, "flexboard-agent-sync");
            LOG.info("Flexboard agent {} started: tenant {}, agent id {}, running version {}, control plane {}, data dir {}",
                    syncSettings.agentVersion(), settings.tenantId(), agentId, loaded.configuration().version(),
                    settings.controlPlaneUrl(), settings.dataDir());
            LOG.info("Serving the viewer on {}:{} ({}), the configuration on /config and widget data on /api/data/<widget>",
                    settings.httpHost().getHostAddress(), server.port(),
                    settings.viewerPassword().isPresent() ? "viewer credential required" : "loopback only, no credential");
            syncThread.start();
            return new Agent(lock, dataPlane, server, worker, syncThread);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (dataPlane != null) {
                dataPlane.close();
            }
            lock.close();
            throw e;
        }
    }

    /** What the syncs tell the control plane about the data sources: the ids and types the local summary shows. */
    private static Supplier<List<ReportedDataSource>> reportedDataSources(DataPlane dataPlane) {
        return () -> dataPlane.sources().summary().sources().stream()
                .map(source -> new ReportedDataSource(source.id(), source.type()))
                .toList();
    }

    /** The local serving port (the one chosen when AGENT_HTTP_PORT is 0). */
    public int port() {
        return server.port();
    }

    /** Blocks until the sync worker ends (after {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        syncThread.join();
    }

    /** Stops syncing (also mid long-poll), then stops serving and frees the data dir. */
    @Override
    public void close() throws IOException {
        worker.stop();
        try {
            syncThread.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        dataPlane.close();
        lock.close();
        LOG.info("Flexboard agent stopped");
    }
}
