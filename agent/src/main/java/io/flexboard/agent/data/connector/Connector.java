package io.flexboard.agent.data.connector;

/**
 * One open data source: built once when its definition is loaded (a JDBC pool, an HTTP client, a Mongo
 * client…), asked many times from many threads, closed when its definition changes or goes away.
 * Implementations never put a credential in an exception message.
 */
public interface Connector extends AutoCloseable {

    /**
     * Reads rows for one widget. Placeholders ({@code {field}}) in the request's text are always bound
     * from {@link DataRequest#parameters()}, never spliced into a statement.
     *
     * @throws ConnectorException classified as refused (422), unreachable (502) or timed out (504)
     */
    QueryResult read(DataRequest request) throws ConnectorException;

    /** Frees pools and clients; reads still running may fail as unreachable. */
    @Override
    void close();
}
