package io.flexboard.commandapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** What the single sign-on tests share: the service's set-up, a client, a tenant, and reading redirect URLs. */
final class SignInTests {

    static final String ADMIN_TOKEN = "test-admin-token";

    private SignInTests() {
    }

    /**
     * The real event store with a small pool (the cached contexts of the other tests already hold most of the
     * shared PostgreSQL's 100 connections), the admin token, and a generated key to sign access tokens with.
     */
    static void serviceProperties(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("flexboard.jwt.key-file", () -> dataDir.resolve("jwt-signing-key.pem").toString());
        registry.add("flexboard.jwt.generate-key", () -> "true");
    }

    static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A new tenant with this slug, created with the admin token; its id. */
    static String createTenant(WebTestClient http, String slug) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.post().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .bodyValue(Map.of("name", slug, "slug", slug))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) created.get("tenant")).get("id");
    }

    /** The parameters of a URL-encoded query or fragment ({@code a=1&b=2}), decoded. */
    static Map<String, String> parameters(String encoded) {
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
