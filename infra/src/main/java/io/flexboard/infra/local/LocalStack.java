package io.flexboard.infra.local;

import io.flexboard.foundation.identity.AccessTokenKeys;
import io.flexboard.infra.local.bridge.StandaloneBridge;
import io.flexboard.infra.local.config.AdminToken;
import io.flexboard.infra.local.config.LocalPorts;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.kafka.LocalKafka;
import io.flexboard.infra.local.postgres.LocalPostgres;
import io.flexboard.infra.local.router.DirectRoutes;
import io.flexboard.infra.local.router.HealthCheck;
import io.flexboard.infra.local.router.LocalRouter;
import io.flexboard.infra.local.router.RouterServer;
import io.flexboard.infra.local.services.LocalServices;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.services.ServiceArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;

/**
 * The whole of Flexboard in one JVM: an embedded PostgreSQL (or {@code FLEXBOARD_DB_URL}), a real
 * Kafka broker, the four services each in its own Spring context, and one router on
 * {@code FLEXBOARD_PORT}. See docs/operations.md.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** command-api's SSO providers, when the data dir has this file (docs/operations.md, "Single sign-on"). */
    public static final String SSO_CONFIG_FILE = "sso.yml";

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("bridge")) {
            StandaloneBridge.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Running stack;
        try {
            stack = start(Settings.fromEnvironment());
        } catch (RuntimeException e) {
            log.error("Flexboard could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "flexboard-shutdown"));
        System.out.println("Flexboard is ready on http://localhost:" + stack.port() + " (data: " + stack.dataDir() + ")");
        stack.awaitClosed();
    }

    /** Starts everything; the returned handle stops it again. */
    public static Running start(Settings settings) {
        return start(settings, List.of(Service.values()));
    }

    /** Starts PostgreSQL, Kafka, the given services and the router (tests start fewer services). */
    public static Running start(Settings settings, List<Service> services) {
        for (Service service : services) {
            if (!service.isOnClasspath()) {
                throw new IllegalStateException(service.serviceName() + " is not on the classpath (" + service.applicationClassName() + ")");
            }
        }
        Running running = new Running(settings.dataDir());
        try {
            Files.createDirectories(settings.dataDir());
            AdminToken.Resolved adminToken = AdminToken.resolve(settings);
            if (adminToken.generated()) {
                System.out.println("Generated the admin token (kept in " + adminToken.file() + "): " + adminToken.value());
            }
            LocalPorts ports = LocalPorts.in(settings.dataDir()).reserving(settings.port());
            // PostgreSQL and Kafka are independent: start them side by side.
            CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(() -> LocalPostgres.start(settings, ports));
            CompletableFuture<LocalKafka> kafka = CompletableFuture.supplyAsync(() -> LocalKafka.start(settings.dataDir(), ports));
            running.postgres = postgres.handle((started, failure) -> started).join();
            running.kafka = kafka.handle((started, failure) -> started).join();
            postgres.join();
            kafka.join();

            // The access tokens' key, generated once into the data dir (0600) before any service reads it.
            Path jwtKey = settings.dataDir().resolve("jwt-signing-key.pem");
            AccessTokenKeys.fromFile(jwtKey, true);
            ServiceArguments arguments = new ServiceArguments(running.postgres.url(), running.kafka.bootstrapServers(),
                    adminToken.value(), jwtKey, settings.dataDir().resolve(SSO_CONFIG_FILE));
            running.services = LocalServices.start(services, arguments);

            List<HealthCheck> checks = new ArrayList<>();
            LocalPostgres db = running.postgres;
            LocalServices localServices = running.services;
            checks.add(new HealthCheck("postgres", db::isUp));
            // The broker of the moment: an outage (interruptKafka) replaces it.
            checks.add(new HealthCheck("kafka", () -> running.kafka.isUp()));
            for (Service service : services) {
                checks.add(new HealthCheck(service.serviceName(), () -> localServices.isUp(service)));
            }
            LocalRouter router = new LocalRouter(localServices::httpHandler, checks);
            List<NettyRouteProvider> directRoutes = new ArrayList<>();
            services.forEach(service -> directRoutes.addAll(localServices.routeProviders(service)));
            running.router = RouterServer.start(settings.bindAddress(), settings.port(), settings.routerLimits(), router,
                    DirectRoutes.of(directRoutes, () -> services.stream().allMatch(localServices::isUp)));
            running.adminToken = adminToken.value();
            return running;
        } catch (Exception e) {
            running.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** A running local stack. */
    public static final class Running implements AutoCloseable {

        private final Path dataDir;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final CountDownLatch closedLatch = new CountDownLatch(1);
        private LocalPostgres postgres;
        private volatile LocalKafka kafka;
        private LocalServices services;
        private RouterServer router;
        private String adminToken;

        private Running(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** The router's actual port. */
        public int port() {
            return router.port();
        }

        public Path dataDir() {
            return dataDir;
        }

        public String adminToken() {
            return adminToken;
        }

        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        public String jdbcUrl() {
            return postgres.url().jdbcUrl();
        }

        /** The services' Spring contexts, for operations on one of them (and tests that stop a part). */
        public LocalServices services() {
            return services;
        }

        /**
         * A Kafka outage while everything else runs: stops the broker, waits {@code outage}, and starts it again on
         * the kept ports and log. The services ride it out on their own (the relay retries its batch, the projector
         * reconnects); the fault suite uses it to check that nothing is lost or applied twice.
         */
        public void interruptKafka(Duration outage) throws InterruptedException {
            kafka.close();
            log.warn("Kafka stopped for {} s", outage.toSeconds());
            Thread.sleep(outage.toMillis());
            kafka = LocalKafka.start(dataDir, LocalPorts.in(dataDir));
            log.warn("Kafka is back on {}", kafka.bootstrapServers());
        }

        void awaitClosed() {
            try {
                closedLatch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops the router, the services, Kafka, then PostgreSQL; safe to call twice. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                awaitClosed();
                return;
            }
            try {
                closeQuietly("router", router);
                closeQuietly("services", services);
                closeQuietly("kafka", kafka);
                closeQuietly("postgres", postgres);
                log.info("Flexboard stopped");
            } finally {
                closedLatch.countDown();
            }
        }

        private static void closeQuietly(String name, AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", name, e);
            }
        }
    }
}
