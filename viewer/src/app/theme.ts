export type Theme = 'light' | 'dark';

const KEY = 'flexboard.viewer.theme';

/** The viewer's theme: the one chosen with the toggle, else the system's (prefers-color-scheme). */
export function resolveTheme(saved: string | null, prefersDark: boolean): Theme {
  if (saved === 'light' || saved === 'dark') {
    return saved;
  }
  return prefersDark ? 'dark' : 'light';
}

export function initialTheme(): Theme {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // Storage can be disabled (private mode, policy): the system's theme then.
  }
  return resolveTheme(saved, window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
}

export function rememberTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered across visits; the toggle still works for this one.
  }
}
