package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;

/** Stands for a JDBC entry whose connection settings make no URL: every read is refused with the reason. */
final class MisconfiguredConnector implements Connector {

    private final String reason;

    MisconfiguredConnector(String reason) {
        this.reason = reason;
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        throw new ConnectorException(ConnectorException.Failure.REFUSED, reason);
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}
