package io.flexboard.projector.rebuild;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' projection rebuild (docs/projector.md, docs/operations.md): start one of all or
 * some read models, follow its progress, cancel it. Admin token, like every {@code /api} call.
 */
@RestController
@RequestMapping("/api/ops/rebuilds")
class RebuildController {

    private static final int RECENT = 20;
    private static final String READ_MODELS = "read_models";

    private final RebuildCoordinator coordinator;
    private final Rebuilds rebuilds;
    private final JsonMapper json;

    RebuildController(RebuildCoordinator coordinator, Rebuilds rebuilds, JsonMapper json) {
        this.coordinator = coordinator;
        this.rebuilds = rebuilds;
        this.json = json;
    }

    /** The start request's shape as documented; the body is read as JSON to name each offending entry. */
    record RebuildRequest(@Schema(description = "The read models to rebuild; absent = all of them, the positions included")
                          List<String> readModels) {
    }

    /** {@code { "read_models"?: ["dashboards", …] }}: absent = all read models, the positions included. */
    @Operation(summary = "Start a rebuild of all or some read models")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(schema = @Schema(implementation = RebuildRequest.class)))
    @ApiResponse(responseCode = "202", description = "Started; Location names it",
            content = @Content(schema = @Schema(implementation = RebuildView.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping
    Mono<ResponseEntity<RebuildView>> start(@RequestBody(required = false) Mono<JsonNode> body) {
        return body.map(RebuildController::readModels)
                .defaultIfEmpty(List.of())
                .flatMap(readModels -> coordinator.start(readModels, readModels.isEmpty()))
                .onErrorMap(Rebuilds.AlreadyRunningException.class, running -> ProblemException.conflict(
                        "A rebuild is running already: follow it, or cancel it with DELETE, before starting another"))
                .map(rebuild -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/ops/rebuilds/" + rebuild.id()))
                        .body(RebuildView.of(rebuild, json)));
    }

    /** The newest rebuilds first (at most 20), running or finished. */
    @Operation(summary = "The newest rebuilds first (at most 20), running or finished")
    @GetMapping
    Flux<RebuildView> recent() {
        return rebuilds.recent(RECENT).map(rebuild -> RebuildView.of(rebuild, json));
    }

    @Operation(summary = "One rebuild's progress")
    @GetMapping("/{id}")
    Mono<RebuildView> rebuild(@PathVariable String id) {
        UUID rebuildId = rebuildId(id);
        return rebuilds.find(rebuildId)
                .switchIfEmpty(Mono.error(() -> unknown(rebuildId)))
                .map(rebuild -> RebuildView.of(rebuild, json));
    }

    /** Cancels before the switch-over (live read models untouched, schema dropped); answering a cancelled one again is fine. */
    @Operation(summary = "Cancel a rebuild before its switch-over")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RebuildView.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @DeleteMapping("/{id}")
    Mono<RebuildView> cancel(@PathVariable String id) {
        UUID rebuildId = rebuildId(id);
        return coordinator.cancel(rebuildId)
                .switchIfEmpty(Mono.defer(() -> rebuilds.find(rebuildId)
                        .switchIfEmpty(Mono.error(() -> unknown(rebuildId)))
                        .flatMap(rebuild -> switch (rebuild.status()) {
                            case CANCELLED -> Mono.just(rebuild);
                            case SWITCHING -> Mono.error(ProblemException.conflict(
                                    "Rebuild " + rebuildId + " is switching over and can no longer be cancelled"));
                            default -> Mono.error(ProblemException.conflict(
                                    "Rebuild " + rebuildId + " is " + rebuild.status() + " already"));
                        })))
                .map(rebuild -> RebuildView.of(rebuild, json));
    }

    /** The read models a request names (empty = all), or 400 naming each offending {@code read_models[i]}. */
    private static List<String> readModels(JsonNode body) {
        if (body.isNull()) {
            return List.of();
        }
        if (!body.isObject()) {
            throw ProblemException.malformed("The request body must be a JSON object");
        }
        JsonNode names = body.get(READ_MODELS);
        if (names == null || names.isNull()) {
            return List.of();
        }
        if (!names.isArray()) {
            throw invalid(READ_MODELS, "must be an array of read model names: " + String.join(", ", RebuildableReadModels.selectableNames()));
        }
        if (names.isEmpty()) {
            throw invalid(READ_MODELS, "names no read model; leave it out to rebuild all of them");
        }
        Set<String> readModels = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode name = names.get(i);
            String field = READ_MODELS + "[" + i + "]";
            if (!name.isString()) {
                errors.add(new Problem.FieldError(field, "must be a read model name"));
            } else if (RebuildableReadModels.named(name.stringValue()).isPresent()) {
                readModels.add(name.stringValue());
            } else if (RebuildableReadModels.NOT_REBUILDABLE.containsKey(name.stringValue())) {
                errors.add(new Problem.FieldError(field, name.stringValue() + " is not rebuilt: "
                        + RebuildableReadModels.NOT_REBUILDABLE.get(name.stringValue())));
            } else {
                errors.add(new Problem.FieldError(field, "unknown read model " + name.stringValue() + "; one of "
                        + String.join(", ", RebuildableReadModels.selectableNames())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // In foreign-key order, whatever order the request used.
        return RebuildableReadModels.selectableNames().stream().filter(readModels::contains).toList();
    }

    private static UUID rebuildId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("Invalid rebuild id '" + id + "'");
        }
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("No rebuild " + id);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.validation(List.of(new Problem.FieldError(field, message)));
    }
}
