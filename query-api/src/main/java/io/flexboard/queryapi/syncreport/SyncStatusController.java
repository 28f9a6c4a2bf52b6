package io.flexboard.queryapi.syncreport;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.queryapi.config.FlexboardProperties;
import io.flexboard.queryapi.identity.VisibleTenants;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import java.util.List;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** GET /api/sync-status: the sync status of every tenant the caller sees (synced / pending / error) in tenant order. */
@RestController
@ReadYourWrites
public class SyncStatusController {

    private final SyncStatusReadModel syncStatus;
    private final double staleAfterSeconds;

    public SyncStatusController(SyncStatusReadModel syncStatus, FlexboardProperties properties) {
        this.syncStatus = syncStatus;
        this.staleAfterSeconds = properties.syncStatus().staleAfterSeconds();
    }

    @GetMapping("/api/sync-status")
    public Mono<ResponseEntity<List<TenantSyncStatus>>> list(@Parameter(schema = @Schema(allowableValues = {"synced", "pending", "error", "paused"})) @RequestParam(required = false) String status,
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50")) @RequestParam(required = false) Integer limit, @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerHttpRequest request, ServerWebExchange exchange) {
        PageRequest page = PageRequest.of(limit, cursor);
        SyncStatus only = status == null || status.isEmpty() ? null : SyncStatus.fromQuery(status);
        return Mono.defer(() -> syncStatus.page(staleAfterSeconds, only, page, VisibleTenants.of(exchange)).collectList())
                .map(rows -> Page.of(rows, page, SyncStatusReadModel::cursorAfter).toResponse(request, page));
    }
}
