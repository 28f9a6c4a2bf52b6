package io.flexboard.commandapi.tenant;

import java.util.Optional;

import io.flexboard.commandapi.api.CommandMetadata;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Dashboard owners in {@code eventstore.dashboard_owners}, written in the creating command's transaction. */
@Component
class JdbcDashboardOwners implements DashboardOwners {

    private final JdbcTemplate jdbc;

    JdbcDashboardOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The creator is the command's signed-in user, read from the command's metadata here rather than passed by
     * the aggregate: who created a dashboard is an access-control fact, not one of the tenant's rules.
     */
    @Override
    public void register(String dashboardId, String tenantId) {
        Object createdBy = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData().get(CommandMetadata.ACTOR_ID) : null;
        jdbc.update("insert into dashboard_owners (dashboard_id, tenant_id, created_by) values (?, ?, ?)", dashboardId, tenantId,
                createdBy == null ? null : createdBy.toString());
    }

    @Override
    public Optional<Owner> ownerOf(String dashboardId) {
        return jdbc.query("select tenant_id, created_by from dashboard_owners where dashboard_id = ?",
                (row, i) -> new Owner(row.getString("tenant_id"), row.getString("created_by")), dashboardId).stream().findFirst();
    }

    @Override
    public Optional<String> tenantOf(String dashboardId) {
        return jdbc.queryForList("select tenant_id from dashboard_owners where dashboard_id = ?", String.class,
                dashboardId).stream().findFirst();
    }
}
