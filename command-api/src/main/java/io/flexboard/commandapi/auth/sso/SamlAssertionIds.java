package io.flexboard.commandapi.auth.sso;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SAML assertion IDs already used, in {@code eventstore.saml_assertion_ids} until the assertion expires, so
 * every replica refuses a replayed assertion (SAML 2.0 profiles, 4.1.4.5: one use per assertion).
 */
@Component
class SamlAssertionIds {

    private final JdbcTemplate jdbc;

    SamlAssertionIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an ID is presented; false ever after, until it expires (then it is refused as expired). */
    boolean firstUse(String assertionId, Instant expiresAt) {
        jdbc.update("delete from saml_assertion_ids where assertion_id in "
                + "(select assertion_id from saml_assertion_ids where expires_at < now() limit 100)");
        return jdbc.update("insert into saml_assertion_ids (assertion_id, expires_at) values (?, ?) on conflict do nothing",
                assertionId, Timestamp.from(expiresAt)) == 1;
    }
}
