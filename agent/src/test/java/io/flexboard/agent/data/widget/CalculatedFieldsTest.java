package io.flexboard.agent.data.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.QueryResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalculatedFieldsTest {

    private static final List<QueryResult.Column> COLUMNS = List.of(
            new QueryResult.Column("region", "string"), new QueryResult.Column("Revenue", "number"), new QueryResult.Column("cost", "number"));

    private static WidgetDefinition widget(String calculatedFields) throws WidgetDataException {
        return WidgetDefinition.from("margins", AgentJson.MAPPER.readTree(
                "{\"type\": \"table\", \"query\": \"SELECT 1\", \"calculatedFields\": " + calculatedFields + "}"));
    }

    private static Map<String, Object> row(String region, Object revenue, Object cost) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("region", region);
        row.put("Revenue", revenue);
        row.put("cost", cost);
        return row;
    }

    @Test
    void a_formula_over_the_rows_columns_adds_a_column_to_every_row() throws Exception {
        QueryResult result = new QueryResult(COLUMNS, List.of(row("North", 200L, new BigDecimal("150")), row("South", 0.5, 0.25)), true);

        QueryResult calculated = CalculatedFields.apply(widget("""
                [{"name": "margin", "formula": "(revenue - cost) / revenue"},
                 {"name": "profitable", "formula": "margin > 0.3"}]"""), "main", result);

        assertThat(calculated.columns()).extracting(QueryResult.Column::name, QueryResult.Column::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("region", "string"), org.assertj.core.groups.Tuple.tuple("Revenue", "number"),
                org.assertj.core.groups.Tuple.tuple("cost", "number"), org.assertj.core.groups.Tuple.tuple("margin", "number"),
                org.assertj.core.groups.Tuple.tuple("profitable", "boolean"));
        assertThat(calculated.rows().get(0)).containsEntry("margin", new BigDecimal("0.25")).containsEntry("profitable", false);
        assertThat(calculated.rows().get(1)).containsEntry("margin", new BigDecimal("0.5")).containsEntry("profitable", true);
        assertThat(calculated.truncated()).isTrue();
    }

    @Test
    void a_row_where_the_formula_fails_gets_null_and_the_others_their_value() throws Exception {
        QueryResult result = new QueryResult(COLUMNS, List.of(row("North", 0, 10), row("South", 100, 50), row("East", null, 1)), false);

        QueryResult calculated = CalculatedFields.apply(widget("[{\"name\": \"margin\", \"formula\": \"(revenue - cost) / revenue\"}]"), "main", result);

        assertThat(calculated.rows()).extracting(r -> r.get("margin")).containsExactly(null, new BigDecimal("0.5"), null);
    }

    @Test
    void a_formula_naming_a_column_the_rows_lack_refuses_the_widget_naming_both() throws Exception {
        QueryResult result = new QueryResult(COLUMNS, List.of(row("North", 1, 1)), false);

        assertThatThrownBy(() -> CalculatedFields.apply(widget("[{\"name\": \"margin\", \"formula\": \"(revenue - costs) / revenue\"}]"), "main", result))
                .isInstanceOfSatisfying(WidgetDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.REFUSED);
                    assertThat(e.dataSourceId()).contains("main");
                    assertThat(e.getMessage()).contains("calculated field 'margin' uses 'costs', which is not a column (columns: region, Revenue, cost)");
                });
    }

    @Test
    void a_formula_cannot_reach_the_jvm() throws Exception {
        QueryResult result = new QueryResult(COLUMNS, List.of(row("North", 1, 1)), false);

        for (String formula : List.of("java.lang.Runtime.getRuntime().exec(\"id\")", "T(java.lang.System).exit(1)",
                "\"\".getClass().forName(\"java.lang.Runtime\")", "(revenue")) {
            assertThatThrownBy(() -> CalculatedFields.apply(widget("[{\"name\": \"x\", \"formula\": "
                    + AgentJson.MAPPER.writeValueAsString(formula) + "}]"), "main", result))
                    .as(formula)
                    .isInstanceOfSatisfying(WidgetDataException.class,
                            e -> assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.REFUSED));
        }
    }
}
