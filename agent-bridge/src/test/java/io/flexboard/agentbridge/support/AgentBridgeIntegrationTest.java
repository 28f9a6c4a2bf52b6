package io.flexboard.agentbridge.support;

import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.AgentBridgeApplication;
import io.flexboard.agentbridge.publish.PublishListener;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Base of agent-bridge integration tests: the whole app on a random port against the test database and a
 * real in-process Kafka broker. Tests reuse the same API keys for fresh tenants, so the key cache is off,
 * and they sync far more than an agent would, so the rate limits are out of reach (RateLimitTest and
 * FleetRateLimitTest set their own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "flexboard.api-keys.cache-ttl=0s",
        "flexboard.api-keys.miss-ttl=0s",
        "flexboard.sync.rate-limit.key.capacity=1000000",
        "flexboard.sync.rate-limit.key.refill=1000000",
        "flexboard.sync.rate-limit.agent.capacity=1000000",
        "flexboard.sync.rate-limit.agent.refill=1000000",
        "flexboard.sync.rate-limit.anonymous.capacity=1000000",
        "flexboard.sync.rate-limit.anonymous.refill=1000000",
        "flexboard.sync.max-wait=5s",
        "flexboard.sync.heartbeat=1s",
        "flexboard.sync-reports.heartbeat=1s",
        "flexboard.sync.reconnect-max-backoff=1s",
        "flexboard.instance-id=bridge-under-test"})
@EmbeddedKafka(partitions = 6, topics = Topics.AGENT_SYNCS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class AgentBridgeIntegrationTest {

    protected static final String PROBLEMS = "https://flexboard.io/problems/";
    protected static final String ACME_KEY = "fbk_acme_0123456789abcdef";
    protected static final String GLOBEX_KEY = "fbk_globex_fedcba9876543210";

    protected final SyncFixtures given = new SyncFixtures();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    protected WebTestClient client;
    /** For requests that park: same one-connection-per-request policy as {@link #client}. */
    protected WebClient asyncClient;

    @Autowired
    protected MeterRegistry meters;
    @Autowired
    protected PublishListener publishListener;

    /**
     * A client that opens a new connection per request: the tests send requests the server answers
     * without reading their body (413, 415), and a pooled keep-alive connection reused right after
     * such an answer could sit unanswered, failing a later, unrelated test by timeout.
     */
    @LocalServerPort
    void client(int port) {
        client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        asyncClient = asyncClient(port);
    }

    /** A WebClient to a bridge on {@code port} that opens a new connection per request. */
    protected static WebClient asyncClient(int port) {
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.ensureCreated();
        registry.add("spring.r2dbc.url", TestDatabase::r2dbcUrl);
        registry.add("spring.r2dbc.username", TestDatabase::user);
    }

    @BeforeEach
    void emptyReadModels() {
        given.clear();
    }

    @AfterEach
    void closeReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
        replicas.clear();
    }

    /**
     * Another bridge replica on the test database and the given broker, started here rather than as a
     * second test context (switching test contexts would pause the shared one); closed after the test.
     */
    protected ConfigurableApplicationContext startReplica(String kafkaBootstrapServers, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.r2dbc.url=" + TestDatabase.r2dbcUrl(),
                "--spring.r2dbc.username=" + TestDatabase.user(),
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.jmx.enabled=false"));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(AgentBridgeApplication.class).run(args.toArray(String[]::new));
        replicas.add(replica);
        return replica;
    }

    /** The HTTP port a replica listens on. */
    protected static int portOf(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** POST /api/agent/sync, not yet sent: subscribe to send it; any status is a value, not an error. */
    protected static Mono<ResponseEntity<String>> syncLater(WebClient client, String apiKey, String json) {
        return client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchangeToMono(response -> response.toEntity(String.class));
    }

    protected Mono<ResponseEntity<String>> syncLater(String apiKey, String json) {
        return syncLater(asyncClient, apiKey, json);
    }

    /** The sync body of an agent of {@code tenant} on {@code currentVersion} that may wait {@code waitSeconds}. */
    protected static String longPoll(UUID tenant, long currentVersion, long waitSeconds) {
        return "{\"tenant_id\": \"" + tenant + "\", \"current_version\": " + currentVersion
                + ", \"agent_version\": \"2.0.0\", \"wait_seconds\": " + waitSeconds + "}";
    }

    /** Waits until this bridge listens for publishes (it connects in the background after start). */
    protected void awaitListening() {
        await().atMost(Duration.ofSeconds(20)).until(publishListener::isConnected);
    }

    protected double parkedSyncs() {
        return meters.get("flexboard.agentbridge.waiters").gauge().value();
    }

    protected double counted(String name) {
        return meters.get(name).counter().count();
    }

    /** POST /api/agent/sync with the given key and raw JSON body. */
    protected WebTestClient.ResponseSpec sync(String apiKey, String json) {
        return client.post().uri("/api/agent/sync")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
