package io.flexboard.foundation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.micrometer.observation.ObservationHandler;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

/**
 * The web, security and observability classes every service shares live once, in io.flexboard.foundation:
 * a copy in a service would drift from the others again (issue 11). Service-specific health checks extending
 * the foundation's base, authentication managers and problem translators are the service's own. Each
 * service's FoundationArchitectureTest runs these rules on its own classes.
 */
public final class FoundationRules {

    private FoundationRules() {
    }

    @ArchTest
    public static final ArchRule noWebFilterOrExceptionHandlerOutsideTheFoundation = noClasses()
            .should().implement(WebFilter.class)
            .orShould().implement(WebExceptionHandler.class)
            .because("filters and the problem handler are the foundation's; plug in a RequestAdmission or ProblemTranslator");

    @ArchTest
    public static final ArchRule noHttpMetricsOutsideTheFoundation = noClasses()
            .should().implement(ObservationHandler.class)
            .because("http_requests_total and http_request_duration_seconds are the foundation's HttpRequestMetrics");

    @ArchTest
    public static final ArchRule noHealthIndicatorBaseClassOutsideTheFoundation = noClasses()
            .that().haveModifier(JavaModifier.ABSTRACT)
            .should().beAssignableTo(ReactiveHealthIndicator.class)
            .orShould().beAssignableTo(HealthIndicator.class)
            .because("checks extend the foundation's BoundedHealthIndicator")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noCopyOfAFoundationClass = noClasses()
            .should().haveNameMatching(".*\\.(Problem|ProblemType|ProblemException|ProblemExceptionHandler|ApiProblem"
                    + "|ProblemMapping|CorrelationIdFilter|CorrelationIdLogging|BodySizeLimitFilter|ConsistencyToken"
                    + "|ConsistencyTokenFilter|RequestArrivalFilter|HttpRequestMetrics|AdminTokenFilter"
                    + "|BoundedHealthIndicator|R2dbcHealthIndicator|KafkaHealthIndicator|HealthAdminClient"
                    + "|ApiConventions|OpenApiDocument)")
            .because("problem types, correlation ids, the body limit, consistency tokens, admin tokens and the"
                    + " shared health checks and OpenAPI conventions live in io.flexboard.foundation");
}
