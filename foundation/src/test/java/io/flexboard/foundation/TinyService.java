package io.flexboard.foundation;

import io.flexboard.foundation.consistency.ConsistencyTokenFilter;
import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.consistency.TenantPositions;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemTranslator;
import io.flexboard.foundation.security.AdminTokenSecurity;
import io.flexboard.foundation.security.Authenticated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A tiny WebFlux service on the foundation: a write, a read that waits for its consistency token and an
 * ops read that does not. It counts what reached its handlers and how often the read side was asked.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({FoundationConfiguration.class, AdminTokenSecurity.class, TinyService.Api.class})
class TinyService {

    /** Handler calls, so a test can say a request never reached one. */
    static final AtomicInteger HANDLED = new AtomicInteger();
    /** Reads of the read side's position, so a test can say a request never waited. */
    static final AtomicInteger POSITION_READS = new AtomicInteger();
    /** The tenant whose read side is at sequence 10; any other tenant has nothing projected. */
    static final String PROJECTED_TENANT = "6f1d1a3e-8a51-4f44-9d7e-2b0c3e5a9f10";

    @Bean
    TenantPositions tenantPositions() {
        return new TenantPositions(tenant -> {
            POSITION_READS.incrementAndGet();
            return tenant.toString().equals(PROJECTED_TENANT) ? Mono.just(10L) : Mono.empty();
        });
    }

    @Bean
    ConsistencyTokenFilter consistencyTokenFilter(TenantPositions positions) {
        return new ConsistencyTokenFilter(positions, Duration.ofSeconds(30));
    }

    @Bean
    ProblemTranslator ruleViolations() {
        return failure -> failure instanceof IllegalStateException rule ? ProblemException.conflict("name", rule.getMessage()) : null;
    }

    @RestController
    static class Api {

        @PostMapping("/api/tenants")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> create(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
            HANDLED.incrementAndGet();
            if ("taken".equals(body.get("name"))) {
                throw new IllegalStateException("name is taken");
            }
            return Map.of("actor", Authenticated.of(exchange).getName());
        }

        /** A typed body: its fields' JSON types are checked by the foundation's strict mapper. */
        record Counter(String name, int count) {
        }

        @PostMapping("/api/counters")
        Counter count(@RequestBody Counter counter) {
            HANDLED.incrementAndGet();
            return counter;
        }

        @GetMapping("/api/tenants")
        @ReadYourWrites
        List<String> tenants() {
            HANDLED.incrementAndGet();
            return List.of("acme");
        }

        @GetMapping("/api/ops/lag")
        Map<String, String> lag() {
            HANDLED.incrementAndGet();
            return Map.of("status", "OK");
        }
    }
}
