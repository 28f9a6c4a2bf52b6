package io.flexboard.commandapi.tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slug claims in {@code eventstore.tenant_slugs}. Runs inside the command's transaction, so a claim
 * exists exactly when the TenantCreatedEvent does; a concurrent claim of the same slug waits on
 * the primary key and then sees it taken.
 */
@Component
class JdbcTenantSlugs implements TenantSlugs {

    private final JdbcTemplate jdbc;

    JdbcTenantSlugs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String slug, String tenantId) {
        return jdbc.update("insert into tenant_slugs (slug, tenant_id) values (?, ?) on conflict do nothing",
                slug, tenantId) == 1;
    }
}
