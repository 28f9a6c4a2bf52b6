package io.flexboard.agent.data.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL Server, PostgreSQL and MySQL/MariaDB: one pool per data source, built once, and a read that runs only a
 * single checked SELECT with every placeholder bound, on a read-only connection, within the source's timeout.
 */
public final class JdbcConnector implements Connector {

    private final JdbcSettings settings;
    private final HikariDataSource pool;
    private final JdbcFailures failures;

    private JdbcConnector(JdbcSettings settings, HikariDataSource pool, JdbcFailures failures) {
        this.settings = settings;
        this.pool = pool;
        this.failures = failures;
    }

    /**
     * Builds the pool without contacting the database. A definition that cannot make a JDBC URL gives a
     * connector whose reads are refused naming the field, so one bad entry only fails its own widgets.
     */
    public static Connector open(DataSourceDefinition definition) {
        JdbcSettings settings;
        try {
            settings = JdbcSettings.of(definition);
        } catch (ConnectorException misconfigured) {
            return new MisconfiguredConnector(misconfigured.getMessage());
        }
        return new JdbcConnector(settings, JdbcPool.open(settings), new JdbcFailures(settings, definition.secrets()));
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        String sql = request.query();
        if (sql == null || sql.isBlank()) {
            throw new ConnectorException(ConnectorException.Failure.REFUSED, "the widget has no SQL query");
        }
        List<SqlToken> tokens = SqlLexer.lex(settings.dialect(), sql);
        ReadOnlyStatement.check(sql, tokens);
        BoundStatement statement = SqlTemplate.parse(settings.dialect(), sql, tokens).bind(request.parameters());
        try (Connection connection = pool.getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            prepared.setQueryTimeout(settings.queryTimeoutSeconds());
            // One row past the cap tells whether the result was cut.
            prepared.setMaxRows(request.maxRows() >= Integer.MAX_VALUE - 1 ? 0 : request.maxRows() + 1);
            statement.bindTo(prepared);
            QueryResult result;
            try (ResultSet rows = prepared.executeQuery()) {
                result = ResultMapper.read(rows, request.maxRows());
            }
            if (!connection.getAutoCommit()) {
                // Nothing a read did is ever kept. On a failure the pool rolls back when the connection returns.
                connection.rollback();
            }
            return result;
        } catch (SQLException failure) {
            throw failures.classify(failure);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
