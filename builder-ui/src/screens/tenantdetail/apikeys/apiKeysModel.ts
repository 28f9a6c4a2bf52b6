import type { ApiKey } from '../../../api/types';

/** command-api's rules for a key's name and the live keys of a tenant (docs/command-api.md, "API keys"). */
export const MAX_NAME_LENGTH = 100;
export const MAX_LIVE_KEYS = 20;

// Control, format (bidi overrides, zero-width) and line/paragraph separators: names that would read alike.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Whether a key still authenticates agents. */
export function isLive(key: ApiKey): boolean {
  return key.revoked_at === null;
}

/** Live keys first (oldest first, as listed), then the revoked ones, most recently revoked first. */
export function ordered(keys: ApiKey[]): ApiKey[] {
  const live = keys.filter(isLive);
  const revoked = keys.filter((key) => !isLive(key))
    .sort((a, b) => (b.revoked_at ?? '').localeCompare(a.revoked_at ?? ''));
  return [...live, ...revoked];
}

/** Why a new key cannot have this name, as the server would say it, or null; checked before sending. */
export function nameProblem(name: string, keys: ApiKey[]): string | null {
  const stripped = name.trim();
  if (!stripped) {
    return 'is required';
  }
  if (stripped.length > MAX_NAME_LENGTH) {
    return `must be at most ${MAX_NAME_LENGTH} characters`;
  }
  if (INVISIBLE.test(stripped)) {
    return 'must not contain control, format or line-separator characters';
  }
  if (keys.some((key) => isLive(key) && key.name.toLowerCase() === stripped.toLowerCase())) {
    return `the tenant already has a live API key named '${stripped}'`;
  }
  return null;
}

/** Whether the tenant may be issued another key now. */
export function hasRoomForAnother(keys: ApiKey[]): boolean {
  return keys.filter(isLive).length < MAX_LIVE_KEYS;
}
