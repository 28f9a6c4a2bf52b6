import { describe, expect, it } from 'vitest';
import { connectionOffers } from './connections';

const reported = (id: string, type: string, agents = 1) => ({ id, type, agents, last_reported_at: '2026-12-07T00:00:00Z' });

describe('connectionOffers', () => {
  it('offers the ids the agents report with their type and how many agents have them, by id', () => {
    expect(connectionOffers([reported('sales', 'csv'), reported('erp', 'sqlserver', 3)], [])).toEqual([
      { id: 'erp', label: 'sqlserver · 3 agents' },
      { id: 'sales', label: 'csv · 1 agent' },
    ]);
  });

  it('names both types of an id two agents report differently, counting both agents', () => {
    expect(connectionOffers([reported('erp', 'sqlserver'), reported('erp', 'postgresql')], [])).toEqual([
      { id: 'erp', label: 'postgresql, sqlserver · 2 agents' },
    ]);
  });

  it('still offers an id other widgets name when no agent reports it, saying so, and never twice', () => {
    expect(connectionOffers([reported('erp', 'sqlserver')], ['erp', 'new-db'])).toEqual([
      { id: 'erp', label: 'sqlserver · 1 agent' },
      { id: 'new-db', label: 'used by a widget · no agent reports it' },
    ]);
  });

  it('offers nothing when nothing is reported or used', () => {
    expect(connectionOffers([], [])).toEqual([]);
  });
});
