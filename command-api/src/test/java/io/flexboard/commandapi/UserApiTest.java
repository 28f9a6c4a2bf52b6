package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import io.flexboard.schemas.wire.EventEnvelopeDeserializer;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Users and sign-in against the real event store and broker: a super-admin creates a user, the user signs
 * in and acts as themselves, the events name them; every hostile variant answers the problem it should.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UserApiTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final String PASSWORD = "correct horse battery";
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("flexboard.jwt.key-file", () -> dataDir.resolve("jwt-signing-key.pem").toString());
        registry.add("flexboard.jwt.generate-key", () -> "true");
        registry.add("flexboard.users.bcrypt-strength", () -> "4");
        registry.add("flexboard.auth.free-failures-per-email", () -> "3");
        // Every test signs in from 127.0.0.1: the per-client limit has its own unit test (LoginThrottleTest).
        registry.add("flexboard.auth.free-failures-per-client", () -> "1000");
    }

    WebTestClient http;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    void client(int port) {
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void a_user_created_by_the_admin_signs_in_and_their_events_name_them() {
        String tenantId = createTenant();
        String email = "Ann." + shortId() + "@Example.com";
        Map<String, Object> user = createUser(email, "tenant-admin", List.of(tenantId));
        assertThat(user).containsEntry("email", email).containsEntry("role", "tenant-admin")
                .containsEntry("tenant_ids", List.of(tenantId)).doesNotContainKey("password");
        String userId = (String) user.get("id");

        Map<String, Object> tokens = login(email.toLowerCase(), PASSWORD);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 60);
        String accessToken = (String) tokens.get("access_token");
        http.post().uri("/api/tenants/{id}/dashboards", tenantId).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .bodyValue(Map.of("name", "Sales", "slug", "sales")).exchange().expectStatus().isCreated();

        List<EventEnvelope> userEvents = eventsOf(userId, 1);
        assertThat(userEvents.get(0).getPayload()).isInstanceOf(UserCreatedEvent.class);
        assertThat(userEvents.get(0).getActor()).isEqualTo("admin");
        assertThat(userEvents.get(0).getActorId()).as("the admin token is nobody in particular").isNull();
        EventEnvelope dashboardCreated = eventsOf(tenantId, 3).get(2);
        assertThat(dashboardCreated.getPayload()).isInstanceOf(DashboardCreatedEvent.class);
        assertThat(dashboardCreated.getActorId()).isEqualTo(userId);
        assertThat(dashboardCreated.getActorEmail()).isEqualTo(email.strip());
        assertThat(dashboardCreated.getActor()).isEqualTo(email.strip());
        // The hash is only in the command side's table: never in an event's bytes.
        String hash = jdbc.queryForObject("select password_hash from user_accounts where user_id = ?", String.class, userId);
        assertThat(hash).startsWith("$2");
        assertThat(jdbc.queryForList("select payload from domainevententry where aggregateidentifier = ?", byte[].class, userId))
                .allSatisfy(payload -> assertThat(new String(payload, StandardCharsets.ISO_8859_1)).doesNotContain(hash, PASSWORD));
    }

    @Test
    void a_sign_in_answers_the_same_for_an_unknown_email_a_wrong_password_and_a_disabled_user() {
        String email = "bob." + shortId() + "@example.com";
        String userId = (String) createUser(email, "super-admin", List.of()).get("id");
        disable(userId);

        String unknownEmail = problemOfLogin("nobody." + shortId() + "@example.com", PASSWORD);
        String wrongPassword = problemOfLogin("carol." + shortId() + "@example.com", "wrong password!!");
        String disabled = problemOfLogin(email, PASSWORD);

        assertThat(unknownEmail).isEqualTo(wrongPassword).isEqualTo(disabled).contains("The email or password is not right");
    }

    @Test
    void repeated_failures_for_one_email_are_slowed_down_with_retry_after() {
        String email = "dave." + shortId() + "@example.com";
        createUser(email, "viewer", List.of(createTenant()));
        for (int i = 0; i < 4; i++) {
            http.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "guess number " + i))
                    .exchange().expectStatus().isUnauthorized();
        }

        http.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/rate-limited");
    }

    @Test
    void a_refresh_token_is_used_once_and_its_replay_ends_every_session_of_the_user() {
        String email = "erin." + shortId() + "@example.com";
        createUser(email, "viewer", List.of(createTenant()));
        String first = (String) login(email, PASSWORD).get("refresh_token");

        Map<String, Object> refreshed = refresh(first, 200);
        assertThat(refreshed.get("access_token")).isNotNull();
        refresh(first, 401);

        refresh((String) refreshed.get("refresh_token"), 401);
    }

    @Test
    void a_disabled_users_refresh_is_refused() {
        String email = "frank." + shortId() + "@example.com";
        String userId = (String) createUser(email, "viewer", List.of(createTenant())).get("id");
        String refreshToken = (String) login(email, PASSWORD).get("refresh_token");

        disable(userId);

        refresh(refreshToken, 401);
    }

    @Test
    void only_a_super_admin_manages_users() {
        String tenantId = createTenant();
        String email = "gina." + shortId() + "@example.com";
        createUser(email, "tenant-admin", List.of(tenantId));
        String token = (String) login(email, PASSWORD).get("access_token");

        http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(Map.of("email", "x" + shortId() + "@example.com", "name", "X", "role", "super-admin", "tenant_ids", List.of()))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/forbidden");
    }

    @Test
    void a_change_and_a_disable_are_events_and_an_unknown_or_tenants_id_answers_404() {
        String tenantId = createTenant();
        String userId = (String) createUser("hal." + shortId() + "@example.com", "viewer", List.of(tenantId)).get("id");

        admin(http.patch().uri("/api/users/{id}", userId)).bodyValue(Map.of("name", "Hal 9000", "role", "dashboard-editor"))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Consistency-Token", userId + ":1")
                .expectBody().jsonPath("$.name").isEqualTo("Hal 9000").jsonPath("$.role").isEqualTo("dashboard-editor")
                .jsonPath("$.tenant_ids[0]").isEqualTo(tenantId);
        disable(userId);
        assertThat(eventsOf(userId, 3).stream().map(e -> (Object) e.getPayload().getClass()).toList())
                .containsExactly(UserCreatedEvent.class, UserChangedEvent.class, UserDisabledEvent.class);

        admin(http.patch().uri("/api/users/{id}", UUID.randomUUID())).bodyValue(Map.of("name", "Nobody"))
                .exchange().expectStatus().isNotFound();
        admin(http.delete().uri("/api/users/{id}", tenantId)).exchange().expectStatus().isNotFound();
        admin(http.delete().uri("/api/users/{id}", "not-a-uuid")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("userId");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, tenantId))
                .as("the tenant's stream was not extended by a user command").isEqualTo(2L);
        admin(http.post().uri("/api/tenants/{id}/pause", userId)).bodyValue(Map.of()).exchange().expectStatus().isNotFound();
        admin(http.post().uri("/api/tenants/{id}/dashboards", userId)).bodyValue(Map.of("name", "X", "slug", "x"))
                .exchange().expectStatus().isNotFound();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, userId))
                .as("the user's stream was not extended by a tenant command").isEqualTo(3L);
    }

    @Test
    void roles_are_checked_before_the_aggregate_and_another_tenant_answers_404() {
        String own = createTenant();
        String other = createTenant();
        String otherDashboard = dashboard(ADMIN_TOKEN, other, "others");
        String tenantAdmin = tokenOf("tenant-admin", own);
        String editor = tokenOf("dashboard-editor", own);
        String secondEditor = tokenOf("dashboard-editor", own);
        String viewer = tokenOf("viewer", own);

        String editorsDashboard = dashboard(editor, own, "mine");
        String adminsDashboard = dashboard(tenantAdmin, own, "admins");
        as(editor, http.put().uri("/api/dashboards/{id}/widgets", editorsDashboard)).bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isOk();
        as(secondEditor, http.put().uri("/api/dashboards/{id}/widgets", editorsDashboard)).bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isForbidden();
        as(editor, http.put().uri("/api/dashboards/{id}/widgets", adminsDashboard)).bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isForbidden();
        as(tenantAdmin, http.put().uri("/api/dashboards/{id}/widgets", editorsDashboard)).bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isOk();
        as(viewer, http.post().uri("/api/tenants/{id}/dashboards", own)).bodyValue(Map.of("name", "V", "slug", "v"))
                .exchange().expectStatus().isForbidden();
        as(editor, http.post().uri("/api/tenants/{id}/versions", own)).bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();
        as(tenantAdmin, http.post().uri("/api/tenants/{id}/versions", own)).bodyValue(Map.of())
                .exchange().expectStatus().isCreated();
        as(tenantAdmin, http.post().uri("/api/tenants")).bodyValue(Map.of("name", "Mine", "slug", "mine-" + shortId()))
                .exchange().expectStatus().isForbidden();
        as(tenantAdmin, http.post().uri("/api/tenants/{id}/pause", own)).bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();

        for (String token : List.of(tenantAdmin, editor, viewer)) {
            as(token, http.post().uri("/api/tenants/{id}/dashboards", other)).bodyValue(Map.of("name", "X", "slug", "x"))
                    .exchange().expectStatus().isNotFound();
            as(token, http.put().uri("/api/dashboards/{id}/widgets", otherDashboard)).bodyValue(Map.of("widgets", List.of()))
                    .exchange().expectStatus().isNotFound();
            as(token, http.post().uri("/api/tenants/{id}/versions", other)).bodyValue(Map.of())
                    .exchange().expectStatus().isNotFound();
        }
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, other))
                .as("nothing reached the other tenant").isEqualTo(3L);
        assertThat(jdbc.queryForObject("select created_by from dashboard_owners where dashboard_id = ?", String.class, otherDashboard))
                .as("the admin token is nobody in particular").isNull();
    }

    @Test
    void hostile_user_bodies_are_refused_naming_the_field() {
        admin(http.post().uri("/api/users")).bodyValue(Map.of("email", "a@b", "name", "x".repeat(201), "role", "root",
                        "tenant_ids", List.of("not-a-uuid")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/validation-failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("email", "name", "role", "tenant_ids[0]"));
        admin(http.post().uri("/api/users")).bodyValue(Map.of("email", "short@example.com", "name", "Short", "password", "tiny",
                        "role", "super-admin", "tenant_ids", List.of()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        admin(http.post().uri("/api/users")).bodyValue(Map.of("email", "long@example.com", "name", "Long", "password",
                        "é".repeat(40), "role", "super-admin", "tenant_ids", List.of()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        admin(http.post().uri("/api/users")).bodyValue(Map.of("email", "foreign@example.com", "name", "F", "role", "viewer",
                        "tenant_ids", List.of(UUID.randomUUID().toString())))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tenant_ids[0]");
        http.post().uri("/api/auth/login").bodyValue(Map.of("email", "x@example.com"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        http.get().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void concurrent_creations_of_one_email_in_different_cases_leave_one_user() throws Exception {
        String email = "ivy." + shortId() + "@example.com";
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            attempts.add(() -> admin(http.post().uri("/api/users")).bodyValue(Map.of("email", spelling, "name", "Ivy",
                    "role", "super-admin", "tenant_ids", List.of())).exchange().returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(6);
        try {
            for (var result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from user_accounts where email_key = ?", Long.class, email))
                .isEqualTo(1L);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Signs in a new user of this role in the tenant. */
    private String tokenOf(String role, String tenantId) {
        String email = role + "." + shortId() + "@example.com";
        createUser(email, role, List.of(tenantId));
        return (String) login(email, PASSWORD).get("access_token");
    }

    private String dashboard(String token, String tenantId, String slug) {
        return (String) as(token, http.post().uri("/api/tenants/{id}/dashboards", tenantId))
                .bodyValue(Map.of("name", slug, "slug", slug))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S as(String token, S spec) {
        spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return spec;
    }

    private String createTenant() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = admin(http.post().uri("/api/tenants"))
                .bodyValue(Map.of("name", "Acme", "slug", "acme-" + shortId()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) created.get("tenant")).get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createUser(String email, String role, List<String> tenantIds) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "name", "Test user", "password", PASSWORD,
                "role", role, "tenant_ids", tenantIds));
        return admin(http.post().uri("/api/users")).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void disable(String userId) {
        admin(http.delete().uri("/api/users/{id}", userId)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.is_active").isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> login(String email, String password) {
        return http.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String problemOfLogin(String email, String password) {
        return http.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("\"(instance|correlation_id|timestamp)\":\"[^\"]*\"", "");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> refresh(String refreshToken, int status) {
        return http.post().uri("/api/auth/refresh").bodyValue(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S admin(S spec) {
        spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN);
        return spec;
    }

    /** The stream's first {@code expected} events on the topic. */
    private List<EventEnvelope> eventsOf(String streamId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(streamId)) {
                        found.add(new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, record.value()));
                    }
                }
            }
        }
        assertThat(found).as("events of %s", streamId).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
