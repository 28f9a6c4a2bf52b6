package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.report.ReportedDataSource;
import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.text.StorableText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The agent's sync request as sent: the spec's {@code tenant_id}, {@code current_version},
 * {@code agent_version}, plus the optional long-poll and status fields of newer agents ({@code wait_seconds},
 * {@code agent_id}, {@code applied_version}, {@code last_error}, {@code last_status}) and the agent's data sources
 * ({@code data_sources}, only when they changed).
 * tenant_id is read as text so a bad value is a validation error naming the field, not a parse error.
 */
public record SyncRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid", description = "The API key's tenant") String tenantId,
        @Schema(minimum = "0", defaultValue = "0", description = "The version the agent runs (0: none)") Long currentVersion,
        String agentVersion,
        @Schema(minimum = "0", defaultValue = "0", description = "Hold the request up to this long (capped at 55 s) "
                + "until a version other than current_version is published; 0 = answer at once") Long waitSeconds,
        @Schema(pattern = "^[A-Za-z0-9._:@-]{1,128}$", description = "The agent's own id, for the fleet's sync status") String agentId,
        @Schema(minimum = "0", description = "The version the agent last applied") Long appliedVersion,
        @Schema(description = "The agent's last error (kept up to 2000 characters)") String lastError,
        @Schema(allowableValues = {"success", "error", "partial"}) String lastStatus,
        @Schema(description = "The ids and types of all the agent's data sources (at most 1000), sent when they changed "
                + "since its last answered sync; absent or null for unchanged, [] for none") List<ReportedDataSource> dataSources) {

    /** The longest last_error kept; agents may send whole stack traces. */
    public static final int MAX_ERROR_LENGTH = 2000;
    /** The longest agent_version; a version string, stored per agent and in every sync report. */
    public static final int MAX_AGENT_VERSION_LENGTH = 128;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Set<String> STATUSES = Set.of("success", "error", "partial");
    /** The most data sources one agent may report: far above a real site, low enough to keep reports small. */
    public static final int MAX_DATA_SOURCES = 1000;
    /** The agent's datasources.yml id rule, which is also the widget schema's dataSource.connection rule. */
    private static final Pattern DATA_SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The agent's data source types (its DataSourceType); an agent with a newer type is refused, not guessed at. */
    private static final Set<String> DATA_SOURCE_TYPES = Set.of("sqlserver", "postgresql", "mysql", "mongodb", "rest_api", "csv", "excel");
    private static final String DATA_SOURCE_TYPE_LIST = String.join(", ", DATA_SOURCE_TYPES.stream().sorted().toList());
    /** A list of a thousand bad entries is named by its first ones only: the answer stays small. */
    private static final int MAX_DATA_SOURCE_ERRORS = 10;

    /** The checked request, or a validation-failed problem naming every bad field. */
    public Valid validated() {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID tenant = null;
        if (tenantId == null || tenantId.isBlank()) {
            errors.add(new Problem.FieldError("tenant_id", "is required"));
        } else {
            try {
                tenant = UUID.fromString(tenantId);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("tenant_id", "must be a UUID"));
            }
        }
        if (currentVersion != null && currentVersion < 0) {
            errors.add(new Problem.FieldError("current_version", "must be 0 or greater"));
        }
        if (waitSeconds != null && waitSeconds < 0) {
            errors.add(new Problem.FieldError("wait_seconds", "must be 0 or greater"));
        }
        if (agentVersion != null && (agentVersion.length() > MAX_AGENT_VERSION_LENGTH || StorableText.problem(agentVersion).isPresent())) {
            errors.add(new Problem.FieldError("agent_version", "must be at most " + MAX_AGENT_VERSION_LENGTH
                    + " characters, without NUL or unpaired surrogates"));
        }
        if (agentId != null && !AGENT_ID.matcher(agentId).matches()) {
            errors.add(new Problem.FieldError("agent_id", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -"));
        }
        if (appliedVersion != null && appliedVersion < 0) {
            errors.add(new Problem.FieldError("applied_version", "must be 0 or greater"));
        }
        if (lastStatus != null && !STATUSES.contains(lastStatus)) {
            errors.add(new Problem.FieldError("last_status", "must be success, error or partial"));
        }
        List<ReportedDataSource> sources = dataSources == null ? null : validDataSources(errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Valid(tenant, currentVersion == null ? 0 : currentVersion, agentVersion,
                Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds), agentId, appliedVersion,
                lastError == null ? null : StorableText.repaired(lastError, MAX_ERROR_LENGTH), lastStatus, sources);
    }

    /**
     * The reported data sources with exact repeats kept once. An id is refused unless it follows the
     * datasources.yml rule (which leaves no room for control characters, NUL or long text), a type unless the
     * agent knows it, and one id with two types is refused: which one would the builder offer?
     */
    private List<ReportedDataSource> validDataSources(List<Problem.FieldError> errors) {
        if (dataSources.size() > MAX_DATA_SOURCES) {
            errors.add(new Problem.FieldError("data_sources", "must hold at most " + MAX_DATA_SOURCES + " entries"));
            return null;
        }
        Map<String, ReportedDataSource> byId = new LinkedHashMap<>();
        int bad = 0;
        for (int i = 0; i < dataSources.size() && bad < MAX_DATA_SOURCE_ERRORS; i++) {
            ReportedDataSource source = dataSources.get(i);
            String at = "data_sources[" + i + "]";
            if (source == null) {
                errors.add(new Problem.FieldError(at, "must be an object with id and type"));
                bad++;
                continue;
            }
            if (source.id() == null || !DATA_SOURCE_ID.matcher(source.id()).matches()) {
                errors.add(new Problem.FieldError(at + ".id", "must be 1 to 64 characters of letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit"));
                bad++;
            } else if (source.type() != null && byId.containsKey(source.id()) && !byId.get(source.id()).type().equals(source.type())) {
                errors.add(new Problem.FieldError(at + ".id", "is reported twice with different types"));
                bad++;
            }
            if (source.type() == null || !DATA_SOURCE_TYPES.contains(source.type())) {
                errors.add(new Problem.FieldError(at + ".type", "must be one of " + DATA_SOURCE_TYPE_LIST));
                bad++;
            }
            if (bad == 0) {
                byId.putIfAbsent(source.id(), source);
            }
        }
        return bad == 0 ? List.copyOf(byId.values()) : null;
    }

    /**
     * A sync request that passed validation; an agent without a version on disk asks from 0, one without
     * wait_seconds is answered at once. {@code dataSources} is null when the sync did not carry them (unchanged).
     */
    public record Valid(UUID tenantId, long currentVersion, String agentVersion, Duration requestedWait, String agentId,
                        Long appliedVersion, String lastError, String lastStatus, List<ReportedDataSource> dataSources) {

        /** The agent's verdict on its last apply: last_status as sent, else error when it reported an error. */
        public String syncStatus() {
            if (lastStatus != null) {
                return lastStatus;
            }
            return lastError != null && !lastError.isBlank() ? "error" : "success";
        }
    }
}
