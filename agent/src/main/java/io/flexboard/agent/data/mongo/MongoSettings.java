package io.flexboard.agent.data.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoNamespace;
import com.mongodb.ServerAddress;

import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver's settings for a {@code mongodb} data source: from {@code connection.url} (a mongodb:// or
 * mongodb+srv:// connection string) or from host/port/database/username/password, the password handed to
 * the driver as a {@link MongoCredential} (never put into a connection string, where it would need escaping
 * and could be echoed). Every wait — server selection, connect, socket read, a pooled connection — is
 * bounded by {@code options.timeout}; {@code poolSize} is the pool's maximum (it wins over the URL's).
 * Credentials given as fields authenticate against {@code connection.database}, as a connection string's
 * would; users kept elsewhere are written in the url with {@code authSource}.
 *
 * @param client   the driver's settings
 * @param database the database widgets read: {@code connection.database}, else the url's
 * @param servers  where the source is, for messages
 */
record MongoSettings(MongoClientSettings client, String database, String servers) {

    static final int DEFAULT_PORT = 27017;

    /** @throws IllegalArgumentException naming the field at fault, never its value */
    static MongoSettings of(DataSourceDefinition definition) {
        ConnectionSettings connection = definition.connection();
        long timeoutMillis = definition.options().timeout().toMillis();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applicationName("flexboard-agent");
        String database = connection.database();
        String servers;
        if (connection.url() != null && !connection.url().isBlank()) {
            ConnectionString url;
            try {
                url = new ConnectionString(connection.url().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("connection.url is not a mongodb:// connection string");
            }
            builder.applyConnectionString(url);
            database = database != null ? database : url.getDatabase();
            servers = String.join(",", url.getHosts());
            if (url.getCredential() == null && connection.username() != null) {
                builder.credential(credential(connection, database));
            }
        } else {
            if (connection.host() == null || connection.host().isBlank()) {
                throw new IllegalArgumentException("connection.host or connection.url is required");
            }
            ServerAddress address = new ServerAddress(connection.host(),
                    connection.port() == null ? DEFAULT_PORT : connection.port());
            builder.applyToClusterSettings(cluster -> cluster.hosts(List.of(address)));
            servers = address.toString();
            if (connection.username() != null) {
                builder.credential(credential(connection, database));
            }
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("connection.database (or a database in connection.url) is required");
        }
        try {
            MongoNamespace.checkDatabaseNameValidity(database);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection.database is not a valid MongoDB database name");
        }
        builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeoutMillis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(definition.options().poolSize())
                        .maxWaitTime(timeoutMillis, TimeUnit.MILLISECONDS));
        if (definition.options().ssl()) {
            builder.applyToSslSettings(ssl -> ssl.enabled(true));
        }
        return new MongoSettings(builder.build(), database, servers);
    }

    private static MongoCredential credential(ConnectionSettings connection, String database) {
        char[] password = connection.password() == null ? new char[0] : connection.password().toCharArray();
        return MongoCredential.createCredential(connection.username(), database == null ? "admin" : database, password);
    }
}
