package io.flexboard.commandapi.tenant;

import java.util.regex.Pattern;

import io.flexboard.commandapi.api.CreateDashboardCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.SaveDraftCommand;

/** Field rules of the tenant, dashboard, pause and draft commands, with the spec's license defaults. */
final class TenantRules {

    static final String DEFAULT_LICENSE_TYPE = "basic";
    static final int DEFAULT_MAX_DASHBOARDS = 5;
    static final int DEFAULT_MAX_WIDGETS_PER_DASHBOARD = 20;
    private static final Pattern LICENSE_TYPE = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");
    private static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_MESSAGE_LENGTH = 500;
    private static final int MAX_REASON_LENGTH = 500;

    private TenantRules() {
    }

    /** The license a new tenant gets once its fields are valid. */
    record Defaults(String licenseType, int maxDashboards, int maxWidgetsPerDashboard) {
    }

    static Defaults checkNewTenant(CreateTenantCommand command) {
        Violations violations = new Violations();
        violations.checkName(command.name(), "name");
        violations.checkSlug(command.slug(), "slug");
        if (command.licenseType() != null) {
            violations.check(LICENSE_TYPE.matcher(command.licenseType()).matches(), "license_type",
                    "must be a lower-case word such as basic");
        }
        violations.checkRange(command.maxDashboards(), 1, 1000, "max_dashboards");
        violations.checkRange(command.maxWidgetsPerDashboard(), 1, 500, "max_widgets_per_dashboard");
        violations.throwIfAny();
        return new Defaults(
                command.licenseType() == null ? DEFAULT_LICENSE_TYPE : command.licenseType(),
                command.maxDashboards() == null ? DEFAULT_MAX_DASHBOARDS : command.maxDashboards(),
                command.maxWidgetsPerDashboard() == null ? DEFAULT_MAX_WIDGETS_PER_DASHBOARD
                        : command.maxWidgetsPerDashboard());
    }

    static void checkNewDashboard(CreateDashboardCommand command) {
        Violations violations = new Violations();
        violations.checkName(command.name(), "name");
        violations.checkSlug(command.slug(), "slug");
        if (command.description() != null) {
            violations.check(command.description().length() <= MAX_DESCRIPTION_LENGTH, "description",
                    "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        violations.throwIfAny();
    }

    static void checkDraft(SaveDraftCommand command) {
        checkMessage(command.message());
    }

    /** A version's message, from saving a draft or restoring a version. */
    static void checkMessage(String message) {
        Violations violations = new Violations();
        if (message != null) {
            violations.check(message.length() <= MAX_MESSAGE_LENGTH, "message",
                    "must be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        violations.throwIfAny();
    }

    /** The reason to store: stripped, and null when absent or blank (nothing to show the admin). */
    static String checkPauseReason(PauseTenantCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            return null;
        }
        String reason = command.reason().strip();
        Violations violations = new Violations();
        violations.check(reason.length() <= MAX_REASON_LENGTH, "reason",
                "must be at most " + MAX_REASON_LENGTH + " characters");
        violations.throwIfAny();
        return reason;
    }
}
