package io.flexboard.projector.rebuild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A rebuild's own schema: created and migrated with the projector's own Flyway migrations (so its
 * tables are the live ones exactly), plus {@code rebuild_offsets}, where each batch stores the next
 * offset per partition in the batch's own transaction. Blocking: only the rebuild's thread calls it.
 */
@Component
class RebuildSchemas {

    /** Every schema name here comes from {@link Rebuild#schemaFor}; checked, since it is spliced into SQL. */
    private static final Pattern NAME = Pattern.compile("readmodel_rebuild_[0-9a-f]{32}");

    private final FlywayProperties flyway;
    private final DatabaseClient database;

    RebuildSchemas(FlywayProperties flyway, DatabaseClient database) {
        this.flyway = flyway;
        this.database = database;
    }

    /** Creates and migrates the schema, or finds it as a previous run left it (a resumed rebuild). */
    void prepare(String schema) {
        checked(schema);
        Flyway.configure()
                .dataSource(flyway.getUrl(), flyway.getUser(), flyway.getPassword())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(flyway.getLocations().toArray(String[]::new))
                .load()
                .migrate();
        database.sql("create table if not exists " + schema + ".rebuild_offsets ("
                        + " topic_partition int primary key, next_offset bigint not null)")
                .then().block();
        dropReadersIndexes(schema);
    }

    /**
     * Drops the rebuilt {@code event_history}'s secondary indexes. They serve only query-api's
     * audit-trail filters, which never read a rebuild's schema, and keeping four more b-trees in
     * step with a million inserted rows was the largest part of the database's work in a rebuild
     * (docs/PERFORMANCE.md, "Projection rebuild"). The switch-over compares and copies by primary
     * key, and the live table keeps its indexes. A resumed rebuild finds them dropped already.
     */
    private void dropReadersIndexes(String schema) {
        List<String> indexes = database.sql("""
                        select i.relname from pg_index x
                          join pg_class i on i.oid = x.indexrelid
                          join pg_class t on t.oid = x.indrelid
                          join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = :schema and t.relname = 'event_history' and not x.indisunique""")
                .bind("schema", schema)
                .map(row -> row.get("relname", String.class))
                .all().collectList().block();
        for (String index : indexes) {
            database.sql("drop index if exists " + schema + ".\"" + index + "\"").then().block();
        }
    }

    /** The stored next offset per partition (empty for a rebuild that has read nothing yet). */
    Map<Integer, Long> offsets(String schema) {
        Map<Integer, Long> offsets = new HashMap<>();
        database.sql("select topic_partition, next_offset from " + checked(schema) + ".rebuild_offsets")
                .map(row -> Map.entry(row.get("topic_partition", Integer.class), row.get("next_offset", Long.class)))
                .all()
                .doOnNext(entry -> offsets.put(entry.getKey(), entry.getValue()))
                .blockLast();
        return offsets;
    }

    /** Stores where newly assigned partitions start, so every later batch can advance them conditionally. */
    void seed(String schema, Map<TopicPartition, Long> beginnings) {
        beginnings.forEach((partition, offset) -> database.sql("insert into " + checked(schema)
                        + ".rebuild_offsets (topic_partition, next_offset) values (:partition, :offset) on conflict do nothing")
                .bind("partition", partition.partition())
                .bind("offset", offset)
                .then().block());
    }

    void drop(String schema) {
        database.sql("drop schema if exists " + checked(schema) + " cascade").then().block();
    }

    static String checked(String schema) {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a rebuild schema: " + schema);
        }
        return schema;
    }
}
