package io.flexboard.agent.data.connector;

import java.util.regex.Pattern;

/**
 * How a {@code {field}} placeholder is written in a widget's SQL: a name, optionally one {@code .from}-like
 * part ({@code {region}}, {@code {period.from}}), the same grammar the control plane checks filter fields
 * against. One definition, so the SQL binding and the widget layer's "does this placeholder have a value"
 * check always find the same placeholders.
 */
public final class PlaceholderSyntax {

    /** Group 1 is the placeholder's name without braces. An ODBC escape such as {@code {fn NOW()}} is not one. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)}");

    private PlaceholderSyntax() {
    }
}
