package io.flexboard.commandapi.user;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flexboard.commandapi.api.FieldViolation;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.foundation.identity.Role;

/** The checks of a user's fields, every offending field at once (the aggregate's guard clauses call them). */
final class UserRules {

    /** RFC 5321's limit of a whole address. */
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TENANTS = 1000;
    /** One @, something before it, a dot in the domain, no spaces: what a mail server would accept, roughly. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private UserRules() {
    }

    /** The checked user: tenants de-duplicated and in the order given. */
    record CheckedUser(String email, String name, Role role, List<String> tenantIds) {
    }

    static CheckedUser check(String email, String name, String role, List<String> tenantIds, KnownTenants tenants) {
        List<FieldViolation> found = new ArrayList<>();
        if (email == null || email.isBlank()) {
            found.add(new FieldViolation("email", "is required"));
        } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.strip()).matches()) {
            found.add(new FieldViolation("email", "must be an email address like ann@example.com, at most "
                    + MAX_EMAIL_LENGTH + " characters"));
        }
        if (name == null || name.isBlank()) {
            found.add(new FieldViolation("name", "is required"));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            found.add(new FieldViolation("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        Role checkedRole = role == null ? null : Role.named(role).orElse(null);
        if (checkedRole == null) {
            found.add(new FieldViolation("role", "must be one of super-admin, tenant-admin, dashboard-editor, viewer"));
        }
        Set<String> checkedTenants = new LinkedHashSet<>();
        List<String> given = tenantIds == null ? List.of() : tenantIds;
        if (given.size() > MAX_TENANTS) {
            found.add(new FieldViolation("tenant_ids", "must list at most " + MAX_TENANTS + " tenants"));
        } else {
            for (int i = 0; i < given.size(); i++) {
                String tenant = given.get(i);
                if (!isUuid(tenant)) {
                    found.add(new FieldViolation("tenant_ids[" + i + "]", "must be a tenant's UUID"));
                } else {
                    checkedTenants.add(UUID.fromString(tenant).toString());
                }
            }
        }
        if (checkedRole == Role.SUPER_ADMIN && !given.isEmpty()) {
            found.add(new FieldViolation("tenant_ids", "must be empty for a super-admin, who has every tenant"));
        } else if (checkedRole != null && checkedRole != Role.SUPER_ADMIN && given.isEmpty()) {
            found.add(new FieldViolation("tenant_ids", "must name at least one tenant for a " + role));
        }
        if (found.isEmpty()) {
            for (String unknown : tenants.unknown(checkedTenants)) {
                found.add(new FieldViolation("tenant_ids[" + given.indexOf(unknown) + "]", "names no tenant: " + unknown));
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidCommandException(found);
        }
        return new CheckedUser(email.strip(), name.strip(), checkedRole, List.copyOf(checkedTenants));
    }

    private static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
