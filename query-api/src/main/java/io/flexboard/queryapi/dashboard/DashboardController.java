package io.flexboard.queryapi.dashboard;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.consistency.TenantPositions;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
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

/** GET /api/tenants/{tenantId}/dashboards and /api/dashboards/{dashboardId}. */
@RestController
@ReadYourWrites
class DashboardController {

    private final DashboardReadModel dashboards;
    private final TenantReadModel tenants;
    private final TenantPositions positions;

    public DashboardController(DashboardReadModel dashboards, TenantReadModel tenants, TenantPositions positions) {
        this.dashboards = dashboards;
        this.tenants = tenants;
        this.positions = positions;
    }

    @GetMapping("/api/tenants/{tenantId}/dashboards")
    public Mono<ResponseEntity<List<DashboardSummary>>> list(@PathVariable UUID tenantId,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit, @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.listUnder(tenantId, dashboards.page(tenantId, page))
                .map(rows -> Page.of(rows, page, DashboardReadModel::cursorAfter).toResponse(request, page));
    }

    /** The dashboard, with {@code ETag} = its tenant's version for a following command's {@code If-Match}. */
    @GetMapping("/api/dashboards/{dashboardId}")
    public Mono<ResponseEntity<DashboardDetail>> one(@PathVariable UUID dashboardId) {
        return dashboards.tenantOf(dashboardId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No dashboard " + dashboardId)))
                .flatMap(positions::current)
                .flatMap(version -> dashboards.byId(dashboardId)
                        .map(dashboard -> ResponseEntity.ok().eTag(Long.toString(version)).body(dashboard)));
    }
}
