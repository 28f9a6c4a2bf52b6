import { createContext } from 'preact';
import type { BrandColors } from '@flexboard/charts';
import type { Branding } from '../api/types';

/**
 * The allowed fonts, each mapped to locally installed faces then a generic family: the viewer downloads no
 * web font (it must work with the control plane and the internet unreachable).
 */
export const FONT_STACKS: Record<string, string> = {
  'system-ui': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  Inter: 'Inter, "Inter Variable", system-ui, sans-serif',
  Roboto: 'Roboto, "Roboto Flex", system-ui, sans-serif',
  'Open Sans': '"Open Sans", system-ui, sans-serif',
  Lato: 'Lato, system-ui, sans-serif',
  'Source Sans 3': '"Source Sans 3", "Source Sans Pro", system-ui, sans-serif',
  'Noto Sans Thai': '"Noto Sans Thai", "Noto Sans", Tahoma, system-ui, sans-serif',
  'IBM Plex Sans': '"IBM Plex Sans", system-ui, sans-serif',
};

const COLOR = /^#[0-9a-fA-F]{6}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const LOGO_TYPES = new Set(['image/png', 'image/svg+xml']);
const COLOR_NAMES = ['primary', 'secondary', 'accent', 'background', 'text'] as const;

export interface AppliedBranding {
  /** CSS custom properties set on `.fb-viewer`. */
  variables: Record<string, string>;
  logo: string | null;
  /** The tenant's CSS, already wrapped so it cannot reach outside the viewer. */
  css: string | null;
}

/**
 * What the tenant's branding does to the viewer. command-api sanitised it already; what does not have
 * the published shape is still skipped here, because a wrong value would otherwise become page markup.
 */
export function applyBranding(branding: Branding | null | undefined): AppliedBranding {
  const variables: Record<string, string> = {};
  if (!branding) {
    return { variables, logo: null, css: null };
  }
  for (const name of COLOR_NAMES) {
    const value = branding.colors?.[name];
    if (typeof value === 'string' && COLOR.test(value)) {
      variables[`--fb-${name}`] = value;
    }
  }
  if (branding.font && FONT_STACKS[branding.font]) {
    variables['--fb-font'] = FONT_STACKS[branding.font];
  }
  const logo = branding.logo;
  const logoSrc = logo && LOGO_TYPES.has(logo.media_type) && BASE64.test(logo.data_base64)
    ? `data:${logo.media_type};base64,${logo.data_base64}`
    : null;
  return { variables, logo: logoSrc, css: scopedCss(branding.custom_css) };
}

/**
 * `@scope (.fb-viewer) { … }` around the tenant's CSS. A `</style` in it would end the style element
 * early; it cannot be valid CSS, so such a sheet is dropped whole rather than repaired.
 */
export function scopedCss(css: string | null | undefined): string | null {
  if (!css || !css.trim() || /<\/style/i.test(css)) {
    return null;
  }
  return `@scope (.fb-viewer) {\n${css}\n}`;
}

/** The published branding's colours for every chart below the viewer's root (the charts take primary, secondary, accent). */
export const BrandColorsContext = createContext<BrandColors | undefined>(undefined);
