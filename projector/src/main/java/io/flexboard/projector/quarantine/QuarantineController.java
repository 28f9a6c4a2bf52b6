package io.flexboard.projector.quarantine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flexboard.projector.quarantine.Resolution.Action;
import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.text.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The operators' way to see and resolve quarantined tenants (docs/operations.md, "Quarantined
 * tenants"): list them, {@code skip} the event or {@code retry} it after a fix. Admin token, like
 * every {@code /api} call of the projector.
 */
@RestController
@RequestMapping("/api/ops/quarantines")
class QuarantineController {

    private static final int RECENT = 50;
    private static final int MAX_ACTOR = 200;
    private static final int MAX_REASON = 2000;

    private final QuarantineStore store;
    private final QuarantineResolver resolver;

    QuarantineController(QuarantineStore store, QuarantineResolver resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    /** The open quarantines, oldest first, and the newest 50 decisions. */
    @GetMapping
    Mono<QuarantineView> quarantines() {
        return store.all().map(QuarantineView.Open::of).collectList()
                .zipWith(store.resolutions(RECENT).collectList(), QuarantineView::new);
    }

    /** The body of skip and retry as documented; read by hand (Decision) so each field's problem is named. */
    @Schema(name = "QuarantineDecision")
    record DecisionBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_ACTOR,
                                description = "Who decides (one admin token names nobody)") String actor,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_REASON,
                                description = "Why, kept in the audit") String reason) {
    }

    /** {@code {"actor": "…", "reason": "…"}}: the event is left out for good, the held ones follow. */
    @Operation(summary = "Skip the quarantined event for good (audited); the tenant's held events follow")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = DecisionBody.class)))
    @PostMapping("/{tenantId}/skip")
    Mono<Resolution> skip(@PathVariable String tenantId, @RequestBody(required = false) Mono<JsonNode> body) {
        return resolve(tenantId, Action.SKIP, body);
    }

    /** {@code {"actor": "…", "reason": "…"}}: the event is replayed (after a fix), then the held ones. */
    @Operation(summary = "Replay the quarantined event after a fix, then the held ones; quarantined again if it fails")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = DecisionBody.class)))
    @PostMapping("/{tenantId}/retry")
    Mono<Resolution> retry(@PathVariable String tenantId, @RequestBody(required = false) Mono<JsonNode> body) {
        return resolve(tenantId, Action.RETRY, body);
    }

    private Mono<Resolution> resolve(String tenantId, Action action, Mono<JsonNode> body) {
        UUID tenant = tenantId(tenantId);
        return body.switchIfEmpty(Mono.error(() -> ProblemException.validation(List.of(
                        new Problem.FieldError("actor", "is required"), new Problem.FieldError("reason", "is required")))))
                .map(Decision::of)
                .flatMap(decision -> resolver.resolve(tenant, action, decision.actor(), decision.reason()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Tenant " + tenant + " is not quarantined")));
    }

    private static UUID tenantId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(List.of(new Problem.FieldError("tenantId", "must be a UUID")));
        }
    }

    /** Who decides and why, both required, as the audit keeps them. */
    private record Decision(String actor, String reason) {

        static Decision of(JsonNode body) {
            if (!body.isObject()) {
                throw ProblemException.malformed("The request body must be a JSON object");
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            String actor = text(body, "actor", MAX_ACTOR, errors);
            String reason = text(body, "reason", MAX_REASON, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return new Decision(actor, reason);
        }

        private static String text(JsonNode body, String field, int maxLength, List<Problem.FieldError> errors) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull() || !value.isString() || value.stringValue().isBlank()) {
                errors.add(new Problem.FieldError(field, "is required: a non-blank string"));
                return null;
            }
            String text = value.stringValue();
            if (text.length() > maxLength) {
                errors.add(new Problem.FieldError(field, "must be at most " + maxLength + " characters"));
            } else {
                StorableText.problem(text).ifPresent(problem -> errors.add(new Problem.FieldError(field, problem)));
            }
            return text;
        }
    }
}
