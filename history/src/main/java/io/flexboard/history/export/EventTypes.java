package io.flexboard.history.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The stable names of the event types in exports and in {@code --type}: the payload record's name without
 * {@code Event}, in snake_case ({@code VersionPublishedEvent} is {@code version_published}). Derived from the
 * envelope's payload union, so an event type added to the schemas gets its name without a change here.
 */
public final class EventTypes {

    private static final Map<String, String> NAMES_BY_SCHEMA = namesBySchema();

    private EventTypes() {
    }

    /** The name of a decoded payload's type (decoding resolves every payload into one of the union's types). */
    public static String nameOf(IndexedRecord payload) {
        return NAMES_BY_SCHEMA.get(payload.getSchema().getFullName());
    }

    /** Every type name, in the order of the payload union. */
    public static List<String> all() {
        return List.copyOf(NAMES_BY_SCHEMA.values());
    }

    static String snakeCase(String recordName) {
        String base = recordName.endsWith("Event") ? recordName.substring(0, recordName.length() - "Event".length()) : recordName;
        StringBuilder name = new StringBuilder(base.length() + 4);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Map<String, String> namesBySchema() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Schema type : EventEnvelope.getClassSchema().getField("payload").schema().getTypes()) {
            names.put(type.getFullName(), snakeCase(type.getName()));
        }
        return names;
    }
}
