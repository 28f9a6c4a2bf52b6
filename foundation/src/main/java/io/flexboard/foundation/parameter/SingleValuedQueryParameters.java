package io.flexboard.foundation.parameter;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.RequestAdmission;
import io.flexboard.foundation.text.StorableText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses, for every route at once, the query strings no handler can mean: a parameter given twice
 * (Spring would join the values with a comma and a handler would parse a value nobody sent), and a
 * name or value that is no text (NUL, an unpaired surrogate) which the database would refuse with a 500.
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // the first admission: after authentication, strangers learn nothing from a 400
public class SingleValuedQueryParameters implements RequestAdmission {

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return Mono.empty();
        }
        return problem(exchange.getRequest().getQueryParams()).<Mono<Void>>map(Mono::error).orElseGet(Mono::empty);
    }

    private static Optional<ProblemException> problem(MultiValueMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameProblem = StorableText.problem(name);
            if (nameProblem.isPresent()) {
                return Optional.of(ProblemException.malformed("Invalid query parameter name: " + nameProblem.get()));
            }
            if (parameter.getValue().size() > 1) {
                return Optional.of(ProblemException.malformed("Invalid value for '" + name + "': give it at most once"));
            }
            for (String value : parameter.getValue()) {
                Optional<String> valueProblem = value == null ? Optional.empty() : StorableText.problem(value);
                if (valueProblem.isPresent()) {
                    return Optional.of(ProblemException.malformed("Invalid value for '" + name + "': " + valueProblem.get()));
                }
            }
        }
        return Optional.empty();
    }
}
