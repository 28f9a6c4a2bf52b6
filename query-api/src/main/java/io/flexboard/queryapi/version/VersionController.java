package io.flexboard.queryapi.version;

import io.flexboard.foundation.consistency.ReadYourWrites;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET /api/tenants/{tenantId}/versions and /api/tenants/{tenantId}/versions/{versionId}. */
@RestController
@ReadYourWrites
@RequestMapping("/api/tenants/{tenantId}/versions")
class VersionController {

    private final VersionReadModel versions;
    private final TenantReadModel tenants;

    public VersionController(VersionReadModel versions, TenantReadModel tenants) {
        this.versions = versions;
        this.tenants = tenants;
    }

    @GetMapping
    public Mono<ResponseEntity<List<VersionSummary>>> list(@PathVariable UUID tenantId,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit, @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.listUnder(tenantId, versions.page(tenantId, page))
                .map(rows -> Page.of(rows, page, VersionReadModel::cursorAfter).toResponse(request, page));
    }

    @GetMapping("/{versionId}")
    public Mono<VersionDetail> one(@PathVariable UUID tenantId, @PathVariable UUID versionId) {
        return versions.byId(tenantId, versionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No version " + versionId + " of tenant " + tenantId)));
    }
}
