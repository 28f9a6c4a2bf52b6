package io.flexboard.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.identity.AccessTokenKeys;
import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Role;
import io.flexboard.schemas.wire.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operating the projector (rebuilds, quarantines) is a super-admin's alone (issue 14's matrix found that any
 * signed-in person's token opened it): every other role is refused with 403 before a handler runs, so none of
 * them starts a rebuild, even of its own tenant.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OpsAccessTest extends ProjectorIntegrationTest {

    private static final Path KEY_FILE = keyFile();
    private static final AccessTokens TOKENS = new AccessTokens(AccessTokenKeys.fromFile(KEY_FILE, true), "flexboard",
            Clock.systemUTC());
    private static final String TENANT = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void accessTokens(DynamicPropertyRegistry registry) {
        registry.add("flexboard.jwt.key-file", KEY_FILE::toString);
    }

    @Test
    void a_tenant_admin_an_editor_and_a_viewer_may_neither_read_nor_start_rebuilds_or_decide_quarantines() {
        String before = rebuilds();
        for (Role role : List.of(Role.TENANT_ADMIN, Role.DASHBOARD_EDITOR, Role.VIEWER)) {
            String token = tokenOf(role);
            http.post().uri("/api/ops/rebuilds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}")
                    .exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/forbidden");
            http.get().uri("/api/ops/rebuilds").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isForbidden();
            http.get().uri("/api/ops/quarantines").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isForbidden();
            http.post().uri("/api/ops/quarantines/" + TENANT + "/skip").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"actor\":\"eve\",\"reason\":\"x\"}")
                    .exchange().expectStatus().isForbidden();
        }
        assertThat(rebuilds()).as("the rebuilds after the refusals").isEqualTo(before);
    }

    private String rebuilds() {
        return http.get().uri("/api/ops/rebuilds").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void a_signed_in_super_admin_operates_the_projector_like_the_admin_token() {
        http.get().uri("/api/ops/quarantines").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(Role.SUPER_ADMIN))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/ops/rebuilds").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(Role.SUPER_ADMIN))
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"read_models\":[\"no-such-read-model\"]}")
                .exchange().expectStatus().isBadRequest();
    }

    private static String tokenOf(Role role) {
        Set<String> tenants = role == Role.SUPER_ADMIN ? Set.of() : Set.of(TENANT);
        return TOKENS.issue(Caller.user(UUID.randomUUID().toString(), role.wireName() + "@ops.example", role.wireName(), role,
                tenants), Duration.ofMinutes(1));
    }

    private static Path keyFile() {
        try {
            return Files.createTempDirectory("projector-jwt").resolve("jwt-signing-key.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
