package io.flexboard.queryapi.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of query-api integration tests: the whole app on a random port against the test database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flexboard.admin-token=" + QueryApiIntegrationTest.ADMIN_TOKEN)
@AutoConfigureWebTestClient(timeout = "15s")
public abstract class QueryApiIntegrationTest {

    protected static final String ADMIN_TOKEN = "test-admin-token";
    protected static final String PROBLEMS = "https://flexboard.io/problems/";

    protected final ReadModelFixtures given = new ReadModelFixtures();

    @Autowired
    private WebTestClient anonymous;

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
