package io.flexboard.agent.data.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Turns BSON into the values {@link io.flexboard.agent.data.connector.SchemalessRows} types: an ObjectId is
 * its hex text, a date an {@link Instant} (ISO text, {@code datetime}), Decimal128 a BigDecimal, a nested
 * document or array a Map or List whose own values are already JSON-ready (dates as ISO text).
 */
final class DocumentValues {

    private DocumentValues() {
    }

    static Map<String, Object> record(BsonDocument document) {
        Map<String, Object> record = new LinkedHashMap<>();
        document.forEach((name, value) -> record.put(name, value(value, true)));
        return record;
    }

    private static Object value(BsonValue value, boolean topLevel) {
        return switch (value.getBsonType()) {
            case NULL, UNDEFINED -> null;
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> {
                double number = value.asDouble().getValue();
                // JSON has no NaN or infinity: shown as text rather than dropped.
                yield Double.isFinite(number) ? (Object) number : Double.toString(number);
            }
            case DECIMAL128 -> {
                Decimal128 decimal = value.asDecimal128().getValue();
                yield decimal.isNaN() || decimal.isInfinite() ? decimal.toString() : decimal.bigDecimalValue();
            }
            case BOOLEAN -> value.asBoolean().getValue();
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case DATE_TIME -> {
                Instant instant = Instant.ofEpochMilli(value.asDateTime().getValue());
                yield topLevel ? instant : instant.toString();
            }
            case TIMESTAMP -> {
                Instant instant = Instant.ofEpochSecond(value.asTimestamp().getTime());
                yield topLevel ? instant : instant.toString();
            }
            case DOCUMENT -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                value.asDocument().forEach((name, element) -> nested.put(name, value(element, false)));
                yield nested;
            }
            case ARRAY -> {
                List<Object> nested = new ArrayList<>();
                value.asArray().forEach(element -> nested.add(value(element, false)));
                yield nested;
            }
            case BINARY -> {
                byte subType = value.asBinary().getType();
                byte[] data = value.asBinary().getData();
                yield subType == BsonBinarySubType.UUID_STANDARD.getValue() && data.length == 16
                        ? value.asBinary().asUuid().toString()
                        : Base64.getEncoder().encodeToString(data);
            }
            case SYMBOL -> value.asSymbol().getSymbol();
            case REGULAR_EXPRESSION -> "/" + value.asRegularExpression().getPattern() + "/"
                    + value.asRegularExpression().getOptions();
            case JAVASCRIPT -> value.asJavaScript().getCode();
            case JAVASCRIPT_WITH_SCOPE -> value.asJavaScriptWithScope().getCode();
            case DB_POINTER -> value.asDBPointer().getId().toHexString();
            case MIN_KEY -> "MinKey";
            case MAX_KEY -> "MaxKey";
            default -> value.toString();
        };
    }
}
