package io.flexboard.queryapi.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * GET /api/ops/lag: the lag monitor's newest report. Always 200 with what is known; an unreachable
 * broker or a missing event store shows up as status UNKNOWN with an error, not as a failure.
 */
@RestController
class LagController {

    private final LagMonitor monitor;

    public LagController(LagMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/ops/lag")
    public Mono<LagReport> lag() {
        return Mono.fromSupplier(monitor::latest);
    }
}
