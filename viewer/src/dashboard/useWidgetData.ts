import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchData, ViewerError } from '../api/agent';
import type { DataAnswer } from '../api/types';

export type Load =
  | { state: 'loading' }
  | { state: 'ready'; answer: DataAnswer }
  | { state: 'error'; message: string };

/**
 * A widget's rows for one filter query: fetched when the query changes, again every `refreshMs` while the
 * tab is visible (a hidden tab costs the customer's database nothing), and on `retry`. An answer to an
 * older query that arrives late is dropped.
 */
export function useWidgetData(widget: string, query: string, refreshMs?: number, drilldown = false): { load: Load; retry: () => void } {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef<AbortController | null>(null);

  const run = useCallback((quiet: boolean) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    if (!quiet) {
      setLoad({ state: 'loading' });
    }
    fetchData(widget, query, controller.signal, drilldown).then(
      (answer) => {
        if (!controller.signal.aborted) {
          setLoad({ state: 'ready', answer });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoad({ state: 'error', message: error instanceof ViewerError ? error.message : String(error) });
        }
      },
    );
  }, [widget, query, drilldown]);

  useEffect(() => {
    run(false);
    return () => current.current?.abort();
  }, [run, attempt]);

  useEffect(() => {
    if (!refreshMs || refreshMs < 1000) {
      return undefined;
    }
    let timer: number | undefined;
    const schedule = () => {
      window.clearInterval(timer);
      timer = document.hidden ? undefined : window.setInterval(() => run(true), refreshMs);
    };
    // Back from a hidden tab: fresh rows at once, then the interval again.
    const visibility = () => {
      if (!document.hidden) {
        run(true);
      }
      schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [run, refreshMs]);

  return { load, retry: () => setAttempt((n) => n + 1) };
}
