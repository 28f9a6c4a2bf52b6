import type { Branding, BrandingColors, BrandingFont } from '../../api/types';

/** The fonts command-api allows, in the order the select offers them. */
export const FONTS: BrandingFont[] = ['system-ui', 'Inter', 'Roboto', 'Open Sans', 'Lato', 'Source Sans 3', 'Noto Sans Thai', 'IBM Plex Sans'];

/** Local font stacks only: neither the preview nor the viewer downloads a web font. */
const FONT_STACKS: Record<BrandingFont, string> = {
  'system-ui': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  Inter: 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif',
  Roboto: 'Roboto, "Helvetica Neue", Arial, sans-serif',
  'Open Sans': '"Open Sans", "Segoe UI", Arial, sans-serif',
  Lato: 'Lato, "Helvetica Neue", Arial, sans-serif',
  'Source Sans 3': '"Source Sans 3", "Source Sans Pro", "Segoe UI", sans-serif',
  'Noto Sans Thai': '"Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif',
  'IBM Plex Sans': '"IBM Plex Sans", "Helvetica Neue", Arial, sans-serif',
};

export const COLOR_NAMES: (keyof BrandingColors)[] = ['primary', 'secondary', 'accent', 'background', 'text'];

/** Limits command-api enforces; checked here too so the admin hears before uploading. */
export const MAX_LOGO_BYTES = 64 * 1024;
export const MAX_CSS_BYTES = 16 * 1024;
const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;

/** Flexboard's own look: what a tenant without branding shows, and where a new branding starts. */
export const DEFAULT_BRANDING: Branding = {
  logo: null,
  colors: { primary: '#2563eb', secondary: '#475569', accent: '#0d9488', background: '#ffffff', text: '#0f172a' },
  font: 'system-ui',
  custom_css: null,
};

export function fontStack(font: BrandingFont): string {
  return FONT_STACKS[font] ?? FONT_STACKS['system-ui'];
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}

/** Why the file cannot be the logo, or null when it may be sent (command-api checks and sanitises it again). */
export function logoFileProblem(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
    return 'The logo must be a PNG or an SVG image.';
  }
  if (file.size > MAX_LOGO_BYTES) {
    return `The logo is ${formatKib(file.size)}; at most 64 KiB.`;
  }
  return null;
}

export function cssBytes(css: string): number {
  return new TextEncoder().encode(css).length;
}

export function formatKib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The CSS variables the viewer sets on `.fb-viewer`, by the same names. */
export function cssVariables(branding: Branding): Record<string, string> {
  const { colors } = branding;
  return {
    '--fb-primary': colors.primary,
    '--fb-secondary': colors.secondary,
    '--fb-accent': colors.accent,
    '--fb-background': colors.background,
    '--fb-text': colors.text,
    '--fb-font': fontStack(branding.font),
  };
}

/**
 * The custom CSS as the viewer applies it: inside `@scope (root)`, so its rules reach nothing
 * outside the branded area. A `}` cannot close the scope early because command-api refuses
 * unbalanced braces; text containing `<` (which could end a `<style>`) is refused there too and
 * dropped here, so the preview never renders what could not be saved.
 */
export function scopedCss(css: string | null, root = '.fb-viewer'): string {
  if (!css || !css.trim() || css.includes('<')) {
    return '';
  }
  return `@scope (${root}) {\n${css}\n}`;
}

/** The `data:` URL that shows a stored logo. */
export function logoUrl(branding: Branding): string | null {
  return branding.logo ? `data:${branding.logo.media_type};base64,${branding.logo.data_base64}` : null;
}

/** The body PUT …/branding sends: blank CSS as none. */
export function toRequest(branding: Branding): Branding {
  const css = branding.custom_css && branding.custom_css.trim() ? branding.custom_css : null;
  return { ...branding, colors: { ...branding.colors }, custom_css: css };
}

/** base64 of bytes, for the logo upload (btoa takes a binary string, built in chunks to stay off the call-stack limit). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
