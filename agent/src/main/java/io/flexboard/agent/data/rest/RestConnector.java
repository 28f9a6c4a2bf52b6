package io.flexboard.agent.data.rest;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;

/** PLACEHOLDER until its helper lands: replaced entirely. */
public final class RestConnector implements Connector {

    public static RestConnector open(DataSourceDefinition definition) {
        return new RestConnector();
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        throw new ConnectorException(ConnectorException.Failure.REFUSED, "not built yet");
    }

    @Override
    public void close() {
    }
}
