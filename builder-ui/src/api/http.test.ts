import { describe, expect, it } from 'vitest';
import { ConsistencyTokens } from './consistency';
import { nextCursor } from './http';

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
