package io.flexboard.queryapi.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import java.time.Duration;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of query-api integration tests: the whole app on a random port against the test database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flexboard.admin-token=" + QueryApiIntegrationTest.ADMIN_TOKEN,
                // No broker in these tests: the lag monitor samples once at start and then keeps quiet.
                "spring.kafka.bootstrap-servers=127.0.0.1:1", "flexboard.ops.lag.interval=1h", "flexboard.ops.lag.timeout=500ms",
                // The gauges' count reads tenants, agents and published_versions: run alongside a test's
                // truncate of those tables it can deadlock with it. Tests count by calling refresh().
                "flexboard.metrics.active-tenants.first-count-after=1h", "flexboard.metrics.active-tenants.interval=1h",
                // The tests' histories are short: a checkpoint every 4 events makes their states and diffs
                // fold on from checkpoints, as a long history's do.
                "flexboard.history.checkpoints.every=4"})
public abstract class QueryApiIntegrationTest {

    protected static final String ADMIN_TOKEN = "test-admin-token";
    protected static final String PROBLEMS = "https://flexboard.io/problems/";

    protected final ReadModelFixtures given = new ReadModelFixtures();

    private WebTestClient anonymous;

    /**
     * A client that opens a new connection per request: the tests send requests the server answers
     * without reading their body (413, 405), and a pooled keep-alive connection reused right after
     * such an answer could sit unanswered, failing a later, unrelated test by timeout.
     */
    @LocalServerPort
    void client(int port) {
        anonymous = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
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

    /** A client that authenticates as the builder. */
    protected WebTestClient builder() {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).build();
    }

    protected WebTestClient anonymous() {
        return anonymous;
    }
}
