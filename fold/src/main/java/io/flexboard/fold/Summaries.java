package io.flexboard.fold;

/** The audit trail's one-line human summaries, e.g. "alice published version 7". */
final class Summaries {

    private Summaries() {
    }

    static String tenantCreated(String actor, String slug, String licenseType) {
        return actor + " created tenant " + slug + " (" + licenseType + " license)";
    }

    /** A key from before keys had names reads as it always did. */
    static String apiKeyIssued(String actor, String keyPrefix, String name) {
        return name == null ? actor + " issued API key " + keyPrefix + "…"
                : actor + " issued API key '" + name + "' (" + keyPrefix + "…)";
    }

    static String apiKeyRevoked(String actor, String keyId) {
        return actor + " revoked API key " + keyId;
    }

    static String dashboardCreated(String actor, String slug) {
        return actor + " created dashboard " + slug;
    }

    static String widgetsReplaced(String actor, String dashboardSlug, int widgets) {
        return actor + " replaced the widgets of dashboard " + dashboardSlug + " (" + widgets
                + (widgets == 1 ? " widget)" : " widgets)");
    }

    static String draftSaved(String actor, int version, Integer restoredFromVersion) {
        return actor + " saved draft version " + version
                + (restoredFromVersion == null ? "" : ", restoring version " + restoredFromVersion);
    }

    static String versionPublished(String actor, int version) {
        return actor + " published version " + version;
    }

    static String versionArchived(String actor, int version) {
        return actor + " archived version " + version;
    }

    static String tenantPaused(String actor, String reason) {
        return actor + " paused the tenant" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    static String tenantActivated(String actor) {
        return actor + " activated the tenant";
    }

    static String tenantBrandingSet(String actor) {
        return actor + " set the tenant's branding";
    }

    static String tenantBrandingCleared(String actor) {
        return actor + " removed the tenant's branding";
    }

    static String userCreated(String actor, String email, String role) {
        return actor + " created user " + email + " (" + role + ")";
    }

    static String userChanged(String actor, String email, String role, boolean passwordChanged) {
        return actor + " changed user " + email + " (" + role + ")" + (passwordChanged ? ", with a new password" : "");
    }

    static String userDisabled(String actor) {
        return actor + " disabled the user";
    }
}
