package io.flexboard.foundation;

import io.flexboard.foundation.body.BodySizeLimitFilter;
import io.flexboard.foundation.correlation.CorrelationIdFilter;
import io.flexboard.foundation.correlation.CorrelationIdLogging;
import io.flexboard.foundation.correlation.RequestArrivalFilter;
import io.flexboard.foundation.metrics.HttpRequestMetrics;
import io.flexboard.foundation.parameter.SingleValuedQueryParameters;
import io.flexboard.foundation.problem.ProblemCustomizer;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemExceptionHandler;
import io.flexboard.foundation.problem.ProblemTranslator;
import io.flexboard.foundation.route.KnownRouteFilter;
import io.flexboard.foundation.security.RequestAdmission;
import io.flexboard.foundation.security.RequestAdmissionFilter;
import io.flexboard.foundation.security.ServiceSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.DispatcherHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Flexboard WebFlux service gets by importing it: problem+json for every failure, correlation
 * ids, the body limit, 404 for unknown routes before anything else, bearer authentication with the
 * service's {@link ReactiveAuthenticationManager} bean, admission checks and the spec's HTTP metrics.
 * Filters run in this order: correlation id, arrival, body limit, known route, Spring Security,
 * admissions, then (where imported) the read-your-writes wait.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class FoundationConfiguration {

    static {
        CorrelationIdLogging.register();
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(JsonMapper jsonMapper, ObjectProvider<ProblemTranslator> translators,
                                                    ObjectProvider<ProblemCustomizer> customizer) {
        return new ProblemExceptionHandler(jsonMapper, translators, customizer);
    }

    /**
     * A body's JSON types are the contract: a string field given {@code 12}, a whole number given {@code 1.5}
     * or {@code "3"} is a malformed request naming the field, not silently converted into something else.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Scalars into text are coerced whatever the feature says: refused explicitly.
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    RequestArrivalFilter requestArrivalFilter() {
        return new RequestArrivalFilter();
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(@Value("${flexboard.max-body-size:256KB}") DataSize maxBodySize) {
        return new BodySizeLimitFilter(maxBodySize);
    }

    @Bean
    KnownRouteFilter knownRouteFilter(ObjectProvider<DispatcherHandler> dispatcher) {
        return new KnownRouteFilter(dispatcher);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager manager,
                                                  @Value("${flexboard.security.missing-credentials:A bearer token is required}")
                                                  String missingCredentials,
                                                  @Value("${flexboard.security.open-get-paths:}") List<String> openGetPaths,
                                                  @Value("${flexboard.security.open-post-paths:}") List<String> openPostPaths) {
        return ServiceSecurity.chain(http, manager, missingCredentials, openGetPaths, openPostPaths);
    }

    /**
     * Spring Security's strict firewall still refuses {@code ..}, encoded slashes and the like (400); it lets
     * {@code ;} parameters through, because authorization matches the path without them, as routing does:
     * {@code /api;x/tenants} is {@code /api/tenants} and answers 401 without a token, like it.
     */
    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowSemicolon(true);
        return firewall;
    }

    /**
     * A URL the firewall refuses (in its path or a query parameter's name) is a malformed request, in the
     * one problem shape; the firewall's reason names the offending string, never the caller's input.
     */
    @Bean
    ServerExchangeRejectedHandler serverExchangeRejectedHandler() {
        return (exchange, rejected) -> Mono.error(ProblemException.malformed("url",
                "The request URL is not accepted: " + rejected.getMessage()));
    }

    @Bean
    SingleValuedQueryParameters singleValuedQueryParameters() {
        return new SingleValuedQueryParameters();
    }

    @Bean
    RequestAdmissionFilter requestAdmissionFilter(ObjectProvider<RequestAdmission> admissions) {
        return new RequestAdmissionFilter(admissions.orderedStream().toList());
    }

    @Bean
    HttpRequestMetrics httpRequestMetrics(MeterRegistry meters) {
        return new HttpRequestMetrics(meters);
    }
}
