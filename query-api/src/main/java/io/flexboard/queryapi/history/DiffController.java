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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * GET /api/tenants/{tenantId}/diff: what changed for a tenant between two instants
 * ({@code from}, {@code to}: both states folded from its history in one pass) or two versions
 * ({@code from_version}, {@code to_version}: their snapshots). Either order is allowed: a diff
 * from a later side to an earlier one shows what going back would change.
 */
@RestController
public class DiffController {

    private static final String PAIRS = "Give either 'from' and 'to' (instants) or 'from_version' and 'to_version'"
            + " (version numbers), one pair and both of its parameters";
    private static final List<String> VERSION_FIELDS = List.of("status", "published_at", "message");

    private final TenantMoments moments;
    private final TenantReadModel tenants;
    private final DatabaseClient db;
    private final JsonMapper json;

    DiffController(TenantMoments moments, TenantReadModel tenants, DatabaseClient db, JsonMapper json) {
        this.moments = moments;
        this.tenants = tenants;
        this.db = db;
        this.json = json;
    }

    @GetMapping("/api/tenants/{tenantId}/diff")
    public Mono<TenantDiff> diff(@PathVariable UUID tenantId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "from_version", required = false) String fromVersion,
            @RequestParam(name = "to_version", required = false) String toVersion) {
        boolean instants = !Parameters.absent(from) || !Parameters.absent(to);
        boolean versions = !Parameters.absent(fromVersion) || !Parameters.absent(toVersion);
        if (instants == versions) {
            throw ProblemException.malformed(PAIRS);
        }
        if (instants) {
            Instant start = Parameters.instant("from", from);
            Instant end = Parameters.instant("to", to);
            if (start == null || end == null) {
                throw ProblemException.malformed(PAIRS + ": '" + (start == null ? "from" : "to") + "' is missing");
            }
            return betweenInstants(tenantId, start, end);
        }
        Integer first = Parameters.version("from_version", fromVersion);
        Integer second = Parameters.version("to_version", toVersion);
        if (first == null || second == null) {
            throw ProblemException.malformed(PAIRS + ": '" + (first == null ? "from_version" : "to_version") + "' is missing");
        }
        return betweenVersions(tenantId, first, second);
    }

    private Mono<TenantDiff> betweenInstants(UUID tenantId, Instant from, Instant to) {
        return moments.at(tenantId, List.of(from, to)).map(states -> {
            InMemoryReadModel before = states.get(0);
            InMemoryReadModel after = states.get(1);
            return new TenantDiff(new Side(from, null), new Side(to, null),
                    Differ.fields(SideJson.tenant(before, tenantId), SideJson.tenant(after, tenantId),
                            List.of("name", "slug", "license_type", "is_active", "paused_reason", "max_dashboards",
                                    "max_widgets_per_dashboard")),
                    Differ.dashboards(SideJson.dashboards(before, tenantId), SideJson.dashboards(after, tenantId)),
                    versions(before, after, tenantId),
                    publishedVersion(before, after, tenantId));
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
                .map(v -> (JsonNode) json.valueToTree(StateAtMoment.summary(v)))
                .toList());
    }

    private static FieldChange publishedVersion(InMemoryReadModel before, InMemoryReadModel after, UUID tenantId) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return new FieldChange("published_version",
                before.publishedVersion(tenantId).map(PublishedVersionRow::version).<JsonNode>map(nodes::numberNode)
                        .orElse(nodes.nullNode()),
                after.publishedVersion(tenantId).map(PublishedVersionRow::version).<JsonNode>map(nodes::numberNode)
                        .orElse(nodes.nullNode()));
    }

    /** The two snapshots as saved: version metadata never changes once a draft is saved. */
    private Mono<TenantDiff> betweenVersions(UUID tenantId, int from, int to) {
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
                    .map(snapshots -> {
                        JsonNode before = snapshot(snapshots, from, "from_version", tenantId);
                        JsonNode after = snapshot(snapshots, to, "to_version", tenantId);
                        return new TenantDiff(new Side(null, from), new Side(null, to), null,
                                Differ.dashboards(before, after), null, null);
                    });
        });
    }

    private static JsonNode snapshot(Map<Integer, JsonNode> snapshots, int version, String parameter, UUID tenantId) {
        JsonNode snapshot = snapshots.get(version);
        if (snapshot == null) {
            throw ProblemException.notFound("No version " + version + " of tenant " + tenantId + " ('" + parameter + "')");
        }
        return snapshot;
    }
}
