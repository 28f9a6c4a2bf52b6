package io.flexboard.commandapi.user;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tenants as the command side knows them: every created tenant holds its slug claim in {@code tenant_slugs}. */
@Component
class JdbcKnownTenants implements KnownTenants {

    private final JdbcTemplate jdbc;

    JdbcKnownTenants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> unknown(Collection<String> tenantIds) {
        Set<String> unknown = new LinkedHashSet<>(tenantIds);
        if (!unknown.isEmpty()) {
            unknown.removeAll(jdbc.queryForList("select tenant_id from tenant_slugs where tenant_id = any(?::text[])",
                    String.class, "{" + String.join(",", tenantIds) + "}"));
        }
        return unknown;
    }
}
