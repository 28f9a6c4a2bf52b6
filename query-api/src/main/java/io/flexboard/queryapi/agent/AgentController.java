package io.flexboard.queryapi.agent;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.queryapi.config.QueryApiSettings;
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

/** GET /api/tenants/{tenantId}/agents: the tenant's agent installations and where each stands. */
@RestController
@ReadYourWrites
class AgentController {

    private final AgentReadModel agents;
    private final TenantReadModel tenants;
    private final double staleAfterSeconds;

    public AgentController(AgentReadModel agents, TenantReadModel tenants, QueryApiSettings settings) {
        this.agents = agents;
        this.tenants = tenants;
        this.staleAfterSeconds = settings.syncStatus().staleAfterSeconds();
    }

    @GetMapping("/api/tenants/{tenantId}/agents")
    public Mono<ResponseEntity<List<AgentView>>> list(@PathVariable UUID tenantId,
            @Parameter(schema = @Schema(allowableValues = {"synced", "pending", "error", "stale"})) @RequestParam(required = false) String state, @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit,
            @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor, ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        AgentState only = state == null || state.isEmpty() ? null : AgentState.fromQuery(state);
        return tenants.listUnder(tenantId, agents.page(tenantId, staleAfterSeconds, only, page))
                .map(rows -> Page.of(rows, page, AgentReadModel::cursorAfter).toResponse(request, page));
    }
}
