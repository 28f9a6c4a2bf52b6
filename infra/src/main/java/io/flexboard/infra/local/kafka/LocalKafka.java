package io.flexboard.infra.local.kafka;

import io.flexboard.infra.local.config.LocalPorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, persistent single-node Kafka (KRaft, combined broker and controller) inside this JVM,
 * its log in {@code <data dir>/kafka}. The storage is formatted once; later starts reuse it.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers, Admin admin) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    public static LocalKafka start(Path dataDir, LocalPorts ports) {
        Path logDir = dataDir.resolve("kafka");
        int port = ports.port(LocalPorts.KAFKA);
        int controllerPort = ports.port(LocalPorts.KAFKA_CONTROLLER);
        Map<String, Object> config = brokerConfig(logDir, port, controllerPort);
        formatOnce(logDir);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        String bootstrapServers = "127.0.0.1:" + port;
        Admin admin = null;
        try {
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
            awaitReady(admin);
            log.info("Kafka on {}, log in {}", bootstrapServers, logDir);
            return new LocalKafka(server, bootstrapServers, admin);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
            }
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the broker answers a metadata request quickly, for the health check. */
    public boolean isUp() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Kafka check failed", e);
            return false;
        }
    }

    static Map<String, Object> brokerConfig(Path logDir, int port, int controllerPort) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, and one in-sync replica is enough.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "6");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "6");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller (this same process, restarted) still counts the dead broker's registration as
        // live until its heartbeat session runs out, and refuses the restarted broker's new one until then: with
        // Kafka's 9 s session every start after kill -9 took ~10 s longer. One node heartbeats to itself in-process,
        // so a short session costs nothing but a moment of fencing if the JVM stalls for 3 s (clients retry).
        config.put("broker.heartbeat.interval.ms", "1000");
        config.put("broker.session.timeout.ms", "3000");
        // Topics are declared by command-api; a typo must fail rather than create a stray topic.
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static void formatOnce(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            log.info("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka storage in " + logDir, e);
        }
    }

    private static void awaitReady(Admin admin) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka did not become ready within " + READY_TIMEOUT, last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        server.shutdown();
        server.awaitShutdown();
    }
}
