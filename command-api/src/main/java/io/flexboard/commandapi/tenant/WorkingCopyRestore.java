package io.flexboard.commandapi.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;

/**
 * The widget-list replacements that set a tenant's dashboards back to a version's snapshot, in an
 * order in which every intermediate state keeps widget names and ids unique within the tenant.
 *
 * <p>The order matters because each replacement is its own event and the read model applies them
 * one by one under the same uniqueness (widgets' id and (tenant, name) keys): a widget that moved
 * from dashboard A to B since the snapshot must leave B before A gets it back. A dashboard whose
 * list already equals the snapshot's is not touched. Only when dashboards wait on each other (two
 * widgets swapped places) does one of them first give up the contested widgets in an extra
 * replacement, and then get its snapshot list like the others.
 *
 * <p>The result obeys every widget rule without re-checking them: the snapshot obeyed them when it
 * was saved, licenses never change and dashboards are never deleted, so the restored state is the
 * snapshot's (plus the dashboards created since, with no widgets).
 */
final class WorkingCopyRestore {

    /** One dashboard's new widget list. */
    record Replacement(String dashboardId, List<Widget> widgets) {
    }

    private final Map<String, List<Widget>> working;
    private final Map<String, List<Widget>> pending = new LinkedHashMap<>();
    private final List<Replacement> replacements = new ArrayList<>();

    private WorkingCopyRestore(Collection<String> dashboardIds, Map<String, List<Widget>> current, PublishedConfiguration snapshot) {
        working = new HashMap<>();
        Map<String, List<Widget>> target = new LinkedHashMap<>();
        dashboardIds.forEach(id -> {
            working.put(id, current.getOrDefault(id, List.of()));
            target.put(id, new ArrayList<>());
        });
        snapshot.getWidgets().forEach(widget -> target.get(widget.getDashboardId()).add(widget));
        target.forEach((id, widgets) -> {
            if (!working.get(id).equals(widgets)) {
                pending.put(id, List.copyOf(widgets));
            }
        });
    }

    /**
     * The replacements, given the tenant's dashboards in creation order (every dashboard of the
     * snapshot among them) and their current widget lists.
     */
    static List<Replacement> plan(Collection<String> dashboardIds, Map<String, List<Widget>> current,
                                  PublishedConfiguration snapshot) {
        WorkingCopyRestore restore = new WorkingCopyRestore(dashboardIds, current, snapshot);
        while (!restore.pending.isEmpty()) {
            if (!restore.replaceOneThatFits()) {
                restore.freeContestedWidgets();
            }
        }
        return List.copyOf(restore.replacements);
    }

    private boolean replaceOneThatFits() {
        for (Map.Entry<String, List<Widget>> next : pending.entrySet()) {
            if (next.getValue().stream().noneMatch(widget -> heldElsewhere(widget, next.getKey()))) {
                replace(next.getKey(), next.getValue());
                pending.remove(next.getKey());
                return true;
            }
        }
        return false;
    }

    /**
     * Every pending dashboard waits for a widget another pending one holds (a dashboard already as
     * in the snapshot holds nothing another one's snapshot list wants): the first holder gives its
     * contested widgets up. Each call takes at least one widget away, so the plan terminates.
     */
    private void freeContestedWidgets() {
        for (String holder : pending.keySet()) {
            List<Widget> wantedByOthers = pending.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(holder))
                    .flatMap(entry -> entry.getValue().stream())
                    .toList();
            List<Widget> kept = working.get(holder).stream()
                    .filter(held -> wantedByOthers.stream().noneMatch(wanted -> sameNameOrId(held, wanted)))
                    .toList();
            if (kept.size() < working.get(holder).size()) {
                replace(holder, kept);
                return;
            }
        }
        // Only reachable if the snapshot itself had a name or id twice, which its rules refused.
        throw new IllegalStateException("the snapshot's widgets are not unique within the tenant");
    }

    private boolean heldElsewhere(Widget wanted, String dashboardId) {
        return working.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(dashboardId))
                .flatMap(entry -> entry.getValue().stream())
                .anyMatch(held -> sameNameOrId(held, wanted));
    }

    private static boolean sameNameOrId(Widget a, Widget b) {
        return a.getName().equals(b.getName()) || a.getWidgetId().equals(b.getWidgetId());
    }

    private void replace(String dashboardId, List<Widget> widgets) {
        working.put(dashboardId, widgets);
        replacements.add(new Replacement(dashboardId, widgets));
    }
}
