package io.flexboard.projector.rebuild;

import java.util.List;

/**
 * A table a rebuild can rebuild: the column naming the tenant a row belongs to (the switch-over
 * re-compares the rows of tenants whose events moved on), and the columns another source than
 * {@code flexboard.events} writes, which keep their live values through a switch-over.
 */
record ReadModelTable(String name, String tenantColumn, List<String> liveColumns) {

    ReadModelTable(String name) {
        this(name, "tenant_id", List.of());
    }
}
