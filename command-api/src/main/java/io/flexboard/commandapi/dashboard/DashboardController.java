package io.flexboard.commandapi.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.CreateDashboardCommand;
import io.flexboard.commandapi.api.ReplaceWidgetsCommand;
import io.flexboard.commandapi.api.WidgetInput;
import io.flexboard.commandapi.tenant.DashboardOwners;
import io.flexboard.commandapi.web.CommandDispatcher;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.schemas.Widget;
import io.flexboard.commandapi.openapi.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Dashboard commands: create a dashboard, replace its widgets. */
@RestController
class DashboardController {

    private final CommandDispatcher commands;
    private final DashboardOwners owners;
    private final JsonMapper json;

    DashboardController(CommandDispatcher commands, DashboardOwners owners, JsonMapper json) {
        this.commands = commands;
        this.owners = owners;
        this.json = json;
    }

    record CreateDashboardRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64,
                                          pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", description = "Unique in the tenant") String slug,
                                  @Schema(maxLength = 2000) String description) {
    }

    record ReplaceWidgetsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The dashboard's whole widget list; widgets left out are removed") List<WidgetRequest> widgets) {
    }

    record WidgetRequest(@Schema(format = "uuid", description = "Keep an existing widget's id; absent = a new widget") String id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The widget's key in the agent's config") String name,
                         @Schema(description = "Equals config.type when given") String widgetType,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                 description = "query (the SQL the agent runs on-premise), type (the chart), refreshInterval, chartConfig, …")
                         Map<String, Object> config,
                         @Schema(minimum = "0", maximum = "11") Integer positionX,
                         @Schema(minimum = "0") Integer positionY,
                         @Schema(minimum = "1", maximum = "12") Integer width,
                         @Schema(minimum = "1") Integer height) {
    }

    @Operation(summary = "Create a dashboard of the tenant")
    @IfMatch
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/dashboards")
    Mono<ResponseEntity<Map<String, Object>>> create(@PathVariable String tenantId,
                                                     @RequestBody CreateDashboardRequest request,
                                                     ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        String dashboardId = UUID.randomUUID().toString();
        CreateDashboardCommand command = new CreateDashboardCommand(tenant, CommandDispatcher.expectedVersion(exchange),
                dashboardId, request.name(), request.slug(), request.description());
        return commands.send(exchange, tenant, command, HttpStatus.CREATED, result -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", dashboardId);
            body.put("tenant_id", tenant);
            body.put("name", request.name().strip());
            body.put("slug", request.slug());
            body.put("description", request.description());
            return body;
        });
    }

    @Operation(summary = "Replace the dashboard's widgets (the whole list)")
    @IfMatch
    @ApiResponse(responseCode = "200", description = "Replaced; the widgets as stored")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PutMapping("/api/dashboards/{dashboardId}/widgets")
    Mono<ResponseEntity<Map<String, Object>>> replaceWidgets(@PathVariable String dashboardId,
                                                             @RequestBody ReplaceWidgetsRequest request,
                                                             ServerWebExchange exchange) {
        String dashboard = CommandDispatcher.uuid(dashboardId, "dashboardId");
        Long expectedVersion = CommandDispatcher.expectedVersion(exchange);
        List<WidgetInput> inputs = inputs(request);
        List<String> newIds = newIds(inputs);
        return Mono.fromCallable(() -> owners.tenantOf(dashboard)
                        .orElseThrow(() -> ProblemException.notFound("unknown dashboard " + dashboard)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tenantId -> commands.send(exchange, tenantId,
                        new ReplaceWidgetsCommand(tenantId, expectedVersion, dashboard, inputs, newIds),
                        HttpStatus.OK, result -> widgetsBody(dashboard, result)));
    }

    private static List<WidgetInput> inputs(ReplaceWidgetsRequest request) {
        if (request.widgets() == null) {
            return null;
        }
        return request.widgets().stream()
                .map(w -> w == null ? null : new WidgetInput(w.id(), w.name(), w.widgetType(), w.config(),
                        w.positionX(), w.positionY(), w.width(), w.height()))
                .toList();
    }

    /**
     * Mints the ids of the new widgets (those sent without one) here, so the aggregate's rules stay
     * deterministic; the server is the only source of widget ids.
     */
    private static List<String> newIds(List<WidgetInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        return inputs.stream().filter(w -> w != null && w.id() == null).map(w -> UUID.randomUUID().toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> widgetsBody(String dashboardId, Object result) {
        List<Map<String, Object>> widgets = ((List<Widget>) result).stream().map(w -> {
            Map<String, Object> widget = new LinkedHashMap<>();
            widget.put("id", w.getWidgetId());
            widget.put("name", w.getName());
            widget.put("widget_type", w.getWidgetType());
            widget.put("config", json.readValue(w.getConfigJson(), Map.class));
            widget.put("position_x", w.getPositionX());
            widget.put("position_y", w.getPositionY());
            widget.put("width", w.getWidth());
            widget.put("height", w.getHeight());
            return widget;
        }).toList();
        return Map.of("dashboard_id", dashboardId, "widgets", widgets);
    }
}
