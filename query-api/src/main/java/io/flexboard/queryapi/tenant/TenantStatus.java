package io.flexboard.queryapi.tenant;

import com.fasterxml.jackson.annotation.JsonValue;
import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whether a tenant's agents may sync: {@code active}, or {@code paused} by an admin (is_active false). */
public enum TenantStatus {
    ACTIVE, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TenantStatus of(boolean active) {
        return active ? ACTIVE : PAUSED;
    }

    /** Parses {@code ?status=}; an unknown value fails validation naming the parameter, so the UI can show it on its filter. */
    static TenantStatus fromQuery(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.validation(List.of(new Problem.FieldError("status", "must be one of "
                        + Arrays.stream(values()).map(TenantStatus::wireName).collect(Collectors.joining(", "))))));
    }
}
