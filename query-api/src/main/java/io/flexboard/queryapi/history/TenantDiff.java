package io.flexboard.queryapi.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/tenants/{tenantId}/diff: what changed for the tenant from one side to the other, per
 * dashboard and widget. Between two versions only their snapshots are compared, so {@code tenant},
 * {@code versions} and {@code published_version} are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TenantDiff(
        Side from,
        Side to,
        List<FieldChange> tenant,
        ItemChanges<DashboardChange> dashboards,
        ItemChanges<VersionChange> versions,
        FieldChange publishedVersion) {

    /** One side of the diff: an instant, or a version number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(Instant at, Integer version) {
    }

    /** A field whose value differs; {@code config.<key>} for a top-level key of a widget's config. */
    public record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    /** Items only on the {@code to} side, only on the {@code from} side (each as it is there), and on both but different. */
    public record ItemChanges<C>(List<JsonNode> added, List<JsonNode> removed, List<C> changed) {
    }

    /** A dashboard on both sides whose own fields or widgets differ. */
    public record DashboardChange(String id, String slug, List<FieldChange> fields, ItemChanges<WidgetChange> widgets) {
    }

    /** A widget (same id) on both sides whose fields differ. */
    public record WidgetChange(String id, String name, List<FieldChange> fields) {
    }

    /** A version on both sides whose status (or publication time) differs. */
    public record VersionChange(String id, int version, List<FieldChange> fields) {
    }
}
