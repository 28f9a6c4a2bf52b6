import type { Tenant, TenantStatus } from '../../api/types';

/** A tenant's status; read models from before pause/activate only say `is_active`. */
export function statusOf(tenant: Tenant): TenantStatus {
  return tenant.status ?? (tenant.is_active ? 'active' : 'paused');
}

/** A slug from a name, as the admin would type it: `Acme Corp.` → `acme-corp`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .substring(0, 64)
    .replace(/-+$/g, '');
}
