package io.flexboard.queryapi.history;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.fold.PublishedVersionRow;
import io.flexboard.fold.VersionRow;
import io.flexboard.queryapi.history.TenantDiff.FieldChange;
import io.flexboard.queryapi.history.TenantDiff.ItemChanges;
import io.flexboard.queryapi.history.TenantDiff.Side;
import io.flexboard.queryapi.history.TenantDiff.VersionChange;
import io.flexboard.queryapi.tenant.TenantReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Computes a tenant's {@link TenantDiff} between two moments (folded states) or two versions (saved snapshots). */
@Component
class TenantDiffs {

    private static final List<String> TENANT_FIELDS = List.of("name", "slug", "license_type", "is_active", "paused_reason",
            "max_dashboards", "max_widgets_per_dashboard");

    private final TenantMoments moments;
    private final TenantReadModel tenants;
    private final DatabaseClient db;
    private final JsonMapper json;

    TenantDiffs(TenantMoments moments, TenantReadModel tenants, DatabaseClient db, JsonMapper json) {
        this.moments = moments;
        this.tenants = tenants;
        this.db = db;
        this.json = json;
    }

    /** Both states come from one read and one fold of the tenant's history. */
    Mono<TenantDiff> betweenInstants(UUID tenantId, Instant from, Instant to) {
        return moments.at(tenantId, List.of(from, to)).map(states -> {
            InMemoryReadModel before = states.get(0);
            InMemoryReadModel after = states.get(1);
            return new TenantDiff(new Side(from, null), new Side(to, null),
                    Differ.fields(SideJson.tenant(before, tenantId), SideJson.tenant(after, tenantId), TENANT_FIELDS),
                    Differ.dashboards(SideJson.dashboards(before, tenantId), SideJson.dashboards(after, tenantId)),
                    versions(before, after, tenantId),
                    publishedVersion(before, after, tenantId));
        });
    }

    /** The two snapshots as saved: a version's metadata never changes once its draft is saved. */
    Mono<TenantDiff> betweenVersions(UUID tenantId, int from, int to) {
        return tenants.exists(tenantId).flatMap(exists -> {
            if (!exists) {
                return Mono.error(ProblemException.notFound("No tenant " + tenantId));
            }
            return db.sql("select version, metadata::text as metadata from versions where tenant_id = $1 and version = any($2)")
                    .bind(0, tenantId)
                    .bind(1, new Integer[] {from, to})
                    .map(row -> Map.entry(row.get("version", Integer.class), json.readTree(row.get("metadata", String.class))))
                    .all()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a))
                    .map(snapshots -> new TenantDiff(new Side(null, from), new Side(null, to), null,
                            Differ.dashboards(snapshot(snapshots, from, "from_version", tenantId),
                                    snapshot(snapshots, to, "to_version", tenantId)),
                            null, null));
        });
    }

    /**
     * Versions added (saved after {@code before}), removed (only in a diff backwards) and changed
     * (status, publication, message). Compared row by row: a long history has hundreds of versions,
     * and only the added and removed ones are rendered whole.
     */
    private ItemChanges<VersionChange> versions(InMemoryReadModel before, InMemoryReadModel after, UUID tenantId) {
        Map<UUID, VersionRow> old = new LinkedHashMap<>();
        before.versions(tenantId).forEach(version -> old.put(version.id(), version));
        List<JsonNode> added = new ArrayList<>();
        List<VersionChange> changed = new ArrayList<>();
        for (VersionRow version : after.versions(tenantId)) {
            VersionRow was = old.remove(version.id());
            if (was == null) {
                added.add(json.valueToTree(StateAtMoment.summary(version)));
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            change("status", was.status(), version.status(), fields);
            change("published_at", text(was.publishedAt()), text(version.publishedAt()), fields);
            change("message", was.message(), version.message(), fields);
            if (!fields.isEmpty()) {
                changed.add(new VersionChange(version.id().toString(), version.version(), fields));
            }
        }
        List<JsonNode> removed = old.values().stream()
                .map(version -> (JsonNode) json.valueToTree(StateAtMoment.summary(version))).toList();
        return new ItemChanges<>(added, removed, changed);
    }

    private static void change(String field, String before, String after, List<FieldChange> fields) {
        if (!Objects.equals(before, after)) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            fields.add(new FieldChange(field, before == null ? nodes.nullNode() : nodes.stringNode(before),
                    after == null ? nodes.nullNode() : nodes.stringNode(after)));
        }
    }

    /** An instant as the JSON answers write it (ISO-8601, as {@link Instant#toString}). */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static FieldChange publishedVersion(InMemoryReadModel before, InMemoryReadModel after, UUID tenantId) {
        return new FieldChange("published_version", publishedVersion(before, tenantId), publishedVersion(after, tenantId));
    }

    private static JsonNode publishedVersion(InMemoryReadModel model, UUID tenantId) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return model.publishedVersion(tenantId).map(PublishedVersionRow::version).<JsonNode>map(nodes::numberNode)
                .orElse(nodes.nullNode());
    }

    private static JsonNode snapshot(Map<Integer, JsonNode> snapshots, int version, String parameter, UUID tenantId) {
        JsonNode snapshot = snapshots.get(version);
        if (snapshot == null) {
            throw ProblemException.notFound("No version " + version + " of tenant " + tenantId + " ('" + parameter + "')");
        }
        return snapshot;
    }
}
