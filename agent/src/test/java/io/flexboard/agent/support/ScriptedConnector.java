package io.flexboard.agent.support;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A data source whose answers the test decides, for the widget-data rules above the connectors (cache, single
 * flight, errors, HTTP). The connectors themselves are tested against real databases and servers.
 */
public final class ScriptedConnector implements Connector {

    /** What a read answers. */
    @FunctionalInterface
    public interface Script {
        QueryResult answer(DataRequest request) throws ConnectorException;
    }

    private final Script script;
    private final List<DataRequest> requests = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean closed;

    public ScriptedConnector(Script script) {
        this.script = script;
    }

    /** Rows {@code month, revenue} for every request. */
    public static ScriptedConnector salesByMonth() {
        return new ScriptedConnector(request -> new QueryResult(
                List.of(new QueryResult.Column("month", "string"), new QueryResult.Column("revenue", "number")),
                List.of(Map.of("month", "2026-01", "revenue", 1200), Map.of("month", "2026-02", "revenue", 900)), false));
    }

    /** Reads wait until {@link #open()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        requests.add(request);
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Failure.UNREACHABLE, "interrupted");
        }
        return script.answer(request);
    }

    public List<DataRequest> requests() {
        return requests;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
