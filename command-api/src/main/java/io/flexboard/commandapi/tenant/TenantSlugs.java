package io.flexboard.commandapi.tenant;

/** The set of tenant slugs in use across all tenants. */
public interface TenantSlugs {

    /** Claims {@code slug} for the tenant in the current transaction; false when another tenant has it. */
    boolean claim(String slug, String tenantId);
}
