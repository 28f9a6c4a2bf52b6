package io.flexboard.agent.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** A widget's MongoDB query: its shape, placeholder binding as BSON values, and what is refused. */
class MongoQueryTest {

    private static ConnectorException refusal(String json, Map<String, Object> parameters) {
        ConnectorException failure = catchThrowableOfType(() -> MongoQuery.parse(json, parameters),
                ConnectorException.class);
        assertThat(failure).as(json).isNotNull();
        assertThat(failure.failure()).as(json).isEqualTo(Failure.REFUSED);
        return failure;
    }

    @Test
    void a_find_query_gives_its_collection_filter_projection_sort_and_limit() throws ConnectorException {
        MongoQuery query = MongoQuery.parse("""
                {"collection": "orders", "find": {"status": "open"}, "projection": {"_id": 0, "total": 1},
                 "sort": {"total": -1}, "limit": 20}""", Map.of());

        assertThat(query.isAggregate()).isFalse();
        assertThat(query.collection()).isEqualTo("orders");
        assertThat(query.find()).isEqualTo(BsonDocument.parse("{\"status\": \"open\"}"));
        assertThat(query.projection()).isEqualTo(BsonDocument.parse("{\"_id\": 0, \"total\": 1}"));
        assertThat(query.sort()).isEqualTo(BsonDocument.parse("{\"total\": -1}"));
        assertThat(query.limit()).isEqualTo(20);
    }

    @Test
    void placeholders_become_bson_values_of_the_parameters_type() throws ConnectorException {
        MongoQuery query = MongoQuery.parse("""
                {"collection": "orders", "find": {"region": "{region}", "total": {"$gte": "{min}"},
                 "day": {"$gte": "{from}"}, "status": {"$in": "{statuses}"}}}""",
                Map.of("region", "North", "min", new BigDecimal("100.50"), "from", LocalDate.of(2026, 3, 1),
                        "statuses", List.of("open", "late")));

        BsonDocument find = query.find();
        assertThat(find.get("region")).isEqualTo(new BsonString("North"));
        assertThat(find.getDocument("total").get("$gte")).isEqualTo(new BsonDecimal128(Decimal128.parse("100.50")));
        assertThat(find.getDocument("day").get("$gte")).isEqualTo(new BsonDateTime(1_772_323_200_000L));
        assertThat(find.getDocument("status").get("$in"))
                .isEqualTo(new BsonArray(List.of(new BsonString("open"), new BsonString("late"))));
    }

    @Test
    void an_injection_attempt_as_a_value_stays_one_string() throws ConnectorException {
        for (String hostile : List.of("{\"$ne\": null}", "\", \"$where\": \"sleep(1000)", "{other}", "$gt")) {
            MongoQuery query = MongoQuery.parse("{\"collection\": \"orders\", \"find\": {\"region\": \"{region}\"}}",
                    Map.of("region", hostile, "other", "bound twice"));

            assertThat(query.find()).as(hostile).isEqualTo(new BsonDocument("region", new BsonString(hostile)));
        }
    }

    @Test
    void keys_and_strings_merely_holding_braces_are_left_as_written() throws ConnectorException {
        MongoQuery query = MongoQuery.parse("""
                {"collection": "orders", "find": {"{region}": 1, "code": {"$regex": "^[A-Z]{3}$"},
                 "note": "about {region}"}}""", Map.of("region", "North"));

        assertThat(query.find()).isEqualTo(BsonDocument.parse(
                "{\"{region}\": 1, \"code\": {\"$regex\": \"^[A-Z]{3}$\"}, \"note\": \"about {region}\"}"));
    }

    @Test
    void an_aggregate_binds_placeholders_inside_its_stages() throws ConnectorException {
        MongoQuery query = MongoQuery.parse("""
                {"collection": "orders", "aggregate": [
                  {"$match": {"region": {"$in": ["{region}", "West"]}}},
                  {"$group": {"_id": "$month", "revenue": {"$sum": "$total"}}},
                  {"$sort": {"_id": 1}}]}""", Map.of("region", "North"));

        assertThat(query.isAggregate()).isTrue();
        assertThat(query.pipeline()).hasSize(3);
        assertThat(query.pipeline().get(0)).isEqualTo(
                BsonDocument.parse("{\"$match\": {\"region\": {\"$in\": [\"North\", \"West\"]}}}"));
    }

    @Test
    void a_placeholder_without_a_value_is_refused_naming_it() {
        assertThat(refusal("{\"collection\": \"orders\", \"find\": {\"region\": \"{region}\"}}", Map.of()))
                .hasMessageContaining("{region}");
    }

    @Test
    void stages_and_operators_that_write_or_run_code_are_refused_wherever_they_stand() {
        Map<String, String> hostile = Map.of(
                "{\"collection\": \"o\", \"aggregate\": [{\"$match\": {}}, {\"$out\": \"copy\"}]}", "$out",
                "{\"collection\": \"o\", \"aggregate\": [{\"$merge\": {\"into\": \"copy\"}}]}", "$merge",
                "{\"collection\": \"o\", \"find\": {\"$where\": \"this.a > 1\"}}", "$where",
                "{\"collection\": \"o\", \"find\": {\"$and\": [{\"a\": 1}, {\"$where\": \"sleep(1)\"}]}}", "$where",
                "{\"collection\": \"o\", \"find\": {\"$expr\": {\"$function\": {\"body\": \"x\", \"args\": [], \"lang\": \"js\"}}}}",
                "$function",
                "{\"collection\": \"o\", \"aggregate\": [{\"$group\": {\"_id\": 1, \"x\": {\"$accumulator\": {}}}}]}",
                "$accumulator",
                "{\"collection\": \"o\", \"aggregate\": [{\"$lookup\": {\"from\": \"p\", \"pipeline\": [{\"$out\": \"z\"}], \"as\": \"p\"}}]}",
                "$out",
                "{\"collection\": \"o\", \"find\": {\"a\": {\"$code\": \"function() { return 1; }\"}}}", "JavaScript");
        hostile.forEach((json, operator) -> assertThat(refusal(json, Map.of())).hasMessageContaining(operator));
    }

    @Test
    void a_malformed_query_is_refused_saying_what_is_wrong() {
        Map<String, String> malformed = Map.of(
                "", "missing",
                "{\"collection\": ", "not a JSON object",
                "{\"find\": {}}", "\"collection\"",
                "{\"collection\": \"system.users\"}", "system.users",
                "{\"collection\": \"o\", \"filter\": {}}", "unknown key \"filter\"",
                "{\"collection\": \"o\", \"find\": [1]}", "\"find\" must be a JSON object",
                "{\"collection\": \"o\", \"aggregate\": {\"$match\": {}}}", "array of stages",
                "{\"collection\": \"o\", \"aggregate\": [], \"limit\": 3}", "both",
                "{\"collection\": \"o\", \"limit\": 0}", "\"limit\"",
                "{\"collection\": \"o\", \"limit\": \"ten\"}", "\"limit\"");
        malformed.forEach((json, why) -> assertThat(refusal(json, Map.of())).hasMessageContaining(why));
    }

    @Test
    void a_number_too_long_for_decimal128_is_refused_naming_the_parameter() {
        assertThat(refusal("{\"collection\": \"o\", \"find\": {\"n\": \"{n}\"}}",
                Map.of("n", new BigDecimal("1234567890123456789012345678901234567.5"))))
                .hasMessageContaining("{n}");
    }
}
