package io.flexboard.queryapi.agent;

import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads {@code readmodel.agents} with each agent's state; pages newest {@code last_seen} first by
 * (last_seen, agent_id), the order of agents_last_seen_idx.
 */
@Component
public class AgentReadModel {

    /*
     * The state rule, in order: an agent not seen within stale-after is stale whatever it last said
     * (its report is too old to vouch for anything); otherwise a failed last sync is an error; otherwise
     * it is synced when it runs the tenant's published version (0 while none is published), else pending.
     * $1 = tenant id, $2 = stale-after in seconds. The database clock decides "recently", as in
     * the sync status and the overview, so every endpoint draws the line at the same moment.
     */
    private static final String AGENTS = """
            select a.agent_id, a.agent_version, a.running_version, a.latest_version,
                   coalesce(p.version, 0)::bigint as published_version, a.sync_status, a.last_error, a.first_seen, a.last_seen,
                   case when a.last_seen < now() - make_interval(secs => $2) then 'stale'
                        when a.sync_status = 'error' then 'error'
                        when a.running_version = coalesce(p.version, 0) then 'synced'
                        else 'pending' end as state
              from agents a
              left join published_versions p on p.tenant_id = a.tenant_id
             where a.tenant_id = $1""";

    private final DatabaseClient db;

    public AgentReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's agents after the page's cursor, {@code fetchSize} of them, only those in {@code state} when given. */
    public Flux<AgentView> page(UUID tenantId, double staleAfterSeconds, AgentState state, PageRequest page) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId, staleAfterSeconds));
        StringBuilder sql = new StringBuilder("select * from (").append(AGENTS);
        if (page.hasCursor()) {
            After after = page.decodeCursor(AgentReadModel::after);
            parameters.add(OffsetDateTime.ofInstant(after.lastSeen(), ZoneOffset.UTC));
            parameters.add(after.agentId());
            sql.append(" and (a.last_seen, a.agent_id) < ($3, $4)");
        }
        sql.append(") agent");
        if (state != null) {
            parameters.add(state.wireName());
            sql.append(" where state = $").append(parameters.size());
        }
        parameters.add(page.fetchSize());
        sql.append(" order by last_seen desc, agent_id desc limit $").append(parameters.size());

        DatabaseClient.GenericExecuteSpec query = db.sql(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query = query.bind(i, parameters.get(i));
        }
        return query.map(AgentReadModel::agent).all();
    }

    /** The cursor of a page ending with this agent. */
    public static String cursorAfter(AgentView agent) {
        return PageRequest.cursorOf(agent.lastSeen(), agent.agentId());
    }

    private static After after(List<String> parts) {
        // The agent id is the agent's own text and may contain the cursor's separator: it is the rest.
        return new After(QueryParameters.required("cursor", parts.get(0), QueryParameters::instant),
                QueryParameters.required("cursor", String.join("|", parts.subList(1, parts.size())), QueryParameters::text));
    }

    private static AgentView agent(Readable row) {
        return new AgentView(
                row.get("agent_id", String.class),
                row.get("agent_version", String.class),
                row.get("running_version", Long.class),
                row.get("latest_version", Long.class),
                row.get("published_version", Long.class),
                row.get("sync_status", String.class),
                row.get("last_error", String.class),
                instant(row, "first_seen"),
                instant(row, "last_seen"),
                AgentState.of(row.get("state", String.class)));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record After(Instant lastSeen, String agentId) {
    }
}
