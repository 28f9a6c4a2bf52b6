package io.flexboard.queryapi.apikey;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET /api/tenants/{tenantId}/api-keys: the tenant's named API keys, live and revoked, never a key or its hash. */
@RestController
@ReadYourWrites
class ApiKeyController {

    private final ApiKeyReadModel keys;
    private final TenantReadModel tenants;

    public ApiKeyController(ApiKeyReadModel keys, TenantReadModel tenants) {
        this.keys = keys;
        this.tenants = tenants;
    }

    @Operation(summary = "The tenant's API keys, oldest first (issue and revoke them through command-api)")
    @GetMapping("/api/tenants/{tenantId}/api-keys")
    public Mono<ResponseEntity<List<ApiKeyView>>> list(@PathVariable UUID tenantId,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit,
            @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.listUnder(tenantId, keys.page(tenantId, page))
                .map(rows -> Page.of(rows, page, ApiKeyReadModel::cursorAfter).toResponse(request, page));
    }
}
