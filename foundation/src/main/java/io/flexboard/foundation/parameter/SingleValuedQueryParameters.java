package io.flexboard.foundation.parameter;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.RequestAdmission;
import io.flexboard.foundation.text.StorableText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        String rawQuery = exchange.getRequest().getURI().getRawQuery();
        if (rawQuery == null) {
            return Mono.empty();
        }
        if (!isUtf8(rawQuery)) {
            return Mono.error(ProblemException.malformed("query", "The query string's escapes are not UTF-8"));
        }
        return problem(exchange.getRequest().getQueryParams()).<Mono<Void>>map(Mono::error).orElseGet(Mono::empty);
    }

    /**
     * Whether the percent-escapes decode as UTF-8: Spring decodes {@code %FF} or an encoded lone surrogate
     * ({@code %ED%A0%80}) to U+FFFD, and a filter would then search for a character nobody sent.
     */
    private static boolean isUtf8(String rawQuery) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawQuery.length());
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c == '%' && i + 2 < rawQuery.length()
                    && Character.digit(rawQuery.charAt(i + 1), 16) >= 0 && Character.digit(rawQuery.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(rawQuery.charAt(i + 1), 16) * 16 + Character.digit(rawQuery.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c < 0x80 ? c : '?');
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
