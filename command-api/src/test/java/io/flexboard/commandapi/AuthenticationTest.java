package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Who reaches command-api's commands (issue 11, scenario 1): on today's main {@code POST /%61pi/tenants}
 * without a token created a tenant. Every spelling of a command path answers 401 (or 404 where no route
 * matches) and stores no event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AuthenticationTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final String PROBLEMS = "https://flexboard.io/problems/";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
    }

    @Autowired
    JdbcTemplate jdbc;

    WebTestClient http;
    int port;

    /** A new connection per request: an answer sent before its body was read must not spoil the next request. */
    @LocalServerPort
    void client(int port) {
        this.port = port;
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @ParameterizedTest(name = "{0} {1} without a token answers {2} and stores nothing")
    @CsvSource({
            "POST, /%61pi/tenants, 401",
            "POST, /api;x/tenants, 401",
            "POST, /api/tenants;x, 401",
            "POST, /api/%74enants, 401",
            "POST, //api/tenants, 404",
            "POST, /API/tenants, 404",
            "POST, /api/tenants/, 404",
            "POST, /api/nothing-here, 404"})
    void a_spelling_of_a_command_path_without_a_token_creates_no_tenant(String method, String path, int status) {
        long eventsBefore = storedEvents();

        http.method(HttpMethod.valueOf(method)).uri(URI.create("http://localhost:" + port + path))
                .header("X-Consistency-Token", "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10:99")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Intruder", "slug", "intruder"))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.api_key").doesNotExist();

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void an_unauthenticated_command_gets_401_with_www_authenticate_bearer() {
        http.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "X", "slug", "x"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/tenants");
    }

    @Test
    void a_route_that_does_not_exist_answers_404_authenticated() {
        http.post().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void the_encoded_path_with_the_admin_token_is_the_same_command_as_the_plain_one() {
        http.post().uri(URI.create("http://localhost:" + port + "/%61pi/tenants"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Encoded", "slug", "encoded-" + System.nanoTime()))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void health_with_a_consistency_token_answers_at_once() {
        http.get().uri("/health").header("X-Consistency-Token", "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10:99").exchange()
                .expectStatus().is2xxSuccessful();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
