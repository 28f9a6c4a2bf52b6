package io.flexboard.schemas.wire;

import java.util.ArrayList;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.agent.AgentSyncReport;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Tells Avro which classes it may instantiate when decoding. Avro 1.12 refuses any class outside
 * its own trusted set unless told; registering here (rather than with a JVM flag) keeps every
 * service and tool working however it is launched.
 */
public final class TrustedClasses {

    private static boolean schemasRegistered;

    private TrustedClasses() {
    }

    /** Trusts every class generated from Flexboard's schemas; safe to call more than once. */
    public static synchronized void registerFlexboardSchemas() {
        if (schemasRegistered) {
            return;
        }
        List<String> names = new ArrayList<>();
        collect(EventEnvelope.getClassSchema(), names);
        collect(AgentSyncReport.getClassSchema(), names);
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        names.forEach(builder::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), builder.build()));
        schemasRegistered = true;
    }

    /** Trusts further classes, such as a framework's metadata type that passes through Avro code. */
    public static synchronized void register(Class<?>... classes) {
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        for (Class<?> type : classes) {
            builder.add(type);
        }
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), builder.build()));
    }

    private static void collect(Schema schema, List<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!names.contains(schema.getFullName())) {
                    names.add(schema.getFullName());
                    schema.getFields().forEach(field -> collect(field.schema(), names));
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collect(type, names));
            case ARRAY -> collect(schema.getElementType(), names);
            case MAP -> collect(schema.getValueType(), names);
            default -> {
                // primitives need no trust
            }
        }
    }
}
