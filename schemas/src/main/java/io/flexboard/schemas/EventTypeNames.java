package io.flexboard.schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The stable names of the event types, the one place they are made: the payload record's name without
 * {@code Event}, in snake_case ({@code VersionPublishedEvent} is {@code version_published}). Derived from the
 * envelope's payload union, so an event type added to the schemas gets its name without a change here. Exports,
 * their {@code --type} filter, {@code event_history.event_type} and the audit trail's {@code type} filter all use
 * these names: a contract with analysts, so a payload record is never renamed.
 */
public final class EventTypeNames {

    private static final Map<String, String> NAMES_BY_SCHEMA = namesBySchema();

    private EventTypeNames() {
    }

    /** The name of a payload's type; a payload always is one of the union's types (decoding resolves it into one). */
    public static String of(IndexedRecord payload) {
        return of(payload.getSchema());
    }

    /** The name of one of the payload union's record types. */
    public static String of(Schema payloadType) {
        String name = NAMES_BY_SCHEMA.get(payloadType.getFullName());
        if (name == null) {
            throw new IllegalArgumentException(payloadType.getFullName() + " is not a type of EventEnvelope's payload union");
        }
        return name;
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
