package io.flexboard.agentbridge.sync;

import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.text.StorableText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The agent's sync request as sent: the spec's {@code tenant_id}, {@code current_version},
 * {@code agent_version}, plus the optional long-poll and status fields of newer agents ({@code wait_seconds},
 * {@code agent_id}, {@code applied_version}, {@code last_error}, {@code last_status}).
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
        @Schema(allowableValues = {"success", "error", "partial"}) String lastStatus) {

    /** The longest last_error kept; agents may send whole stack traces. */
    public static final int MAX_ERROR_LENGTH = 2000;
    /** The longest agent_version; a version string, stored per agent and in every sync report. */
    public static final int MAX_AGENT_VERSION_LENGTH = 128;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Set<String> STATUSES = Set.of("success", "error", "partial");

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
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Valid(tenant, currentVersion == null ? 0 : currentVersion, agentVersion,
                Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds), agentId, appliedVersion,
                lastError == null ? null : StorableText.repaired(lastError, MAX_ERROR_LENGTH), lastStatus);
    }

    /**
     * A sync request that passed validation; an agent without a version on disk asks from 0, one without
     * wait_seconds is answered at once.
     */
    public record Valid(UUID tenantId, long currentVersion, String agentVersion, Duration requestedWait, String agentId,
                        Long appliedVersion, String lastError, String lastStatus) {

        /** The agent's verdict on its last apply: last_status as sent, else error when it reported an error. */
        public String syncStatus() {
            if (lastStatus != null) {
                return lastStatus;
            }
            return lastError != null && !lastError.isBlank() ? "error" : "success";
        }
    }
}
