package io.flexboard.foundation.security;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs every {@link RequestAdmission} of the service on authenticated requests, in their order. */
@Order(ServiceSecurity.AFTER_AUTHENTICATION)
public class RequestAdmissionFilter implements WebFilter {

    private final List<RequestAdmission> admissions;

    public RequestAdmissionFilter(List<RequestAdmission> admissions) {
        this.admissions = List.copyOf(admissions);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (admissions.isEmpty() || !exchange.getAttributes().containsKey(Authenticated.class.getName())) {
            return chain.filter(exchange);
        }
        return Flux.fromIterable(admissions)
                .concatMap(admission -> admission.admit(exchange))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
