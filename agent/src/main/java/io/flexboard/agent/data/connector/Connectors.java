package io.flexboard.agent.data.connector;

import io.flexboard.agent.data.file.FileConnector;
import io.flexboard.agent.data.jdbc.JdbcConnector;
import io.flexboard.agent.data.mongo.MongoConnector;
import io.flexboard.agent.data.rest.RestConnector;
import io.flexboard.agent.data.source.DataSourceDefinition;

/** Opens the connector for a data source's type: the one place that knows which class reads which type. */
public final class Connectors {

    private Connectors() {
    }

    /**
     * Builds the connector (its pool or client) without contacting the source: a source that is down at
     * start must not stop the agent, its widgets answer 502 until it is back.
     */
    public static Connector open(DataSourceDefinition definition) {
        return switch (definition.type()) {
            case SQLSERVER, POSTGRESQL, MYSQL -> JdbcConnector.open(definition);
            case REST_API -> RestConnector.open(definition);
            case CSV, EXCEL -> FileConnector.open(definition);
            case MONGODB -> MongoConnector.open(definition);
        };
    }
}
