package io.flexboard.agentbridge.publish;

import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL}, where the projector announces
 * {@code <tenant id>:<version>} in the transaction that writes published_versions (so a notification
 * arrives only once the projection holds the version). Every replica listens, so each learns every
 * publish however a load balancer spread the agents.
 *
 * <p>One dedicated connection outside the pool (a pooled one would be handed to queries and could not
 * stay in LISTEN). When it is lost the answer cache is distrusted and the connection re-opened with
 * back-off; after every (re)connect all tenants with parked syncs are re-checked in one read, repairing
 * whatever was published while nobody listened. A heartbeat finds a connection that died silently.
 *
 * <p>The same connection listens on {@link ApiKeyRevocations#CHANNEL}, so a revoked key reaches every
 * replica the way a publish does, and is repaired the same way after a reconnect.
 */
@Component
public class PublishListener implements SmartLifecycle {

    public static final String CHANNEL = "flexboard_published";
    /** The LISTEN connection's application_name, to find it in pg_stat_activity. */
    public static final String APPLICATION_NAME = "flexboard-agent-bridge-listen";

    private static final Logger log = LoggerFactory.getLogger(PublishListener.class);

    private final PostgresqlConnectionFactory connections;
    private final PublishedAnswers answers;
    private final PublishFanOut fanOut;
    private final Waiters waiters;
    private final ApiKeyRevocations revocations;
    private final AgentBridgeSettings.Sync settings;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final Counter connects;
    private volatile Disposable listening;
    private volatile boolean connected;

    public PublishListener(R2dbcProperties r2dbc, PublishedAnswers answers, PublishFanOut fanOut, Waiters waiters,
            ApiKeyRevocations revocations, AgentBridgeSettings properties, MeterRegistry meters) {
        this.connections = dedicatedConnections(r2dbc);
        this.answers = answers;
        this.fanOut = fanOut;
        this.waiters = waiters;
        this.revocations = revocations;
        this.settings = properties.sync();
        this.connects = Counter.builder("flexboard.agentbridge.listen.connects")
                .description("LISTEN connections established (the first and every re-connect)")
                .register(meters);
    }

    /** Whether notifications are flowing right now. */
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(connections.create(), this::listen, PostgresqlConnection::close)
                // A notification stream that ends means the connection is gone, as much as an error does.
                .concatWith(Flux.error(() -> new IllegalStateException("the LISTEN connection was closed")))
                .retryWhen(Retry.from(failures -> failures.concatMap(failure -> {
                    lost(failure.failure());
                    return Mono.delay(nextBackoff());
                })))
                .subscribe(this::notified, failure -> log.error("Stopped listening on {}", CHANNEL, failure));
    }

    @Override
    public void stop() {
        Disposable subscription = listening;
        if (subscription != null) {
            subscription.dispose();
        }
        connected = false;
        answers.distrust();
    }

    @Override
    public boolean isRunning() {
        return listening != null && !listening.isDisposed();
    }

    private Flux<Notification> listen(PostgresqlConnection connection) {
        Flux<Notification> heartbeat = Flux.interval(settings.heartbeat())
                .concatMap(tick -> Mono.from(connection.validate(ValidationDepth.REMOTE)))
                .filter(alive -> !alive)
                .concatMap(dead -> Mono.error(new IllegalStateException("the LISTEN connection failed its heartbeat")));
        return connection.createStatement("LISTEN " + CHANNEL + "; LISTEN " + ApiKeyRevocations.CHANNEL).execute()
                .concatMap(result -> result.getRowsUpdated())
                // Subscribed to the notifications first, repaired second: a publish is either seen by the
                // repair's read or notified to a subscriber already in place.
                .thenMany(Flux.merge(connection.getNotifications(), Mono.fromRunnable(this::established), heartbeat));
    }

    private void established() {
        failuresInARow.set(0);
        answers.trust();
        connected = true;
        connects.increment();
        log.info("Listening on PostgreSQL channel {} for publishes", CHANNEL);
        fanOut.repair(waiters.tenants());
        revocations.repair();
    }

    private void lost(Throwable failure) {
        answers.distrust();
        if (connected) {
            connected = false;
            log.warn("Lost the LISTEN connection ({}); syncs read the database until it is back", failure.toString());
        } else {
            log.warn("Could not listen on {} ({}); retrying", CHANNEL, failure.toString());
        }
    }

    private void notified(Notification notification) {
        if (ApiKeyRevocations.CHANNEL.equals(notification.getName())) {
            revocations.notified(notification.getParameter());
            return;
        }
        String payload = notification.getParameter();
        int colon = payload == null ? -1 : payload.indexOf(':');
        try {
            UUID tenantId = UUID.fromString(colon < 0 ? String.valueOf(payload) : payload.substring(0, colon));
            log.debug("Notified of publish {}", payload);
            fanOut.published(tenantId);
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a notification on {} that is not <tenant id>:<version>: '{}'", CHANNEL, payload);
        }
    }

    private Duration nextBackoff() {
        int failures = failuresInARow.getAndIncrement();
        Duration backoff = settings.reconnectMinBackoff().multipliedBy(1L << Math.min(failures, 16));
        if (backoff.compareTo(settings.reconnectMaxBackoff()) > 0) {
            backoff = settings.reconnectMaxBackoff();
        }
        // Spread the re-connects of many replicas after a database restart.
        return backoff.plusMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 5 + 1));
    }

    private static PostgresqlConnectionFactory dedicatedConnections(R2dbcProperties r2dbc) {
        // The same server and credentials as the pool, but never through it ("r2dbc:pool:" stripped).
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions
                .parse(r2dbc.getUrl().replaceFirst("^r2dbc:pool:", "r2dbc:"))
                .mutate()
                .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, APPLICATION_NAME);
        if (r2dbc.getUsername() != null) {
            options.option(ConnectionFactoryOptions.USER, r2dbc.getUsername());
        }
        if (r2dbc.getPassword() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword());
        }
        return new PostgresqlConnectionFactoryProvider().create(options.build());
    }
}
