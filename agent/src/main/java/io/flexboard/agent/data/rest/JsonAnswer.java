package io.flexboard.agent.data.rest;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.SchemalessRows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Reads rows out of an API's JSON answer: the answer itself, or the value at a JSON Pointer, must be an
 * array of objects. Anything else is refused: the widget asks for something this API does not give.
 */
final class JsonAnswer {

    private JsonAnswer() {
    }

    static QueryResult rows(byte[] body, String path, int maxRows, String described) throws ConnectorException {
        JsonNode answer;
        try {
            answer = AgentJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ConnectorException(Failure.REFUSED, "the answer to " + described + " is not JSON");
        }
        if (answer == null || answer.isMissingNode()) {
            throw new ConnectorException(Failure.REFUSED, "the answer to " + described + " is empty, not JSON");
        }
        String where = "the answer to " + described;
        JsonNode rows = answer;
        if (path != null && !path.isEmpty()) {
            where = "the answer's " + path;
            rows = answer.at(pointer(path));
            if (rows.isMissingNode()) {
                throw new ConnectorException(Failure.REFUSED,
                        "the answer to " + described + " has nothing at path " + path);
            }
        }
        if (!rows.isArray()) {
            throw new ConnectorException(Failure.REFUSED,
                    where + " is " + kind(rows) + ", not an array of rows (set path to where the rows are)");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            JsonNode row = rows.get(index);
            if (!row.isObject()) {
                throw new ConnectorException(Failure.REFUSED,
                        "row " + (index + 1) + " of " + where + " is " + kind(row) + ", not an object");
            }
            if (records.size() < maxRows) {
                records.add(record(row));
            }
        }
        return SchemalessRows.of(records, rows.size() > maxRows);
    }

    private static JsonPointer pointer(String path) throws ConnectorException {
        try {
            return JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(Failure.REFUSED, "the path " + path + " is not a JSON Pointer such as /data/items");
        }
    }

    private static Map<String, Object> record(JsonNode row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : row.properties()) {
            record.put(property.getKey(), value(property.getValue()));
        }
        return record;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return AgentJson.MAPPER.treeToValue(node, Object.class);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not a value";
        };
    }
}
