package io.flexboard.agent.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;
import io.flexboard.agent.data.connector.SchemalessRows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** MongoDB documents as the viewer's rows: every BSON value JSON-ready, each column typed. */
class DocumentValuesTest {

    private static final ObjectId ID = new ObjectId("65f1c0ffee0000000000abcd");
    private static final long MARCH_FIRST = 1_772_323_200_000L;

    @Test
    void a_document_becomes_a_row_of_json_ready_values_with_typed_columns() {
        UUID uuid = UUID.fromString("0b6a4f5e-8a4e-4d2c-9f0e-1c2d3e4f5a6b");
        BsonDocument order = new BsonDocument()
                .append("_id", new BsonObjectId(ID))
                .append("placed", new BsonDateTime(MARCH_FIRST))
                .append("total", new BsonDecimal128(Decimal128.parse("1234.50")))
                .append("items", new BsonInt32(3))
                .append("weight", new BsonDouble(2.5))
                .append("views", new BsonInt64(9_000_000_000L))
                .append("paid", BsonBoolean.TRUE)
                .append("note", BsonNull.VALUE)
                .append("customer", new BsonDocument("name", new BsonString("Ada"))
                        .append("since", new BsonDateTime(MARCH_FIRST)).append("ref", new BsonObjectId(ID)))
                .append("tags", new BsonArray(List.of(new BsonString("a"), new BsonInt32(1))))
                .append("token", new BsonBinary(uuid))
                .append("ratio", new BsonDouble(Double.NaN));

        QueryResult result = SchemalessRows.of(List.of(DocumentValues.record(order)), false);

        assertThat(result.columns()).containsExactly(new Column("_id", "string"), new Column("placed", "datetime"),
                new Column("total", "number"), new Column("items", "number"), new Column("weight", "number"),
                new Column("views", "number"), new Column("paid", "boolean"), new Column("note", "string"),
                new Column("customer", "json"), new Column("tags", "json"), new Column("token", "string"),
                new Column("ratio", "string"));
        Map<String, Object> row = result.rows().get(0);
        assertThat(row).containsEntry("_id", "65f1c0ffee0000000000abcd")
                .containsEntry("placed", "2026-03-01T00:00:00Z")
                .containsEntry("total", new BigDecimal("1234.50"))
                .containsEntry("items", 3).containsEntry("weight", 2.5).containsEntry("views", 9_000_000_000L)
                .containsEntry("paid", true).containsEntry("note", null)
                .containsEntry("customer", Map.of("name", "Ada", "since", "2026-03-01T00:00:00Z",
                        "ref", "65f1c0ffee0000000000abcd"))
                .containsEntry("tags", List.of("a", 1))
                .containsEntry("token", uuid.toString())
                .containsEntry("ratio", "NaN");
    }

    @Test
    void documents_with_different_fields_give_every_row_every_column() {
        QueryResult result = SchemalessRows.of(List.of(
                DocumentValues.record(new BsonDocument("a", new BsonInt32(1))),
                DocumentValues.record(new BsonDocument("b", new BsonString("x")))), true);

        assertThat(result.columns()).containsExactly(new Column("a", "number"), new Column("b", "string"));
        assertThat(result.rows().get(1)).containsEntry("a", null).containsEntry("b", "x");
        assertThat(result.truncated()).isTrue();
    }
}
