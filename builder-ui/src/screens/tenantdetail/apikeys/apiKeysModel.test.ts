import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../api/types';
import { hasRoomForAnother, isLive, MAX_LIVE_KEYS, nameProblem, ordered } from './apiKeysModel';

function key(name: string, revokedAt: string | null = null): ApiKey {
  return {
    id: `id-${name}`, name, prefix: 'fbk_abcdef', created_by: 'alice', created_at: '2026-03-01T08:00:00Z',
    last_used_at: null, revoked_at: revokedAt,
  };
}

describe('a new key name', () => {
  it('is required and bounded, as command-api checks it', () => {
    expect(nameProblem('plant-2 agents', [])).toBeNull();
    expect(nameProblem('   ', [])).toBe('is required');
    expect(nameProblem('k'.repeat(100), [])).toBeNull();
    expect(nameProblem('k'.repeat(101), [])).toBe('must be at most 100 characters');
  });

  it('refuses control and format characters that would make two names look alike', () => {
    for (const hostile of ['plant\n2', 'bell\u0007', 'evil\u202Egnp', 'zero\u200Bwidth', 'a\u2028b']) {
      expect(nameProblem(hostile, [])).toBe('must not contain control, format or line-separator characters');
    }
  });

  it('is unique among live keys whatever its case, and a revoked key\'s name is free again', () => {
    const keys = [key('default'), key('old site', '2026-03-02T10:00:00Z')];
    expect(nameProblem(' Default ', keys)).toBe("the tenant already has a live API key named 'Default'");
    expect(nameProblem('old site', keys)).toBeNull();
  });
});

describe('a tenant\'s keys', () => {
  it('list the live ones first, then the most recently revoked', () => {
    const keys = [key('a', '2026-03-01T09:00:00Z'), key('b'), key('c', '2026-03-02T09:00:00Z'), key('d')];
    expect(ordered(keys).map((k) => k.name)).toEqual(['b', 'd', 'c', 'a']);
    expect(isLive(keys[0])).toBe(false);
  });

  it('leave room for another key until the cap of live keys, revoked ones not counted', () => {
    const live = Array.from({ length: MAX_LIVE_KEYS - 1 }, (_, i) => key(`site ${i}`));
    expect(hasRoomForAnother([...live, key('gone', '2026-03-02T09:00:00Z')])).toBe(true);
    expect(hasRoomForAnother([...live, key('last')])).toBe(false);
  });
});
