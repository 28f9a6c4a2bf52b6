package io.flexboard.agent.data.widget;

import io.flexboard.agent.data.connector.PlaceholderSyntax;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Finds the {@code {field}} placeholders a widget's text uses, to know which values a request must bring.
 * Binding them is each connector's job; this only reads names (an ODBC escape such as {@code {fn NOW()}} has
 * a space and is not a name).
 */
final class Placeholders {

    /** Every read asks for its widget's names; the texts are the configurations' few queries. */
    private static final Cache<String, Set<String>> FOUND = Caffeine.newBuilder().maximumSize(2_000).build();

    private Placeholders() {
    }

    static Set<String> in(String text) {
        return text == null ? Set.of() : FOUND.get(text, Placeholders::find);
    }

    private static Set<String> find(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PlaceholderSyntax.PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
