package io.flexboard.foundation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    private static final AccessTokenKeys KEY = AccessTokenKeys.fromPem(AccessTokenKeys.generatedPem());
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final Caller ANN = Caller.user("5d2b1c1e-0000-4000-8000-000000000001", "ann@example.com", "Ann",
            Role.TENANT_ADMIN, Set.of("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001"));

    private final AccessTokens tokens = tokensAt(NOW);

    @Test
    void a_token_it_issued_verifies_as_the_same_caller() {
        Caller verified = tokens.verify(tokens.issue(ANN, Duration.ofSeconds(60)));

        assertThat(verified.id()).isEqualTo(ANN.id());
        assertThat(verified.email()).isEqualTo("ann@example.com");
        assertThat(verified.getName()).isEqualTo("ann@example.com");
        assertThat(verified.role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(verified.tenantIds()).containsExactly("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001");
        assertThat(verified.isAdminToken()).isFalse();
    }

    @Test
    void an_expired_token_is_refused() {
        String token = tokens.issue(ANN, Duration.ofSeconds(60));

        assertThatThrownBy(() -> tokensAt(NOW.plusSeconds(66)).verify(token))
                .isInstanceOf(InvalidAccessTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        AccessTokens other = new AccessTokens(AccessTokenKeys.fromPem(AccessTokenKeys.generatedPem()), "flexboard",
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> tokens.verify(other.issue(ANN, Duration.ofSeconds(60))))
                .isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void a_tampered_claim_breaks_the_signature() {
        String[] parts = tokens.issue(ANN, Duration.ofSeconds(60)).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("tenant-admin", "super-admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> tokens.verify(forged)).hasMessageContaining("signature");
    }

    @Test
    void the_none_algorithm_and_hmac_are_refused() {
        String[] parts = tokens.issue(ANN, Duration.ofSeconds(60)).split("\\.");
        for (String alg : new String[] {"none", "HS256"}) {
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"" + alg + "\",\"kid\":\"" + KEY.keyId() + "\"}").getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> tokens.verify(header + "." + parts[1] + "."))
                    .isInstanceOf(InvalidAccessTokenException.class).hasMessageContaining("not signed by");
        }
    }

    @Test
    void junk_and_huge_tokens_are_refused_without_echoing_them() {
        for (String junk : new String[] {"a.b.c", "e30.e30.", "!!.??.**", "x".repeat(20_000) + ".a.b"}) {
            assertThatThrownBy(() -> tokens.verify(junk)).isInstanceOf(InvalidAccessTokenException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(junk.substring(0, Math.min(5, junk.length()))));
        }
    }

    @Test
    void the_admin_token_never_looks_like_an_access_token() {
        assertThat(AccessTokens.looksLikeAccessToken("6b1f0c2a9d8e7f6a5b4c3d2e1f0a9b8c")).isFalse();
        assertThat(AccessTokens.looksLikeAccessToken(tokens.issue(ANN, Duration.ofSeconds(60)))).isTrue();
    }

    @Test
    void a_service_without_a_key_refuses_every_access_token() {
        AccessTokens none = new AccessTokens(null, "flexboard", Clock.systemUTC());

        assertThatThrownBy(() -> none.verify(tokens.issue(ANN, Duration.ofSeconds(60))))
                .hasMessageContaining("accepts no access tokens");
    }

    @Test
    void a_generated_key_file_is_kept_across_starts_and_published_as_a_jwk_set(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/jwt-signing-key.pem");

        AccessTokenKeys first = AccessTokenKeys.fromFile(file, true);
        AccessTokenKeys again = AccessTokenKeys.fromFile(file, true);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(first.jwkSet().toString()).contains("RS256", first.keyId()).doesNotContain("\"d\"");
        assertThatThrownBy(() -> AccessTokenKeys.fromFile(dir.resolve("missing.pem"), false))
                .hasMessageContaining("does not exist");
    }

    private static AccessTokens tokensAt(Instant now) {
        return new AccessTokens(KEY, "flexboard", Clock.fixed(now, ZoneOffset.UTC));
    }
}
