package io.flexboard.agent.data.widget;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The rows behind {@code GET /api/data/:widgetKey}: finds the widget in the running configuration, resolves
 * its data source and filter values, and reads through a cache that runs each (widget, filter values) query
 * once however many viewers ask at the same moment (single flight), keeps the rows for the widget's
 * {@code caching.ttl}, and is emptied when a new configuration is applied. Reads run on their own bounded
 * pool, so a slow data source holds none of the local server's threads.
 */
public final class WidgetData implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetData.class);
    /** How many rows all cached answers may hold together; the least recently used go first. */
    private static final long CACHED_ROWS = 500_000;
    /** Beyond the data source's own timeout: the connector should have given up by then. */
    private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(5);

    /**
     * One answer.
     *
     * @param cached whether the rows were fetched before this request arrived (false for the request that
     *               ran the query and for those that waited for that same run)
     */
    public record Answer(String widget, QueryResult result, boolean cached, Instant fetchedAt, long durationMs,
                         Rendering rendering) {

        /**
         * The answer as bytes. A cached answer is rendered once per fetch and its bytes shared by every later
         * reader (rows, time and duration cannot change): a hot widget costs a lookup, not a serialization.
         */
        public byte[] render(Function<Answer, byte[]> renderer) {
            return cached ? rendering.once(() -> renderer.apply(this)) : renderer.apply(this);
        }
    }

    /** The bytes of a fetch's cached answer, rendered by the first reader that needs them. */
    public static final class Rendering {
        private volatile byte[] bytes;

        byte[] once(Supplier<byte[]> render) {
            byte[] rendered = bytes;
            if (rendered == null) {
                // Two readers may both render: the same bytes, and cheaper than a lock on the hot path.
                rendered = render.get();
                bytes = rendered;
            }
            return rendered;
        }
    }

    private record Catalog(long version, Map<String, WidgetDefinition> widgets, Map<String, WidgetDataException> unreadable) {
    }

    private record CacheKey(long version, String widget, boolean drilldown, Map<String, Object> parameters) {
    }

    private record Fetched(QueryResult result, Instant fetchedAt, long durationMs, Duration ttl, Rendering rendering) {
    }

    private final DataSources sources;
    private final int maxRows;
    private final Clock clock;
    private final ExecutorService executor;
    private final AsyncCache<CacheKey, Fetched> cache;
    private volatile Catalog catalog;

    /**
     * @param sources  the data sources of {@code datasources.yml}
     * @param maxRows  the row cap of every read ({@code AGENT_DATA_MAX_ROWS})
     * @param threads  how many reads may run at once
     * @param clock    for {@code fetched_at} and the date presets of filters
     */
    public WidgetData(DataSources sources, int maxRows, int threads, Clock clock) {
        this.sources = sources;
        this.maxRows = maxRows;
        this.clock = clock;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 50),
                runnable -> {
                    Thread thread = new Thread(runnable, "flexboard-agent-data-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.cache = Caffeine.newBuilder()
                .maximumWeight(CACHED_ROWS)
                .weigher((CacheKey key, Fetched fetched) -> fetched.result().rows().size() + 1)
                .expireAfter(new Expiry<CacheKey, Fetched>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, Fetched fetched, long now) {
                        return fetched.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, Fetched fetched, long now, long current) {
                        return fetched.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, Fetched fetched, long now, long current) {
                        return current;
                    }
                })
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * Switches to a newly applied configuration and empties the cache (the roadmap's "clear widget cache"):
     * rows of the previous version are never served for the new one. A widget whose configuration cannot be
     * read answers its own error; the others are unaffected.
     */
    public void apply(long version, JsonNode metadata) {
        Map<String, WidgetDefinition> widgets = new HashMap<>();
        Map<String, WidgetDataException> unreadable = new HashMap<>();
        JsonNode config = metadata == null ? null : metadata.path("config");
        if (config != null && config.isObject()) {
            for (Map.Entry<String, JsonNode> widget : config.properties()) {
                try {
                    widgets.put(widget.getKey(), WidgetDefinition.from(widget.getKey(), widget.getValue()));
                } catch (WidgetDataException e) {
                    unreadable.put(widget.getKey(), e);
                    LOG.warn("{}", e.getMessage());
                }
            }
        }
        catalog = metadata == null ? null : new Catalog(version, Map.copyOf(widgets), Map.copyOf(unreadable));
        cache.synchronous().invalidateAll();
    }

    /**
     * Reads a widget's rows, or its drilldown's.
     *
     * @param request the request's query parameters, decoded (filter values, a drilldown's clicked fields)
     * @return completes with the answer, or exceptionally with a {@link WidgetDataException}
     */
    public CompletableFuture<Answer> read(String widgetKey, boolean drilldown, Map<String, List<String>> request) {
        Instant asked = clock.instant();
        try {
            Prepared prepared = prepare(widgetKey, drilldown, request);
            CacheKey key = new CacheKey(prepared.version, widgetKey, drilldown, new TreeMap<>(prepared.request.parameters()));
            CompletableFuture<Fetched> shared = cache.get(key, (ignored, ignoredExecutor) -> fetch(prepared));
            if (prepared.ttl().isZero() && shared.isDone() && !shared.isCompletedExceptionally()
                    && shared.join().fetchedAt().isBefore(asked)) {
                // Caching off: a finished read may linger until Caffeine applies its zero expiry. Only readers
                // that arrived while it ran share it; a later one runs the query again.
                cache.asMap().remove(key, shared);
                shared = cache.get(key, (ignored, ignoredExecutor) -> fetch(prepared));
            }
            CompletableFuture<Fetched> answered = shared;
            return answered
                    .orTimeout(prepared.definition.options().timeout().plus(TIMEOUT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((fetched, failure) -> {
                        if (failure != null) {
                            // Caffeine drops a failed entry too, but maybe only after this reader has answered:
                            // a retry right after a failure must run the query again.
                            cache.asMap().remove(key, answered);
                            throw new CompletionException(classify(prepared, failure));
                        }
                        return new Answer(widgetKey, fetched.result(), fetched.fetchedAt().isBefore(asked),
                                fetched.fetchedAt(), fetched.durationMs(), fetched.rendering());
                    });
        } catch (WidgetDataException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private record Prepared(long version, WidgetDefinition widget, String dataSourceId, DataSourceDefinition definition,
                            Connector connector, DataRequest request, Duration ttl) {
    }

    private Prepared prepare(String widgetKey, boolean drilldown, Map<String, List<String>> request) throws WidgetDataException {
        Catalog running = catalog;
        if (running == null) {
            throw new WidgetDataException(WidgetDataException.Reason.NO_CONFIGURATION, widgetKey, null,
                    "the agent has not applied a published configuration yet");
        }
        WidgetDefinition widget = running.widgets().get(widgetKey);
        if (widget == null) {
            WidgetDataException unreadable = running.unreadable().get(widgetKey);
            if (unreadable != null) {
                throw unreadable;
            }
            throw new WidgetDataException(WidgetDataException.Reason.UNKNOWN_WIDGET, widgetKey, null,
                    "no widget '" + widgetKey + "' in the running configuration (version " + running.version() + ")");
        }
        String dataSourceId = widget.connection().or(sources::defaultId).orElseThrow(() -> new WidgetDataException(
                WidgetDataException.Reason.UNKNOWN_DATA_SOURCE, widgetKey, null, "widget '" + widgetKey
                + "' runs on the default data source, and " + sources.file() + " names none (set 'default: <id>')"));
        DataSourceDefinition definition = sources.definition(dataSourceId).orElseThrow(() -> new WidgetDataException(
                WidgetDataException.Reason.UNKNOWN_DATA_SOURCE, widgetKey, dataSourceId, "widget '" + widgetKey
                + "' reads data source '" + dataSourceId + "', which " + sources.file() + " does not define"));
        Connector connector = sources.connector(dataSourceId).orElseThrow(() -> new WidgetDataException(
                WidgetDataException.Reason.UNKNOWN_DATA_SOURCE, widgetKey, dataSourceId, "data source '" + dataSourceId + "' was just removed"));
        if (definition.type().family() != widget.family()) {
            throw new WidgetDataException(WidgetDataException.Reason.UNKNOWN_DATA_SOURCE, widgetKey, dataSourceId,
                    "widget '" + widgetKey + "' reads an " + widget.family().yamlName() + " source, but data source '"
                    + dataSourceId + "' is of type " + definition.type().yamlName());
        }
        String text;
        Set<String> drilldownFields = Set.of();
        if (drilldown) {
            text = widget.drilldownQuery().orElseThrow(() -> new WidgetDataException(WidgetDataException.Reason.UNKNOWN_WIDGET,
                    widgetKey, dataSourceId, "widget '" + widgetKey + "' has no drilldown (interactions.drilldown is not enabled)"));
            drilldownFields = new LinkedHashSet<>(Placeholders.in(text));
            for (Filter filter : widget.filters()) {
                drilldownFields.removeIf(name -> name.equals(filter.field()) || name.startsWith(filter.field() + "."));
            }
        } else {
            text = switch (widget.family()) {
                case SQL -> widget.query();
                case API -> widget.endpoint();
                case FILE -> widget.query();
            };
        }
        Map<String, Object> parameters = FilterValues.resolve(widget, text, request, drilldownFields, LocalDate.now(clock));
        DataRequest dataRequest = switch (widget.family()) {
            case SQL -> new DataRequest(text, null, null, null, parameters, maxRows);
            case API -> new DataRequest(null, text, null, widget.path(), parameters, maxRows);
            case FILE -> new DataRequest(text, null, widget.file(), null, parameters, maxRows);
        };
        return new Prepared(running.version(), widget, dataSourceId, definition, connector, dataRequest, widget.cacheTtl());
    }

    private CompletableFuture<Fetched> fetch(Prepared prepared) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                long started = System.nanoTime();
                try {
                    QueryResult result = CalculatedFields.apply(prepared.widget(), prepared.dataSourceId(),
                            prepared.connector().read(prepared.request()));
                    return new Fetched(result, clock.instant(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            prepared.ttl(), new Rendering());
                } catch (ConnectorException | WidgetDataException e) {
                    throw new CompletionException(e);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new WidgetDataException(WidgetDataException.Reason.BUSY,
                    prepared.widget().key(), prepared.dataSourceId(), "the agent is running as many reads as it can; retry shortly"));
        }
    }

    private static WidgetDataException classify(Prepared prepared, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String widget = prepared.widget().key();
        String source = prepared.dataSourceId();
        String where = "widget '" + widget + "', data source '" + source + "': ";
        if (cause instanceof WidgetDataException known) {
            return known;
        }
        if (cause instanceof ConnectorException connector) {
            WidgetDataException.Reason reason = switch (connector.failure()) {
                case REFUSED -> WidgetDataException.Reason.REFUSED;
                case UNREACHABLE -> WidgetDataException.Reason.UNREACHABLE;
                case TIMEOUT -> WidgetDataException.Reason.TIMEOUT;
            };
            return new WidgetDataException(reason, widget, source, where + connector.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return new WidgetDataException(WidgetDataException.Reason.TIMEOUT, widget, source,
                    where + "no answer within " + prepared.definition().options().timeout().toMillis() + " ms");
        }
        LOG.error("Reading widget {} from data source {} failed unexpectedly", widget, source, cause);
        return new WidgetDataException(WidgetDataException.Reason.UNREACHABLE, widget, source,
                where + "the read failed unexpectedly (" + cause.getClass().getSimpleName() + "); see the agent's log");
    }

    /** The data sources in use, for operators (no connection detail). */
    public DataSources.Summary dataSources() {
        return sources.summary();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
