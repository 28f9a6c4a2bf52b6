import type { DataAnswer, PublishedConfig } from './types';

/** A refusal or failure as the viewer shows it: the agent's problem detail, or why the agent was not reached. */
export class ViewerError extends Error {
  constructor(message: string, readonly status: number, readonly type?: string) {
    super(message);
  }
}

/** The published dashboards and widgets the agent holds (its last good configuration). */
export function fetchConfig(signal?: AbortSignal): Promise<PublishedConfig> {
  return getJson<PublishedConfig>('/config', signal);
}

/** A widget's rows with the given filter query string; its drilldown's when `drilldown` is set. */
export function fetchData(widget: string, query: string, signal?: AbortSignal, drilldown = false): Promise<DataAnswer> {
  const path = `/api/data/${encodeURIComponent(widget)}${drilldown ? '/drilldown' : ''}`;
  return getJson<DataAnswer>(query ? `${path}?${query}` : path, signal);
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new ViewerError('The agent cannot be reached. Is it running?', 0);
  }
  const text = await response.text();
  if (!response.ok) {
    throw problem(response.status, text);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ViewerError(`The agent answered ${url} with something that is not JSON.`, response.status);
  }
}

/** The problem's detail when the answer is problem+json (every agent refusal is), else its status. */
export function problem(status: number, body: string): ViewerError {
  try {
    const parsed = JSON.parse(body) as { detail?: unknown; type?: unknown };
    if (typeof parsed.detail === 'string') {
      return new ViewerError(parsed.detail, status, typeof parsed.type === 'string' ? parsed.type : undefined);
    }
  } catch {
    // Not JSON: a proxy's page, say.
  }
  return new ViewerError(`The agent answered with status ${status}.`, status);
}
