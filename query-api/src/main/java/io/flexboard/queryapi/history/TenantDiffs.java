package io.flexboard.queryapi.history;

import io.flexboard.history.fold.InMemoryReadModel;
import io.flexboard.history.fold.PublishedVersionRow;
import io.flexboard.queryapi.history.TenantDiff.FieldChange;
import io.flexboard.queryapi.history.TenantDiff.ItemChanges;
import io.flexboard.queryapi.history.TenantDiff.Side;
import io.flexboard.queryapi.history.TenantDiff.VersionChange;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private static final List<String> VERSION_FIELDS = List.of("status", "published_at", "message");

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

    private ItemChanges<VersionChange> versions(InMemoryReadModel before, InMemoryReadModel after, UUID tenantId) {
        return Differ.items(versionsById(before, tenantId), versionsById(after, tenantId), version -> version, version -> version,
                (v1, v2) -> {
                    List<FieldChange> fields = Differ.fields(v1, v2, VERSION_FIELDS);
                    return fields.isEmpty() ? null : new VersionChange(v2.path("id").asString(), v2.path("version").asInt(), fields);
                });
    }

    /** The versions as GET /api/tenants/{tenantId}/versions shows them, by id. */
    private Map<String, JsonNode> versionsById(InMemoryReadModel model, UUID tenantId) {
        return Differ.byId(model.versions(tenantId).stream()
                .map(version -> (JsonNode) json.valueToTree(StateAtMoment.summary(version)))
                .toList());
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
