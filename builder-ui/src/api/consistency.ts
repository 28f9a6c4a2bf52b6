/**
 * The newest `X-Consistency-Token` each tenant's commands answered. Reads send it back, so the read
 * side waits (server-side, without a thread) until it shows the admin's own write: no sleeping, no
 * stale list after a save.
 */
export class ConsistencyTokens {
  private readonly byTenant = new Map<string, string>();
  private newest: string | undefined;

  remember(token: string | null): void {
    if (!token) {
      return;
    }
    const separator = token.lastIndexOf(':');
    if (separator <= 0) {
      return;
    }
    const tenant = token.substring(0, separator);
    const sequence = Number(token.substring(separator + 1));
    const known = this.byTenant.get(tenant);
    if (known !== undefined && Number(known.substring(known.lastIndexOf(':') + 1)) >= sequence) {
      return;
    }
    this.byTenant.set(tenant, token);
    this.newest = token;
  }

  /** The token for a read of this tenant; for a read across tenants, the newest of any. */
  forRead(tenantId?: string): string | undefined {
    return tenantId ? this.byTenant.get(tenantId) : this.newest;
  }

  clear(): void {
    this.byTenant.clear();
    this.newest = undefined;
  }
}
