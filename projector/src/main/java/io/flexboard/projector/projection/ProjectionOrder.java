package io.flexboard.projector.projection;

/**
 * The order in which the {@link ReadModelProjection}s see an event: the read models first (the
 * fold orders its own row changes, a row before the rows pointing to it), then the publish
 * notification, after the row it announces.
 */
public final class ProjectionOrder {

    /** Every read model of the events, written from the fold's row changes. */
    public static final int READ_MODELS = 100;
    /** After {@link #READ_MODELS}: a listener woken by the notification must find the new published_versions row. */
    public static final int PUBLISHED_NOTIFICATION = 600;

    private ProjectionOrder() {
    }
}
