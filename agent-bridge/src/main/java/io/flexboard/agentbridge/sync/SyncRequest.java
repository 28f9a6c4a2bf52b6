package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.web.Problem;
import io.flexboard.agentbridge.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent's sync request as sent (spec: {@code tenant_id}, {@code current_version}, {@code agent_version}).
 * tenant_id is read as text so a bad value is a validation error naming the field, not a parse error.
 */
public record SyncRequest(String tenantId, Long currentVersion, String agentVersion) {

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
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Valid(tenant, currentVersion == null ? 0 : currentVersion, agentVersion);
    }

    /** A sync request that passed validation; an agent without a version on disk asks from 0. */
    public record Valid(UUID tenantId, long currentVersion, String agentVersion) {
    }
}
