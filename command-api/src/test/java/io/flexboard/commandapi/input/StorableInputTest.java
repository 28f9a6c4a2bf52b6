package io.flexboard.commandapi.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flexboard.commandapi.api.CreateDashboardCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.IssuedApiKey;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.ReplaceWidgetsCommand;
import io.flexboard.commandapi.api.RestoreVersionCommand;
import io.flexboard.commandapi.api.SaveDraftCommand;
import io.flexboard.commandapi.api.WidgetInput;
import org.junit.jupiter.api.Test;

/** Which text each command field may carry: every field is named as in the request body. */
class StorableInputTest {

    private static final String TENANT = "7d0c1f56-2a7b-4c1e-9a4f-3f1d8c2b0a01";
    private static final String DASHBOARD = "5b6a1e0c-1111-4c1e-9a4f-3f1d8c2b0a02";
    private static final IssuedApiKey KEY = new IssuedApiKey("key-1", "ab".repeat(32), "fbk_abcdef");

    @Test
    void a_nul_in_a_tenant_name_is_named() {
        assertThat(fields(new CreateTenantCommand(TENANT, "Acme\u0000", "acme", null, null, null, KEY))).containsExactly("name");
    }

    @Test
    void a_nul_in_a_dashboard_description_is_named() {
        assertThat(fields(new CreateDashboardCommand(TENANT, null, DASHBOARD, "Sales", "sales", "for\u0000sales")))
                .containsExactly("description");
    }

    @Test
    void a_nul_in_a_version_or_restore_message_or_pause_reason_is_named() {
        assertThat(fields(new SaveDraftCommand(TENANT, null, DASHBOARD, "first\u0000"))).containsExactly("message");
        assertThat(fields(new RestoreVersionCommand(TENANT, null, DASHBOARD, DASHBOARD, "\u0000"))).containsExactly("message");
        assertThat(fields(new PauseTenantCommand(TENANT, null, "unpaid\u0000"))).containsExactly("reason");
    }

    @Test
    void a_nul_in_a_string_deep_inside_a_widget_config_is_named_by_its_path() {
        Map<String, Object> config = barConfig();
        config.put("chartConfig", Map.of("colors", List.of("#fff", "#000\u0000")));
        assertThat(fields(widgets(widget("ok", barConfig()), widget("bad", config))))
                .containsExactly("widgets[1].config.chartConfig.colors[1]");
    }

    @Test
    void a_nul_in_a_config_key_is_named_with_the_nul_escaped() {
        Map<String, Object> config = barConfig();
        config.put("ti\u0000tle", "Revenue");
        assertThat(violations(widgets(widget("bad", config))))
                .extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("widgets[0].config.ti\\u0000tle",
                        "has a key that must not contain the NUL character"));
    }

    @Test
    void an_unpaired_surrogate_is_refused_and_a_paired_one_is_text() {
        assertThat(fields(widgets(widget("chart-\ud83d", barConfig())))).containsExactly("widgets[0].name");
        assertThat(fields(widgets(widget("bad", Map.of("query", "SELECT '\udc00'", "type", "bar")))))
                .containsExactly("widgets[0].config.query");
        assertThat(fields(widgets(widget("fine", Map.of("query", "SELECT '\ud83d\udcc8'", "type", "bar"))))).isEmpty();
    }

    @Test
    void a_config_nested_deeper_than_the_limit_is_named_where_it_gets_too_deep() {
        Map<String, Object> config = barConfig();
        Map<String, Object> level = config;
        // widgets[0].config is the 4th container; 8 more levels are allowed, the 9th is not.
        for (int i = 0; i < 9; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            level.put("n", next);
            level = next;
        }
        assertThat(fields(widgets(widget("deep", config)))).containsExactly("widgets[0].config.n.n.n.n.n.n.n.n.n");
    }

    @Test
    void an_infinite_number_is_refused_because_jsonb_has_none() {
        Map<String, Object> config = barConfig();
        config.put("refreshInterval", Double.POSITIVE_INFINITY);
        assertThat(fields(widgets(widget("inf", config)))).containsExactly("widgets[0].config.refreshInterval");
    }

    @Test
    void ordinary_text_of_any_script_is_accepted() {
        assertThat(fields(new CreateTenantCommand(TENANT, "Ünïcødé 株式会社 \t\n", "acme", null, null, null, KEY))).isEmpty();
    }

    private static List<String> fields(Object command) {
        return violations(command).stream().map(FieldViolation::field).toList();
    }

    private static List<FieldViolation> violations(Object command) {
        return StorableInput.violations(command);
    }

    private static ReplaceWidgetsCommand widgets(WidgetInput... widgets) {
        return new ReplaceWidgetsCommand(TENANT, null, DASHBOARD, List.of(widgets), new ArrayList<>());
    }

    private static WidgetInput widget(String name, Map<String, Object> config) {
        return new WidgetInput(null, name, null, config, null, null, null, null);
    }

    private static Map<String, Object> barConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("query", "SELECT 1");
        config.put("type", "bar");
        return config;
    }
}
