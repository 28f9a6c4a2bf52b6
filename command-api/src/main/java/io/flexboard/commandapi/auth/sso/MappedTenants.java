package io.flexboard.commandapi.auth.sso;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.foundation.problem.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenant ids a group mapping's tenants name: each is a tenant id or a slug (slugs read better in a
 * properties file and survive no rename either way). Looked up at each sign-in, so a tenant created after
 * start-up can be mapped without a restart of the mapping's meaning.
 */
@Component
class MappedTenants {

    private final JdbcTemplate jdbc;

    MappedTenants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the named tenants, in order, once each; 403 naming the first that names no tenant. */
    List<String> ids(String providerId, List<String> references) {
        Set<String> ids = new LinkedHashSet<>();
        for (String reference : references) {
            List<String> found = jdbc.queryForList("select tenant_id from tenant_slugs where tenant_id = ? or slug = ?",
                    String.class, asUuid(reference), reference);
            if (found.isEmpty()) {
                throw ProblemException.forbidden("Provider " + providerId + " maps your group to tenant '" + reference
                        + "', which does not exist: an administrator must correct flexboard.sso.providers." + providerId
                        + ".group-mappings");
            }
            ids.add(found.get(0));
        }
        return new ArrayList<>(ids);
    }

    /** The reference as a tenant id would be stored (lower-case UUID), or the reference itself. */
    private static String asUuid(String reference) {
        try {
            return UUID.fromString(reference).toString();
        } catch (IllegalArgumentException notAnId) {
            return reference;
        }
    }
}
