package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.ReplaceWidgetsCommand;
import io.flexboard.commandapi.api.WidgetInput;
import io.flexboard.commandapi.input.StorableInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Arbitrary text and configs — NUL, lone surrogates, any other code unit, deep nesting, infinite
 * numbers — are either refused naming the field they are in, or stored by the real PostgreSQL
 * in {@code text} and {@code jsonb} exactly as sent: never accepted but unstorable.
 */
class StorableInputPropertyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** jsonb keeps numbers as numeric: 1.0E10 comes back as 10000000000, the same value. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static Connection database;

    @BeforeContainer
    static void connect() throws SQLException {
        database = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER, "");
    }

    @AfterContainer
    static void disconnect() throws SQLException {
        database.close();
    }

    /** Both outcomes are tried often, so the property says something about each. */
    @Property(tries = 500)
    @StatisticsReport(onFailureOnly = true)
    void aWidgetIsRefusedNamingTheFieldOrStorableAsSent(@ForAll("names") String name,
                                                        @ForAll("configs") Map<String, Object> config) throws SQLException {
        ReplaceWidgetsCommand command = new ReplaceWidgetsCommand("7d0c1f56-2a7b-4c1e-9a4f-3f1d8c2b0a01", null,
                "5b6a1e0c-1111-4c1e-9a4f-3f1d8c2b0a02",
                List.of(new WidgetInput(null, name, null, config, null, null, null, null)), List.of());
        List<FieldViolation> refused = StorableInput.violations(command);
        Statistics.collect(refused.isEmpty() ? "stored" : "refused");
        if (!refused.isEmpty()) {
            assertThat(refused).allSatisfy(v -> assertThat(v.field()).matches("widgets\\[0]\\.(name|config(\\..*|\\[.*)?)"));
            return;
        }
        // What WidgetRules stores: the config as JSON text; PostgreSQL must take both as they are.
        String configJson = JSON.writeValueAsString(config);
        try (PreparedStatement sql = database.prepareStatement("select ?::text, ?::jsonb::text")) {
            sql.setString(1, name);
            sql.setString(2, configJson);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(name);
                assertThat(JSON.readTree(row.getString(2)).equals(SAME_VALUE, JSON.readTree(configJson)))
                        .as("jsonb holds %s as sent", configJson).isTrue();
            }
        }
    }

    @AfterProperty
    void bothOutcomesWereTried() {
        Statistics.coverage(coverage -> {
            coverage.check("stored").percentage(p -> p > 10);
            coverage.check("refused").percentage(p -> p > 10);
        });
    }

    @Provide
    Arbitrary<String> names() {
        return text();
    }

    @Provide
    Arbitrary<Map<String, Object>> configs() {
        return Arbitraries.maps(text(), value(14)).ofMaxSize(4);
    }

    /** Any UTF-16 code units (NUL and lone surrogates included), often with a NUL or a surrogate put in. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.strings().withChars('a', '\u0000', '\ud83d', '\udcc8', 'é').ofMaxLength(6));
    }

    /** Strings, numbers (infinities included), booleans, lists and objects, nested up to {@code depth} levels. */
    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text().map(Object.class::cast),
                Arbitraries.doubles().withSpecialValue(Double.POSITIVE_INFINITY).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> nested = Arbitraries.lazy(() -> value(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, nested.list().ofMaxSize(2).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(2, Arbitraries.maps(text(), nested).ofMaxSize(2).map(Object.class::cast)));
    }
}
