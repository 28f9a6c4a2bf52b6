package io.flexboard.queryapi.datasource;

import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads the union of the data sources the tenant's agents report ({@code readmodel.agent_data_sources}),
 * paged by (id, type). One id reported with two types by two agents is two entries: both are true somewhere.
 */
@Component
class DataSourceReadModel {

    /*
     * Agents send their set only when it changes, so "last reported" is the newest sync of an agent that holds
     * the source (agents.last_seen), not when the set was sent; the set's own time stands in without an agents row.
     */
    private static final String DATA_SOURCES = """
            select d.data_source_id, d.type, count(*) as agents,
                   max(greatest(s.reported_at, coalesce(a.last_seen, s.reported_at))) as last_reported_at
              from agent_data_sources d
              join agent_data_source_sets s on s.tenant_id = d.tenant_id and s.agent_id = d.agent_id
              left join agents a on a.tenant_id = d.tenant_id and a.agent_id = d.agent_id
             where d.tenant_id = $1""";

    private final DatabaseClient db;

    public DataSourceReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's reported data sources after the page's cursor, in (id, type) order. */
    public Flux<DataSourceView> page(UUID tenantId, PageRequest page) {
        StringBuilder sql = new StringBuilder(DATA_SOURCES);
        DatabaseClient.GenericExecuteSpec query;
        if (page.hasCursor()) {
            After after = page.decodeCursor(DataSourceReadModel::after);
            sql.append(" and (d.data_source_id, d.type) > ($2, $3) group by 1, 2 order by 1, 2 limit $4");
            query = db.sql(sql.toString()).bind(0, tenantId).bind(1, after.id()).bind(2, after.type()).bind(3, page.fetchSize());
        } else {
            sql.append(" group by 1, 2 order by 1, 2 limit $2");
            query = db.sql(sql.toString()).bind(0, tenantId).bind(1, page.fetchSize());
        }
        return query.map(DataSourceReadModel::dataSource).all();
    }

    /** The cursor of a page ending with this data source. */
    public static String cursorAfter(DataSourceView source) {
        return PageRequest.cursorOf(source.type(), source.id());
    }

    private static After after(List<String> parts) {
        // The type comes first: it never holds the separator, the id is the rest.
        return new After(QueryParameters.required("cursor", String.join("|", parts.subList(1, parts.size())), QueryParameters::text),
                QueryParameters.required("cursor", parts.get(0), QueryParameters::text));
    }

    private static DataSourceView dataSource(Readable row) {
        return new DataSourceView(row.get("data_source_id", String.class), row.get("type", String.class),
                row.get("agents", Long.class), row.get("last_reported_at", OffsetDateTime.class).toInstant());
    }

    private record After(String id, String type) {
    }
}
