import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, NetworkFailure } from '../api/problem';
import { Renewal, SESSION_ENDED, type Refresher } from './renewal';
import { sessionStore, type Session } from './session';

const NOW = Date.UTC(2026, 11, 7, 4, 0, 0);

function session(refreshToken: string | undefined, expiresAt: number | undefined): Session {
  return { bearer: `access-${refreshToken}`, displayName: 'Ada', email: 'ada@acme.example', role: 'tenant-admin', tenantIds: ['t1'],
    permissions: [], method: 'password', refreshToken, expiresAt };
}

/** The browser's sessionStorage, in memory: vitest runs in node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('keeping a session alive', () => {
  let renewed: Session[];
  let ended: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    vi.stubGlobal('sessionStorage', memoryStorage());
    renewed = [];
    ended = [];
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const renewal = (refresher: Refresher) => new Renewal(refresher, (s) => {
    sessionStore.save(s);
    renewed.push(s);
  }, (message) => ended.push(message));

  it('renews a 60 s access token 15 s before it expires, with the refresh token it holds', async () => {
    const seen: string[] = [];
    const first = session('r1', NOW + 60_000);
    sessionStore.save(first);
    const keeper = renewal({ refreshed: async (s) => {
      seen.push(s.refreshToken!);
      return session('r2', Date.now() + 60_000);
    } });

    keeper.schedule(first);
    await vi.advanceTimersByTimeAsync(44_999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(seen).toEqual(['r1']);
    expect(sessionStore.load()?.refreshToken).toBe('r2');
    expect(ended).toEqual([]);
  });

  it('ends the session with a clear message when the refresh token is refused (used, expired, user disabled)', async () => {
    sessionStore.save(session('used', NOW + 60_000));
    const keeper = renewal({ refreshed: async () => { throw new ApiProblem(401, 'https://flexboard.io/problems/unauthorized', 'Unauthorized', '', []); } });

    expect(await keeper.now()).toBe(false);

    expect(ended).toEqual([SESSION_ENDED]);
    expect(renewed).toEqual([]);
  });

  it('tries again while the control plane is unreachable and the token still has time', async () => {
    sessionStore.save(session('r1', NOW + 60_000));
    let calls = 0;
    const keeper = renewal({ refreshed: async () => {
      calls++;
      if (calls === 1) throw new NetworkFailure('connection refused');
      return session('r2', Date.now() + 60_000);
    } });

    expect(await keeper.now()).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);

    expect(calls).toBe(2);
    expect(ended).toEqual([]);
    expect(sessionStore.load()?.refreshToken).toBe('r2');
  });

  it('spends a single-use refresh token once however many calls ask for a renewal at the same moment', async () => {
    sessionStore.save(session('r1', NOW + 60_000));
    let calls = 0;
    const keeper = renewal({ refreshed: async () => {
      calls++;
      return session('r2', Date.now() + 60_000);
    } });

    const answers = await Promise.all([keeper.now(), keeper.now(), keeper.now()]);

    expect(answers).toEqual([true, true, true]);
    expect(calls).toBe(1);
  });

  it('leaves the admin token alone: it has nothing to renew', async () => {
    const admin = session(undefined, undefined);
    sessionStore.save(admin);
    const keeper = renewal({ refreshed: async () => { throw new Error('must not be called'); } });

    keeper.schedule(admin);
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(await keeper.now()).toBe(false);
    expect(ended).toEqual([]);
  });
});
