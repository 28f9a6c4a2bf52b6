package io.flexboard.queryapi.parameter;

import io.flexboard.queryapi.web.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, for every route at once, the query strings no handler can mean: a parameter given twice
 * (Spring would join the values with a comma and a handler would parse a value nobody sent), and a
 * name or value that is no text (NUL, an unpaired surrogate) which the database would refuse with a 500.
 */
@Component
@Order(0) // after authentication (Spring Security's chain is at -100): strangers learn nothing from a 400
public class SingleValuedQueryParameters implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        return problem(exchange.getRequest().getQueryParams()).<Mono<Void>>map(Mono::error).orElseGet(() -> chain.filter(exchange));
    }

    private static Optional<ProblemException> problem(MultiValueMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameProblem = TextCheck.problem(name);
            if (nameProblem.isPresent()) {
                return Optional.of(ProblemException.malformed("Invalid query parameter name: " + nameProblem.get()));
            }
            if (parameter.getValue().size() > 1) {
                return Optional.of(ProblemException.malformed("Invalid value for '" + name + "': give it at most once"));
            }
            for (String value : parameter.getValue()) {
                Optional<String> valueProblem = value == null ? Optional.empty() : TextCheck.problem(value);
                if (valueProblem.isPresent()) {
                    return Optional.of(ProblemException.malformed("Invalid value for '" + name + "': " + valueProblem.get()));
                }
            }
        }
        return Optional.empty();
    }
}
