package io.flexboard.queryapi.history;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.fold.EventType;
import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.foundation.problem.ProblemException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit trail's filters: {@code from}/{@code to} (inclusive, on {@code occurred_at}),
 * {@code type} (one or several stable names, comma-separated), {@code actor}, {@code dashboard_id}.
 */
record HistoryFilter(Instant from, Instant to, List<String> types, String actor, UUID dashboardId) {

    static HistoryFilter of(String from, String to, String type, String actor, String dashboardId) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.malformed("Invalid value for 'from': must not be after 'to'");
        }
        return new HistoryFilter(start, end, types(type), QueryParameters.text("actor", actor),
                QueryParameters.uuid("dashboard_id", dashboardId));
    }

    private static List<String> types(String type) {
        if (QueryParameters.absent(type)) {
            return List.of();
        }
        List<String> names = Arrays.stream(type.split(",")).map(String::strip).toList();
        for (String name : names) {
            if (EventType.named(name).isEmpty()) {
                throw ProblemException.malformed("Invalid value for 'type': must be one or more (comma-separated) of "
                        + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", ")));
            }
        }
        return names;
    }
}
