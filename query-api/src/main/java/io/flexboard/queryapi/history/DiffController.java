package io.flexboard.queryapi.history;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.parameter.QueryParameters;
import java.time.Instant;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * GET /api/tenants/{tenantId}/diff: what changed for a tenant between two instants ({@code from},
 * {@code to}) or two versions ({@code from_version}, {@code to_version}). Either order is allowed:
 * a diff from a later side to an earlier one shows what going back would change.
 */
@RestController
@ReadYourWrites
class DiffController {

    private static final String PAIRS = "Give either 'from' and 'to' (instants) or 'from_version' and 'to_version'"
            + " (version numbers), one pair and both of its parameters";

    private final TenantDiffs diffs;

    DiffController(TenantDiffs diffs) {
        this.diffs = diffs;
    }

    @GetMapping("/api/tenants/{tenantId}/diff")
    public Mono<TenantDiff> diff(@PathVariable UUID tenantId, @Parameter(description = "An instant (ISO-8601, e.g. 2026-01-31T12:00:00Z)", schema = @Schema(format = "date-time")) @RequestParam(required = false) String from,
            @Parameter(description = "An instant (ISO-8601)", schema = @Schema(format = "date-time")) @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(type = "integer", minimum = "1")) @RequestParam(name = "from_version", required = false) String fromVersion,
            @Parameter(schema = @Schema(type = "integer", minimum = "1")) @RequestParam(name = "to_version", required = false) String toVersion) {
        boolean instants = !QueryParameters.absent(from) || !QueryParameters.absent(to);
        boolean versions = !QueryParameters.absent(fromVersion) || !QueryParameters.absent(toVersion);
        if (instants == versions) {
            throw ProblemException.malformed(PAIRS);
        }
        if (instants) {
            Instant start = QueryParameters.instant("from", from);
            Instant end = QueryParameters.instant("to", to);
            if (start == null || end == null) {
                throw ProblemException.malformed(PAIRS + ": '" + (start == null ? "from" : "to") + "' is missing");
            }
            return diffs.betweenInstants(tenantId, start, end);
        }
        Integer first = QueryParameters.version("from_version", fromVersion);
        Integer second = QueryParameters.version("to_version", toVersion);
        if (first == null || second == null) {
            throw ProblemException.malformed(PAIRS + ": '" + (first == null ? "from_version" : "to_version") + "' is missing");
        }
        return diffs.betweenVersions(tenantId, first, second);
    }
}
