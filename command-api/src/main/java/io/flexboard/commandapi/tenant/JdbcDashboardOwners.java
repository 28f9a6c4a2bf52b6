package io.flexboard.commandapi.tenant;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Dashboard owners in {@code eventstore.dashboard_owners}, written in the creating command's transaction. */
@Component
class JdbcDashboardOwners implements DashboardOwners {

    private final JdbcTemplate jdbc;

    JdbcDashboardOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String dashboardId, String tenantId) {
        jdbc.update("insert into dashboard_owners (dashboard_id, tenant_id) values (?, ?)", dashboardId, tenantId);
    }

    @Override
    public Optional<String> tenantOf(String dashboardId) {
        return jdbc.queryForList("select tenant_id from dashboard_owners where dashboard_id = ?", String.class,
                dashboardId).stream().findFirst();
    }
}
