import { ApiProblem, NetworkFailure } from '../api/problem';
import { refreshDelay, sessionStore, type Session } from './session';

/** What renewal needs of {@link Auth}: one refresh. */
export interface Refresher {
  refreshed(session: Session): Promise<Session>;
}

/** Tried again this often while the control plane cannot be reached and the token still has time. */
const RETRY_UNREACHABLE_MS = 5000;

export const SESSION_ENDED = 'Your session ended and could not be renewed. Sign in again.';

/**
 * Keeps a password or SSO session alive: renews its access token before it expires (the refresh token is
 * single use, so one renewal at a time), and ends the session with a message when the server refuses.
 */
export class Renewal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | null = null;

  constructor(
    private readonly auth: Refresher,
    private readonly onRenewed: (session: Session) => void,
    private readonly onEnded: (message: string) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Plans the next renewal of this session; returns what cancels it (a React effect's clean-up). */
  schedule(session: Session | null): () => void {
    this.cancel();
    if (session?.refreshToken && session.expiresAt !== undefined) {
      this.timer = setTimeout(() => void this.now(), refreshDelay(session.expiresAt, this.clock()));
    }
    return () => this.cancel();
  }

  /** Renews the stored session now; true when a new access token is in place. Concurrent callers share one try. */
  now(): Promise<boolean> {
    if (!this.inFlight) {
      this.inFlight = this.attempt().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async attempt(): Promise<boolean> {
    const current = sessionStore.load();
    if (!current?.refreshToken) {
      return false;
    }
    try {
      const next = await this.auth.refreshed(current);
      this.onRenewed(next);
      return true;
    } catch (e) {
      if (e instanceof NetworkFailure && current.expiresAt !== undefined && current.expiresAt > this.clock() + RETRY_UNREACHABLE_MS) {
        this.timer = setTimeout(() => void this.now(), RETRY_UNREACHABLE_MS);
        return false;
      }
      this.onEnded(e instanceof ApiProblem && e.status !== 401 && e.detail ? `${SESSION_ENDED} (${e.detail})` : SESSION_ENDED);
      return false;
    }
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
