package io.flexboard.queryapi.dashboard;

import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import io.flexboard.queryapi.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET /api/tenants/{tenantId}/dashboards and /api/dashboards/{dashboardId}. */
@RestController
public class DashboardController {

    private final DashboardReadModel dashboards;
    private final TenantReadModel tenants;

    public DashboardController(DashboardReadModel dashboards, TenantReadModel tenants) {
        this.dashboards = dashboards;
        this.tenants = tenants;
    }

    @GetMapping("/api/tenants/{tenantId}/dashboards")
    public Mono<ResponseEntity<List<DashboardSummary>>> list(@PathVariable UUID tenantId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.exists(tenantId)
                .flatMap(exists -> exists
                        ? dashboards.page(tenantId, page).collectList()
                        : Mono.error(ProblemException.notFound("No tenant " + tenantId)))
                .map(rows -> Page.of(rows, page, DashboardReadModel::cursorAfter).toResponse(request, page));
    }

    @GetMapping("/api/dashboards/{dashboardId}")
    public Mono<DashboardDetail> one(@PathVariable UUID dashboardId) {
        return dashboards.byId(dashboardId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No dashboard " + dashboardId)));
    }
}
