package io.flexboard.agent.data.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoIterable;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.Redaction;
import io.flexboard.agent.data.connector.SchemalessRows;
import io.flexboard.agent.data.source.DataSourceDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Reads a {@code mongodb} data source with the official sync driver: one client (and its pool) per data
 * source, {@link MongoQuery find or aggregate} per widget, each row a document flattened by
 * {@link DocumentValues}, at most {@code maxRows} with {@code truncated}.
 *
 * <p>Failures: when no server answers within {@code options.timeout} (server selection timed out: nothing
 * listening, a wrong host, a firewall) the source is {@code UNREACHABLE}, not {@code TIMEOUT} — the honest
 * word when no server was reached at all; {@code TIMEOUT} is kept for a reached server whose query ran past
 * the timeout (maxTimeMS expired, or a socket read timed out). A refused login or a missing permission is
 * {@code UNREACHABLE} (the operator's credentials, as REST's 401/403); a query the server rejects, or a
 * stage that writes or runs code, is {@code REFUSED}. No message holds the password.
 */
public final class MongoConnector implements Connector {

    private static final Set<Integer> CREDENTIAL_ERRORS = Set.of(13, 18);

    private final Set<String> secrets;
    private final long timeoutMillis;
    private final MongoSettings settings;
    private final String misconfiguration;
    private final MongoClient client;

    private MongoConnector(DataSourceDefinition definition) {
        this.secrets = definition.secrets();
        this.timeoutMillis = definition.options().timeout().toMillis();
        MongoSettings built = null;
        String problem = null;
        try {
            built = MongoSettings.of(definition);
        } catch (IllegalArgumentException e) {
            problem = "data source " + definition.id() + ": " + e.getMessage();
        }
        this.settings = built;
        this.misconfiguration = problem;
        this.client = built == null ? null : MongoClients.create(built.client());
    }

    /** Builds the client; the driver connects in the background, so a source that is down does not stop this. */
    public static MongoConnector open(DataSourceDefinition definition) {
        return new MongoConnector(definition);
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        if (misconfiguration != null) {
            throw new ConnectorException(Failure.REFUSED, Redaction.redact(misconfiguration, secrets));
        }
        MongoQuery query = MongoQuery.parse(request.query(), request.parameters());
        MongoCollection<BsonDocument> collection = client.getDatabase(settings.database())
                .getCollection(query.collection(), BsonDocument.class);
        int fetch = request.maxRows() == Integer.MAX_VALUE ? Integer.MAX_VALUE : request.maxRows() + 1;
        try {
            List<BsonDocument> documents = fetched(iterable(collection, query, fetch), fetch);
            boolean truncated = documents.size() > request.maxRows();
            List<Map<String, Object>> records = new ArrayList<>();
            for (BsonDocument document : truncated ? documents.subList(0, request.maxRows()) : documents) {
                records.add(DocumentValues.record(document));
            }
            return SchemalessRows.of(records, truncated);
        } catch (MongoException e) {
            throw classified(e, query.collection());
        }
    }

    private MongoIterable<BsonDocument> iterable(MongoCollection<BsonDocument> collection, MongoQuery query, int fetch) {
        if (query.isAggregate()) {
            List<BsonDocument> pipeline = new ArrayList<>(query.pipeline());
            pipeline.add(new BsonDocument("$limit", new BsonInt32(fetch)));
            return collection.aggregate(pipeline).maxTime(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return collection.find(query.find() == null ? new BsonDocument() : query.find())
                .projection(query.projection())
                .sort(query.sort())
                .limit(query.limit() == null ? fetch : Math.min(query.limit(), fetch))
                .maxTime(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static List<BsonDocument> fetched(MongoIterable<BsonDocument> iterable, int fetch) {
        List<BsonDocument> documents = new ArrayList<>();
        try (MongoCursor<BsonDocument> cursor = iterable.batchSize(Math.min(fetch, 1_000)).iterator()) {
            while (cursor.hasNext() && documents.size() < fetch) {
                documents.add(cursor.next());
            }
        }
        return documents;
    }

    private ConnectorException classified(MongoException e, String collection) {
        if (e instanceof MongoTimeoutException) {
            return failure(Failure.UNREACHABLE, "no MongoDB server at " + settings.servers() + " answered within "
                    + timeoutMillis + " ms", e);
        }
        if (e instanceof MongoExecutionTimeoutException || e instanceof MongoSocketReadTimeoutException) {
            return failure(Failure.TIMEOUT, "MongoDB did not answer the read of " + collection + " within "
                    + timeoutMillis + " ms", e);
        }
        if (e instanceof MongoSecurityException security) {
            return failure(Failure.UNREACHABLE, "MongoDB at " + settings.servers() + " refused the login of "
                    + userOf(security), e);
        }
        if (e instanceof MongoCommandException command) {
            if (CREDENTIAL_ERRORS.contains(command.getErrorCode())) {
                return failure(Failure.UNREACHABLE, "MongoDB refused the credentials for reading " + collection + " ("
                        + command.getErrorCodeName() + ")", e);
            }
            return failure(Failure.REFUSED, "MongoDB refused the query on " + collection + ": "
                    + command.getErrorMessage(), e);
        }
        return failure(Failure.UNREACHABLE, "the read of " + collection + " on " + settings.servers() + " failed: "
                + e.getMessage(), e);
    }

    private String userOf(MongoSecurityException e) {
        return e.getCredential() == null || e.getCredential().getUserName() == null
                ? "its user" : "user " + e.getCredential().getUserName();
    }

    private ConnectorException failure(Failure failure, String message, Throwable cause) {
        return new ConnectorException(failure, Redaction.redact(message, secrets), cause);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
