package io.flexboard.agent.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;
import io.flexboard.agent.data.source.DataSourceType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB connector against a real server, where {@code FLEXBOARD_TEST_MONGODB_URL} names one (this machine
 * has none). It writes a collection in the database {@code flexboard_test<FLEXBOARD_TEST_DB_SUFFIX>}.
 */
class MongoConnectorIntegrationTest {

    private static final String URL = System.getenv("FLEXBOARD_TEST_MONGODB_URL");
    private static final String DATABASE = "flexboard_test" + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");

    private MongoClient seeding;
    private MongoConnector connector;

    @BeforeEach
    void seed() {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(),
                "FLEXBOARD_TEST_MONGODB_URL is not set: no MongoDB server to read here");
        seeding = MongoClients.create(URL);
        MongoCollection<Document> orders = seeding.getDatabase(DATABASE).getCollection("orders");
        orders.drop();
        orders.insertMany(List.of(
                new Document("region", "North").append("total", new Decimal128(new BigDecimal("120.50"))).append("n", 1),
                new Document("region", "South").append("total", new Decimal128(new BigDecimal("80"))).append("n", 2),
                new Document("region", "North").append("total", new Decimal128(new BigDecimal("300"))).append("n", 3)));
        connector = MongoConnector.open(new DataSourceDefinition("orders-db", "Orders", DataSourceType.MONGODB,
                new ConnectionSettings(null, null, DATABASE, null, null, URL, null, null),
                new Options(false, Duration.ofSeconds(5), 3), Path.of(".")));
    }

    @AfterEach
    void drop() {
        if (seeding != null) {
            seeding.getDatabase(DATABASE).drop();
            seeding.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void a_find_with_a_bound_placeholder_reads_typed_rows() throws ConnectorException {
        QueryResult result = connector.read(DataRequest.query("""
                {"collection": "orders", "find": {"region": "{region}"}, "projection": {"_id": 0},
                 "sort": {"n": 1}}""", Map.of("region", "North"), 100));

        assertThat(result.columns()).containsExactly(new Column("region", "string"), new Column("total", "number"),
                new Column("n", "number"));
        assertThat(result.rows()).extracting(row -> row.get("total"))
                .containsExactly(new BigDecimal("120.50"), new BigDecimal("300"));
    }

    @Test
    void an_injection_value_matches_nothing_and_an_aggregate_is_capped_with_truncated() throws ConnectorException {
        QueryResult injected = connector.read(DataRequest.query(
                "{\"collection\": \"orders\", \"find\": {\"region\": \"{region}\"}}", Map.of("region", "{\"$ne\": null}"), 100));
        QueryResult grouped = connector.read(DataRequest.query("""
                {"collection": "orders", "aggregate": [{"$sort": {"n": 1}}, {"$project": {"_id": 0, "n": 1}}]}""",
                Map.of(), 2));

        assertThat(injected.rows()).isEmpty();
        assertThat(grouped.rows()).containsExactly(Map.of("n", 1), Map.of("n", 2));
        assertThat(grouped.truncated()).isTrue();
    }

    @Test
    void an_operator_the_server_does_not_know_is_refused_with_the_servers_reason() {
        ConnectorException failure = catchThrowableOfType(() -> connector.read(DataRequest.query(
                "{\"collection\": \"orders\", \"find\": {\"n\": {\"$bogus\": 1}}}", Map.of(), 10)), ConnectorException.class);

        assertThat(failure.failure()).isEqualTo(Failure.REFUSED);
        assertThat(failure.getMessage()).contains("$bogus");
    }
}
