package io.flexboard.queryapi.syncreport;

import com.fasterxml.jackson.annotation.JsonValue;
import io.flexboard.foundation.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A tenant's sync status as the overview shows it; the rule is {@link SyncStatusReadModel#TENANT_SYNC_STATUS}. */
public enum SyncStatus {
    SYNCED, PENDING, ERROR, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status as the read model's SQL spells it. */
    static SyncStatus of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** Parses {@code ?status=}; an unknown value is a malformed request naming the parameter. */
    public static SyncStatus fromQuery(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.malformed("Invalid value for 'status': must be one of "
                        + Arrays.stream(values()).map(SyncStatus::wireName).collect(Collectors.joining(", "))));
    }
}
