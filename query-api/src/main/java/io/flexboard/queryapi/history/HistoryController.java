package io.flexboard.queryapi.history;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The analysts' reads of a tenant's event history: its audit trail and its state at any past moment. */
@RestController
@ReadYourWrites
class HistoryController {

    private final EventHistoryReadModel history;
    private final TenantMoments moments;
    private final TenantReadModel tenants;

    HistoryController(EventHistoryReadModel history, TenantMoments moments, TenantReadModel tenants) {
        this.history = history;
        this.moments = moments;
        this.tenants = tenants;
    }

    /** GET /api/tenants/{tenantId}/history: every event of the tenant, newest first, filtered and paginated. */
    @GetMapping("/api/tenants/{tenantId}/history")
    public Mono<ResponseEntity<List<HistoryEntryView>>> history(@PathVariable UUID tenantId,
            @Parameter(description = "An instant (ISO-8601, e.g. 2026-01-31T12:00:00Z)", schema = @Schema(format = "date-time")) @RequestParam(required = false) String from, @Parameter(description = "An instant (ISO-8601)", schema = @Schema(format = "date-time")) @RequestParam(required = false) String to,
            @Parameter(description = "One or more event type names, comma-separated") @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
            @Parameter(schema = @Schema(format = "uuid")) @RequestParam(name = "dashboard_id", required = false) String dashboardId,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit, @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        HistoryFilter filter = HistoryFilter.of(from, to, type, actor, dashboardId);
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.exists(tenantId)
                .flatMap(exists -> exists
                        ? history.page(tenantId, filter, page).collectList()
                        : Mono.error(ProblemException.notFound("No tenant " + tenantId)))
                .map(rows -> Page.of(rows, page, EventHistoryReadModel::cursorAfter).toResponse(request, page));
    }

    /** GET /api/tenants/{tenantId}/state?at=: the tenant as it was at {@code at} (omitted: now, every event so far). */
    @GetMapping("/api/tenants/{tenantId}/state")
    public Mono<StateAtMoment> state(@PathVariable UUID tenantId, @Parameter(description = "The moment (ISO-8601); absent = now", schema = @Schema(format = "date-time")) @RequestParam(required = false) String at) {
        Instant moment = QueryParameters.instant("at", at);
        Instant shown = moment == null ? Instant.now() : moment;
        List<Instant> only = new ArrayList<>();
        only.add(moment);
        return moments.at(tenantId, only)
                .map(states -> StateAtMoment.of(states.get(0), tenantId, shown).orElseThrow(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " did not exist yet at " + shown + ": its first event happened later")));
    }
}
