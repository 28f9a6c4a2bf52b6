package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;
import io.flexboard.agent.data.source.DataSourceType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** datasources.yml entries for the tests, as the loader hands them over (defaults filled in). */
final class DataSources {

    private DataSources() {
    }

    static DataSourceDefinition entry(String id, DataSourceType type, String host, Integer port, String database,
                                      String username, String password, Duration timeout, int poolSize) {
        return new DataSourceDefinition(id, id, type,
                new ConnectionSettings(host, port, database, username, password, null, null, Map.of()),
                new Options(false, timeout, poolSize), Path.of("."));
    }

    static DataSourceDefinition withUrl(String id, DataSourceType type, String url, String username, String password) {
        return new DataSourceDefinition(id, id, type,
                new ConnectionSettings(null, null, null, username, password, url, null, Map.of()),
                new Options(true, Options.DEFAULT_TIMEOUT, Options.DEFAULT_POOL_SIZE), Path.of("."));
    }

    /** The same entry with another timeout, pool size or password. */
    static DataSourceDefinition with(DataSourceDefinition entry, Duration timeout, int poolSize, String password) {
        ConnectionSettings connection = entry.connection();
        return entry(entry.id(), entry.type(), connection.host(), connection.port(), connection.database(),
                connection.username(), password, timeout, poolSize);
    }
}
