import { describe, expect, it } from 'vitest';
import {
  cssBytes, cssVariables, DEFAULT_BRANDING, FONTS, fontStack, isHexColor, logoFileProblem, logoUrl, scopedCss, toBase64, toRequest,
} from './brandingModel';

describe('the logo upload', () => {
  it('takes a PNG or an SVG up to 64 KiB', () => {
    expect(logoFileProblem({ type: 'image/png', size: 64 * 1024 })).toBeNull();
    expect(logoFileProblem({ type: 'image/svg+xml', size: 1200 })).toBeNull();
  });

  it('refuses a larger file naming its size, and other image types', () => {
    expect(logoFileProblem({ type: 'image/png', size: 64 * 1024 + 1 })).toBe('The logo is 64.0 KiB; at most 64 KiB.');
    expect(logoFileProblem({ type: 'image/png', size: 300 * 1024 })).toBe('The logo is 300.0 KiB; at most 64 KiB.');
    expect(logoFileProblem({ type: 'image/gif', size: 10 })).toBe('The logo must be a PNG or an SVG image.');
    expect(logoFileProblem({ type: '', size: 10 })).toBe('The logo must be a PNG or an SVG image.');
  });

  it('encodes bytes as base64, large files included', () => {
    expect(toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('iVBORw==');
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Uint8Array.from(atob(toBase64(big)), (c) => c.charCodeAt(0))).toEqual(big);
  });
});

describe('the preview', () => {
  it('sets the colours and the font as the CSS variables the viewer uses', () => {
    const branding = { ...DEFAULT_BRANDING, colors: { ...DEFAULT_BRANDING.colors, primary: '#1a365d' }, font: 'Noto Sans Thai' as const };
    expect(cssVariables(branding)).toMatchObject({ '--fb-primary': '#1a365d', '--fb-text': DEFAULT_BRANDING.colors.text });
    expect(cssVariables(branding)['--fb-font']).toMatch(/^"Noto Sans Thai", /);
  });

  it('offers every allowed font a local stack ending in a generic family', () => {
    for (const font of FONTS) {
      expect(fontStack(font)).toMatch(/sans-serif$/);
    }
  });

  it('scopes the custom CSS to the branded area and shows nothing for blank or unsafe CSS', () => {
    expect(scopedCss('.fb-title { color: red }', '.fb-preview')).toBe('@scope (.fb-preview) {\n.fb-title { color: red }\n}');
    expect(scopedCss('   ')).toBe('');
    expect(scopedCss(null)).toBe('');
    expect(scopedCss('a{}</style><script>alert(1)</script>')).toBe('');
  });

  it('shows a stored logo as a data URL', () => {
    expect(logoUrl({ ...DEFAULT_BRANDING, logo: { media_type: 'image/png', data_base64: 'iVBORw==' } })).toBe('data:image/png;base64,iVBORw==');
    expect(logoUrl(DEFAULT_BRANDING)).toBeNull();
  });
});

describe('the form', () => {
  it('accepts only #rrggbb colours', () => {
    expect(isHexColor('#1A365d')).toBe(true);
    for (const bad of ['1a365d', '#1a365', '#1a365dd', 'red', '#gggggg', '']) {
      expect(isHexColor(bad)).toBe(false);
    }
  });

  it('sends blank CSS as none and counts CSS in UTF-8 bytes', () => {
    expect(toRequest({ ...DEFAULT_BRANDING, custom_css: ' \n ' }).custom_css).toBeNull();
    expect(toRequest({ ...DEFAULT_BRANDING, custom_css: 'a{}' }).custom_css).toBe('a{}');
    expect(cssBytes('ก')).toBe(3);
  });
});
