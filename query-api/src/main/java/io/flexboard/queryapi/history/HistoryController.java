package io.flexboard.queryapi.history;

import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import io.flexboard.queryapi.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The analysts' reads of a tenant's event history: its audit trail and its state at any past moment. */
@RestController
public class HistoryController {

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
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
            @RequestParam(name = "dashboard_id", required = false) String dashboardId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
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
    public Mono<StateAtMoment> state(@PathVariable UUID tenantId, @RequestParam(required = false) String at) {
        Instant moment = QueryParameters.instant("at", at);
        Instant shown = moment == null ? Instant.now() : moment;
        List<Instant> only = new ArrayList<>();
        only.add(moment);
        return moments.at(tenantId, only)
                .map(states -> StateAtMoment.of(states.get(0), tenantId, shown).orElseThrow(() -> ProblemException.notFound(
                        "Tenant " + tenantId + " did not exist yet at " + shown + ": its first event happened later")));
    }
}
