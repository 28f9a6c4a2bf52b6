package io.flexboard.agent.data.mongo;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;
import org.bson.types.Decimal128;

/**
 * A widget's MongoDB read, parsed from {@code dataSource.query}:
 * {@code {"collection": "orders", "find": {…}, "projection": {…}, "sort": {…}, "limit": n}} or
 * {@code {"collection": "orders", "aggregate": [ … ]}} (MongoDB Extended JSON).
 *
 * <p>Placeholders are whole JSON strings {@code "{region}"} anywhere in find, projection, sort or the
 * pipeline, replaced by a BSON value of the parameter's type (String → string, BigDecimal → Decimal128,
 * LocalDate → date at UTC midnight, List → array): a value is data in the document tree, never text spliced
 * into JSON, so {@code {"$ne": null}} as a value stays a string. A string merely containing braces (a regex's
 * {@code \d{3}}) is left alone. Stages and operators that write or run code are refused wherever they appear.
 */
record MongoQuery(String collection, BsonDocument find, BsonDocument projection, BsonDocument sort, Integer limit,
                  List<BsonDocument> pipeline) {

    private static final Set<String> KEYS = Set.of("collection", "find", "projection", "sort", "limit", "aggregate");
    /** Write stages and server-side JavaScript: a widget only reads, and never runs code on the customer's server. */
    private static final Set<String> FORBIDDEN = Set.of("$out", "$merge", "$where", "$function", "$accumulator");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

    boolean isAggregate() {
        return pipeline != null;
    }

    static MongoQuery parse(String json, Map<String, Object> parameters) throws ConnectorException {
        if (json == null || json.isBlank()) {
            throw refused("is missing: give {\"collection\": …, \"find\": {…}} or {\"collection\": …, \"aggregate\": […]}");
        }
        BsonDocument root;
        try {
            root = BsonDocument.parse(json);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw refused("is not a JSON object (" + e.getMessage() + ")");
        }
        for (String key : root.keySet()) {
            if (!KEYS.contains(key)) {
                throw refused("has an unknown key \"" + key + "\" (known: collection, find, projection, sort, limit, aggregate)");
            }
        }
        refuseWritesAndCode(root, "query");
        String collection = collection(root.get("collection"));
        if (root.containsKey("aggregate")) {
            if (root.containsKey("find") || root.containsKey("projection") || root.containsKey("sort")
                    || root.containsKey("limit")) {
                throw refused("has both \"aggregate\" and find's keys: an aggregate sorts and limits in its pipeline");
            }
            return new MongoQuery(collection, null, null, null, null, pipeline(root.get("aggregate"), parameters));
        }
        return new MongoQuery(collection,
                document(root, "find", parameters),
                document(root, "projection", parameters),
                document(root, "sort", parameters),
                limit(root.get("limit")),
                null);
    }

    private static String collection(BsonValue value) throws ConnectorException {
        if (value == null || !value.isString() || value.asString().getValue().isBlank()) {
            throw refused("needs \"collection\": the name of the collection to read");
        }
        String name = value.asString().getValue();
        if (name.startsWith("system.") || name.indexOf('$') >= 0 || name.indexOf('\0') >= 0) {
            throw refused("names collection " + name + ", which a widget may not read");
        }
        return name;
    }

    private static BsonDocument document(BsonDocument root, String key, Map<String, Object> parameters)
            throws ConnectorException {
        BsonValue value = root.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isDocument()) {
            throw refused("\"" + key + "\" must be a JSON object");
        }
        return bound(value, parameters).asDocument();
    }

    private static List<BsonDocument> pipeline(BsonValue value, Map<String, Object> parameters) throws ConnectorException {
        if (!value.isArray()) {
            throw refused("\"aggregate\" must be an array of stages");
        }
        List<BsonDocument> stages = new ArrayList<>();
        for (BsonValue stage : value.asArray()) {
            if (!stage.isDocument()) {
                throw refused("\"aggregate\" must hold stages, JSON objects");
            }
            stages.add(bound(stage, parameters).asDocument());
        }
        return stages;
    }

    private static Integer limit(BsonValue value) throws ConnectorException {
        if (value == null) {
            return null;
        }
        if (!(value.isInt32() || value.isInt64()) || value.asNumber().longValue() < 1
                || value.asNumber().longValue() > Integer.MAX_VALUE) {
            throw refused("\"limit\" must be a whole number of documents, 1 or more");
        }
        return value.asNumber().intValue();
    }

    private static void refuseWritesAndCode(BsonValue value, String where) throws ConnectorException {
        if (value.getBsonType() == BsonType.JAVASCRIPT || value.getBsonType() == BsonType.JAVASCRIPT_WITH_SCOPE) {
            throw refused("holds JavaScript code in " + where + ", which a widget may not run");
        }
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                if (FORBIDDEN.contains(entry.getKey())) {
                    throw refused("uses " + entry.getKey() + ", which writes or runs code: a widget only reads");
                }
                refuseWritesAndCode(entry.getValue(), entry.getKey());
            }
        } else if (value.isArray()) {
            for (BsonValue element : value.asArray()) {
                refuseWritesAndCode(element, where);
            }
        }
    }

    /** A copy of the tree with every whole-string placeholder replaced; keys are never touched. */
    private static BsonValue bound(BsonValue value, Map<String, Object> parameters) throws ConnectorException {
        if (value.isString()) {
            Matcher placeholder = PLACEHOLDER.matcher(value.asString().getValue());
            return placeholder.matches() ? bson(placeholder.group(1), parameters) : value;
        }
        if (value.isDocument()) {
            BsonDocument copy = new BsonDocument();
            for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                copy.put(entry.getKey(), bound(entry.getValue(), parameters));
            }
            return copy;
        }
        if (value.isArray()) {
            BsonArray copy = new BsonArray();
            for (BsonValue element : value.asArray()) {
                copy.add(bound(element, parameters));
            }
            return copy;
        }
        return value;
    }

    private static BsonValue bson(String name, Map<String, Object> parameters) throws ConnectorException {
        Object value = parameters.get(name);
        if (value == null) {
            throw new ConnectorException(Failure.REFUSED, "the MongoDB query uses {" + name
                    + "} but the widget gives no value for it");
        }
        return bson(name, value);
    }

    private static BsonValue bson(String name, Object value) throws ConnectorException {
        if (value instanceof String text) {
            return new BsonString(text);
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return new BsonDecimal128(new Decimal128(decimal));
            } catch (NumberFormatException e) {
                throw new ConnectorException(Failure.REFUSED, "the value of {" + name
                        + "} does not fit a Decimal128 (at most 34 digits)");
            }
        }
        if (value instanceof LocalDate date) {
            return new BsonDateTime(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }
        if (value instanceof List<?> values) {
            BsonArray array = new BsonArray();
            for (Object element : values) {
                array.add(bson(name, element));
            }
            return array;
        }
        throw new ConnectorException(Failure.REFUSED, "the value of {" + name + "} is neither text, a number nor a date");
    }

    private static ConnectorException refused(String why) {
        return new ConnectorException(Failure.REFUSED, "the MongoDB query " + why);
    }
}
