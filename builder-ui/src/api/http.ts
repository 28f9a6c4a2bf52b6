import { ApiProblem, NetworkFailure } from './problem';
import { ConsistencyTokens } from './consistency';

/** What a call answered beyond its body. */
export interface Answer<T> {
  body: T;
  status: number;
  /** The tenant aggregate's version: `"<n>"`, sent back as `If-Match` on the next command. */
  etag: string | null;
  /** The cursor of the next page, taken from `Link: <…cursor=…>; rel="next"`. */
  nextCursor: string | null;
}

export interface CallOptions {
  body?: unknown;
  /** Makes a command conditional: 412 when the tenant changed since this ETag was read. */
  ifMatch?: string | null;
  /** The tenant a read is about, so it waits for that tenant's newest command. */
  tenantId?: string;
}

const RETRIES_ON_CONSISTENCY_TIMEOUT = 2;

/**
 * Same-origin calls to the control plane with the signed-in person's bearer token. Every command's
 * consistency token is remembered and sent on the following reads. A 401 first tries to renew the session
 * (a tab that slept past its access token's minute) and repeats the call once with the new token.
 */
export class HttpClient {
  readonly tokens = new ConsistencyTokens();

  constructor(
    private readonly bearer: () => string | null,
    private readonly onUnauthorized: () => void,
    private readonly renew: () => Promise<boolean> = async () => false,
  ) {}

  get<T>(path: string, options: CallOptions = {}): Promise<Answer<T>> {
    return this.call<T>('GET', path, options);
  }

  command<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: CallOptions = {}): Promise<Answer<T>> {
    return this.call<T>(method, path, options);
  }

  private async call<T>(method: string, path: string, options: CallOptions, attempt = 0, renewed = false): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.bearer();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options.ifMatch) {
      headers['If-Match'] = options.ifMatch;
    }
    if (method === 'GET') {
      const consistency = this.tokens.forRead(options.tenantId);
      if (consistency) {
        headers['X-Consistency-Token'] = consistency;
      }
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new NetworkFailure(e instanceof Error ? e.message : String(e));
    }
    if (method !== 'GET') {
      this.tokens.remember(response.headers.get('X-Consistency-Token'));
    }
    if (!response.ok) {
      const problem = await ApiProblem.from(response);
      if (problem.status === 401) {
        if (!renewed && await this.renew()) {
          return this.call<T>(method, path, options, attempt, true);
        }
        this.onUnauthorized();
      }
      // The read side was slower than its 5 s wait: it asks for a retry rather than answer stale.
      if (problem.slug === 'consistency-timeout' && attempt < RETRIES_ON_CONSISTENCY_TIMEOUT) {
        return this.call<T>(method, path, options, attempt + 1, renewed);
      }
      throw problem;
    }
    const text = await response.text();
    return {
      body: (text ? JSON.parse(text) : undefined) as T,
      status: response.status,
      etag: response.headers.get('ETag'),
      nextCursor: nextCursor(response.headers.get('Link')),
    };
  }
}

export function nextCursor(link: string | null): string | null {
  if (!link) {
    return null;
  }
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) {
      const query = match[1].includes('?') ? match[1].substring(match[1].indexOf('?') + 1) : '';
      return new URLSearchParams(query).get('cursor');
    }
  }
  return null;
}
