package io.flexboard.projector.rebuild;

import java.util.List;

/**
 * A table a rebuild can rebuild, and the columns of it that another source than
 * {@code flexboard.events} writes: those keep their live values through a switch-over.
 */
record ReadModelTable(String name, List<String> liveColumns) {

    ReadModelTable(String name) {
        this(name, List.of());
    }
}
