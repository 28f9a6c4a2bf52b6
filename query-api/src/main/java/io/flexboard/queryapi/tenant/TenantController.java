package io.flexboard.queryapi.tenant;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.consistency.TenantPositions;
import io.flexboard.foundation.problem.ProblemException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.flexboard.queryapi.identity.VisibleTenants;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** GET /api/tenants (searchable by name or slug, filtered by status), /api/tenants/{tenantId} and its branding. */
@RestController
@ReadYourWrites
@RequestMapping("/api/tenants")
class TenantController {

    private final TenantReadModel tenants;
    private final TenantPositions positions;

    public TenantController(TenantReadModel tenants, TenantPositions positions) {
        this.tenants = tenants;
        this.positions = positions;
    }

    @GetMapping
    public Mono<ResponseEntity<List<TenantView>>> list(@Parameter(description = "A substring of the name or slug, any case") @RequestParam(required = false) String q,
            @Parameter(schema = @Schema(allowableValues = {"active", "paused"})) @RequestParam(required = false) String status, @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit,
            @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request, ServerWebExchange exchange) {
        PageRequest page = PageRequest.of(limit, cursor);
        TenantFilter filter = TenantFilter.of(q, status);
        // Only the caller's tenants: another tenant is not even listed (docs/SECURITY.md).
        VisibleTenants visible = VisibleTenants.of(exchange);
        Set<UUID> within = visible.isEvery() ? null : Set.of(visible.only());
        return Mono.defer(() -> tenants.page(page, filter, within).collectList())
                .map(rows -> Page.of(rows, page, TenantReadModel::cursorAfter).toResponse(request, page));
    }

    /** The tenant, with {@code ETag} = its version for a following command's {@code If-Match}. */
    @GetMapping("/{tenantId}")
    public Mono<ResponseEntity<TenantView>> one(@PathVariable UUID tenantId) {
        return positions.current(tenantId).flatMap(version -> tenants.byId(tenantId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No tenant " + tenantId)))
                .map(tenant -> ResponseEntity.ok().eTag(Long.toString(version)).body(tenant)));
    }

    /**
     * The tenant's current branding, as the builder last set it (not yet published, perhaps), with
     * {@code ETag} = the tenant's version for the next {@code PUT …/branding}'s {@code If-Match}.
     */
    @GetMapping("/{tenantId}/branding")
    public Mono<ResponseEntity<TenantBranding>> branding(@PathVariable UUID tenantId) {
        return positions.current(tenantId).flatMap(version -> tenants.branding(tenantId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No tenant " + tenantId)))
                .map(branding -> ResponseEntity.ok().eTag(Long.toString(version)).body(branding)));
    }
}
