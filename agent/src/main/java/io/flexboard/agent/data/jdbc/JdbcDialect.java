package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.source.DataSourceType;

/**
 * What differs between the three SQL servers the agent reads: the driver, the URL scheme, the default port,
 * and the lexical forms a statement may use. The statement check and the placeholder binding both read the
 * SQL with these rules, so they agree with the server on where a literal, a comment or a name ends.
 */
enum JdbcDialect {
    SQLSERVER(1433, "com.microsoft.sqlserver.jdbc.SQLServerDriver", "jdbc:sqlserver:"),
    POSTGRESQL(5432, "org.postgresql.Driver", "jdbc:postgresql:"),
    // MariaDB Connector/J speaks to MySQL servers too; MySQL's own driver is GPL.
    MYSQL(3306, "org.mariadb.jdbc.Driver", "jdbc:mariadb:");

    private final int defaultPort;
    private final String driverClassName;
    private final String scheme;

    JdbcDialect(int defaultPort, String driverClassName, String scheme) {
        this.defaultPort = defaultPort;
        this.driverClassName = driverClassName;
        this.scheme = scheme;
    }

    static JdbcDialect of(DataSourceType type) {
        return switch (type) {
            case SQLSERVER -> SQLSERVER;
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
            default -> throw new IllegalArgumentException("not a JDBC data source type: " + type.yamlName());
        };
    }

    int defaultPort() {
        return defaultPort;
    }

    String driverClassName() {
        return driverClassName;
    }

    /** The prefix a {@code connection.url} of this type starts with. */
    String scheme() {
        return scheme;
    }

    /** PostgreSQL and SQL Server let block comments nest; MySQL ends one at the first {@code * /}. */
    boolean nestsBlockComments() {
        return this != MYSQL;
    }

    /** MySQL: {@code # comment}, and {@code --} starts a comment only when a space or control character follows. */
    boolean isMySql() {
        return this == MYSQL;
    }

    /** PostgreSQL: {@code $tag$…$tag$} strings and {@code E'…'} strings with backslash escapes. */
    boolean isPostgreSql() {
        return this == POSTGRESQL;
    }

    /** T-SQL: {@code [bracketed]} names. */
    boolean isSqlServer() {
        return this == SQLSERVER;
    }
}
