import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FlexboardApi } from '../api/flexboard';
import type { Session } from './session';
import type { Toasts } from '../components/Toasts';

/** What every screen gets from the shell. */
export interface AppContext {
  api: FlexboardApi;
  session: Session;
  toasts: Toasts;
}

export const App = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const app = useContext(App);
  if (!app) {
    throw new Error('useApp outside the signed-in shell');
  }
  return app;
}
