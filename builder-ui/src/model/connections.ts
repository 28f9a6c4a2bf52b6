import type { ReportedDataSource } from '../api/types';

/** One suggestion for a widget's `dataSource.connection`: the id, and why it is offered. */
export interface ConnectionOffer {
  id: string;
  label: string;
}

/**
 * The ids the connection field suggests: those the tenant's agents report (with their types and how many agents
 * have them), then those other widgets already name that no agent reports (yet). Only a suggestion: the field
 * still takes any id, since a source added on-premise shows up only after its agent's next sync.
 */
export function connectionOffers(reported: ReportedDataSource[], used: string[]): ConnectionOffer[] {
  const byId = new Map<string, { types: string[]; agents: number }>();
  for (const source of reported) {
    const known = byId.get(source.id) ?? { types: [], agents: 0 };
    if (!known.types.includes(source.type)) known.types.push(source.type);
    known.agents += source.agents;
    byId.set(source.id, known);
  }
  const offers = [...byId.entries()].map(([id, { types, agents }]) => ({
    id, label: `${types.sort().join(', ')} · ${agents === 1 ? '1 agent' : `${agents} agents`}`,
  }));
  const unreported = used.filter((id) => !byId.has(id)).map((id) => ({ id, label: 'used by a widget · no agent reports it' }));
  return [...offers, ...unreported].sort((a, b) => a.id.localeCompare(b.id));
}
