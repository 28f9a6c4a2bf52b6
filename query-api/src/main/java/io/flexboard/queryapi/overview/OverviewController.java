package io.flexboard.queryapi.overview;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.queryapi.config.QueryApiSettings;
import io.flexboard.queryapi.identity.VisibleTenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** GET /api/overview: the builder UI's first page, counters over the tenants the caller sees (a super-admin: all). */
@RestController
@ReadYourWrites
class OverviewController {

    private final OverviewReadModel overview;
    private final double staleAfterSeconds;

    public OverviewController(OverviewReadModel overview, QueryApiSettings settings) {
        this.overview = overview;
        this.staleAfterSeconds = settings.syncStatus().staleAfterSeconds();
    }

    @GetMapping("/api/overview")
    public Mono<Overview> overview(ServerWebExchange exchange) {
        return overview.overview(staleAfterSeconds, VisibleTenants.of(exchange));
    }
}
