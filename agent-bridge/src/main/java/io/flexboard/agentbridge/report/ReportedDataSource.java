package io.flexboard.agentbridge.report;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One data source an agent reads, as it reports it in its sync: the id a widget's {@code dataSource.connection}
 * names, and its type. Never a host, URL, file path or credential: the control plane keeps no more than this.
 */
@Schema(description = "One data source of the agent: its id and type only, never a connection detail")
public record ReportedDataSource(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                description = "The id in the agent's datasources.yml") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"sqlserver", "postgresql", "mysql", "mongodb", "rest_api", "csv", "excel"}) String type) {
}
