package io.flexboard.commandapi.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.foundation.text.StorableText;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before any command reaches the aggregate, text the read side cannot store: PostgreSQL's
 * {@code text} and {@code jsonb} refuse NUL (U+0000), an unpaired UTF-16 surrogate has no UTF-8
 * form (the driver would silently store '?'), {@code jsonb} has no infinite numbers, and a deeply
 * nested config costs every reader a deep recursion. Checked in every string and object key of
 * every command, widget configs at any depth included, so a new command field is covered too.
 *
 * <p>A pure syntax check, one place for all commands (docs/command-api.md); the domain's rules stay
 * in the aggregate. Fields are named as in the request body, e.g. {@code widgets[2].config.chartConfig.colors[1]}.
 */
public final class StorableInput implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Containers nested in one body: a widget's config is at level 4, so it may nest 8 levels itself. */
    public static final int MAX_DEPTH = 12;
    /** The request bodies' naming: command fields are named as the builder sends them. */
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        List<FieldViolation> found = violations(unitOfWork.getMessage().getPayload());
        if (!found.isEmpty()) {
            throw new InvalidCommandException(found);
        }
        return chain.proceed();
    }

    /** Every field of the command (or any request object) holding text PostgreSQL cannot store as sent. */
    public static List<FieldViolation> violations(Object command) {
        List<FieldViolation> found = new ArrayList<>();
        walk(SNAKE_CASE.valueToTree(command), "", 1, found);
        return found;
    }

    private static void walk(JsonNode node, String at, int depth, List<FieldViolation> found) {
        if (node.isContainer() && depth > MAX_DEPTH) {
            found.add(new FieldViolation(at, "nests deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String key = property.getKey();
                String field = at.isEmpty() ? readable(key) : at + "." + readable(key);
                String keyProblem = problemOf(key);
                if (keyProblem != null) {
                    found.add(new FieldViolation(field, "has a key that " + keyProblem));
                }
                walk(property.getValue(), field, depth + 1, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]", depth + 1, found);
            }
        } else if (node.isString()) {
            String problem = problemOf(node.stringValue());
            if (problem != null) {
                found.add(new FieldViolation(at, problem));
            }
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            found.add(new FieldViolation(at, "must be a finite number"));
        }
    }

    /** Why PostgreSQL could not store the text as it is, or null when it can (the foundation's one rule). */
    static String problemOf(String text) {
        return StorableText.problem(text).orElse(null);
    }

    /** A key as it can appear in a field name of a problem: NUL and lone surrogates escaped. */
    private static String readable(String key) {
        if (problemOf(key) == null) {
            return key;
        }
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            escaped.append(c == '\u0000' || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }
}
