package io.flexboard.foundation.identity;

/**
 * One line of the roadmap's permission table: a role may do {@code action} on {@code resource} within
 * {@code scope}. {@link Resource#ANY} and {@link Action#ANY} are the table's {@code *}.
 */
public record Permission(Resource resource, Action action, Scope scope) {

    /** What is acted on; the names are the roadmap's (plural, as in its table). */
    public enum Resource { ANY, TENANTS, DASHBOARDS, WIDGETS, VERSIONS, API_KEYS, USERS, BRANDING, HISTORY, OPERATIONS }

    /** What is done to it; {@code PUBLISH} is a version's. */
    public enum Action { ANY, CREATE, READ, UPDATE, DELETE, PUBLISH }

    /**
     * How far it reaches: every tenant, the caller's tenants, or (within the caller's tenants) only what the
     * caller created.
     */
    public enum Scope { ALL, TENANT, OWN }

    boolean matches(Resource wanted, Action done) {
        return (resource == Resource.ANY || resource == wanted) && (action == Action.ANY || action == done);
    }
}
