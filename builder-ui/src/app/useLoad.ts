import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describe } from '../api/problem';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads data for a screen; `refreshMs` re-reads it while the screen is shown (the fleet's status
 * moves without any action of the admin). A reload keeps the previous data on screen until it lands.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshMs?: number): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine === generation.current) {
        setData(value);
        setError(undefined);
      }
    } catch (e) {
      if (mine === generation.current) {
        setError(describe(e));
      }
    } finally {
      if (mine === generation.current) {
        setLoading(false);
      }
    }
  }, [run]);

  useEffect(() => {
    void reload();
    if (!refreshMs) {
      return undefined;
    }
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        void reload();
      }
    }, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  return { data, error, loading, reload };
}
