package io.flexboard.queryapi.datasource;

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

/** GET /api/tenants/{tenantId}/data-sources: the data source ids the builder may offer, as the tenant's agents report them. */
@RestController
@ReadYourWrites
class DataSourceController {

    private final DataSourceReadModel dataSources;
    private final TenantReadModel tenants;

    public DataSourceController(DataSourceReadModel dataSources, TenantReadModel tenants) {
        this.dataSources = dataSources;
        this.tenants = tenants;
    }

    @Operation(summary = "The union of the data sources the tenant's agents report: id, type, how many agents, last reported")
    @GetMapping("/api/tenants/{tenantId}/data-sources")
    public Mono<ResponseEntity<List<DataSourceView>>> list(@PathVariable UUID tenantId,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit,
            @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tenants.listUnder(tenantId, dataSources.page(tenantId, page))
                .map(rows -> Page.of(rows, page, DataSourceReadModel::cursorAfter).toResponse(request, page));
    }
}
