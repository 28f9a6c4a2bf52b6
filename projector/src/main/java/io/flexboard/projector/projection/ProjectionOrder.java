package io.flexboard.projector.projection;

/**
 * The order in which read models see an event: a read model comes after those its foreign keys
 * or inputs point to (dashboards need their tenant, published_versions reads versions), and the
 * publish notification comes after the row it announces.
 */
public final class ProjectionOrder {

    public static final int TENANTS = 100;
    public static final int API_KEYS = 200;
    public static final int DASHBOARDS = 300;
    public static final int VERSIONS = 400;
    public static final int PUBLISHED_VERSIONS = 500;
    /** After {@link #PUBLISHED_VERSIONS}: a listener woken by the notification must find the new row. */
    public static final int PUBLISHED_NOTIFICATION = 600;

    private ProjectionOrder() {
    }
}
