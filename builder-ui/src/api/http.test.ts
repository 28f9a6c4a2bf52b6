import { describe, expect, it, vi } from 'vitest';
import { ConsistencyTokens } from './consistency';
import { HttpClient, nextCursor } from './http';

describe('consistency tokens', () => {
  it("send a tenant's newest token on its reads and the newest of all on reads across tenants", () => {
    const tokens = new ConsistencyTokens();
    tokens.remember('t1:3');
    tokens.remember('t2:7');
    tokens.remember('t1:2');
    expect(tokens.forRead('t1')).toBe('t1:3');
    expect(tokens.forRead('t2')).toBe('t2:7');
    expect(tokens.forRead()).toBe('t2:7');
    expect(tokens.forRead('t3')).toBeUndefined();
  });
});

describe('the next page', () => {
  it('is the cursor of the Link header', () => {
    expect(nextCursor('</api/tenants?limit=20&cursor=abc_-1>; rel="next"')).toBe('abc_-1');
    expect(nextCursor(null)).toBeNull();
  });
});

describe('a call whose token has expired', () => {
  const problem401 = () => new Response(JSON.stringify({ type: 'https://flexboard.io/problems/unauthorized', status: 401 }), { status: 401 });

  it('renews the session once and repeats the call with the new token', async () => {
    let bearer = 'old';
    const sent: string[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('Authorization') ?? '');
      return sent.length === 1 ? problem401() : new Response('{"ok":true}', { status: 200 });
    });
    let ended = 0;
    const http = new HttpClient(() => bearer, () => ended++, async () => {
      bearer = 'new';
      return true;
    });

    const answer = await http.get<{ ok: boolean }>('/api/overview');

    expect(answer.body.ok).toBe(true);
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
    expect(ended).toBe(0);
    vi.unstubAllGlobals();
  });

  it('ends the session when it cannot be renewed, or when the renewed token is refused too', async () => {
    vi.stubGlobal('fetch', async () => problem401());
    let ended = 0;
    let renewals = 0;
    const http = new HttpClient(() => 'token', () => ended++, async () => ++renewals === 1);

    await expect(http.get('/api/overview')).rejects.toMatchObject({ status: 401 });
    await expect(http.get('/api/overview')).rejects.toMatchObject({ status: 401 });

    expect(renewals).toBe(2);
    expect(ended).toBe(2);
    vi.unstubAllGlobals();
  });
});
