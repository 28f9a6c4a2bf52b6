package io.flexboard.agent.data.mongo;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;

/** PLACEHOLDER until its helper lands: replaced entirely. */
public final class MongoConnector implements Connector {

    public static MongoConnector open(DataSourceDefinition definition) {
        return new MongoConnector();
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        throw new ConnectorException(ConnectorException.Failure.REFUSED, "not built yet");
    }

    @Override
    public void close() {
    }
}
