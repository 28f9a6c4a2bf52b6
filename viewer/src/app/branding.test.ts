import { describe, expect, it } from 'vitest';
import { applyBranding, FONT_STACKS, scopedCss } from './branding';

describe('branding', () => {
  it('is nothing at all when the tenant has none', () => {
    expect(applyBranding(undefined)).toEqual({ variables: {}, logo: null, css: null });
    expect(applyBranding(null)).toEqual({ variables: {}, logo: null, css: null });
  });

  it('sets the colours and the font stack as CSS variables', () => {
    const applied = applyBranding({
      colors: { primary: '#0a7cff', secondary: '#112233', accent: '#FFAA00', background: '#ffffff', text: '#101010' },
      font: 'Noto Sans Thai',
    });
    expect(applied.variables).toEqual({
      '--fb-primary': '#0a7cff', '--fb-secondary': '#112233', '--fb-accent': '#FFAA00',
      '--fb-background': '#ffffff', '--fb-text': '#101010', '--fb-font': FONT_STACKS['Noto Sans Thai'],
    });
  });

  it('skips a colour or font that is not of the published shape', () => {
    const applied = applyBranding({
      colors: { primary: 'red; background:url(//evil)', accent: '#fff', text: '#12345g' },
      font: 'Comic Sans"; x:y',
    });
    expect(applied.variables).toEqual({});
  });

  it('shows a PNG or SVG logo as a data URL and refuses any other media type', () => {
    expect(applyBranding({ logo: { media_type: 'image/png', data_base64: 'iVBORw0KGgo=' } }).logo).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(applyBranding({ logo: { media_type: 'text/html', data_base64: 'PGh0bWw+' } }).logo).toBeNull();
    expect(applyBranding({ logo: { media_type: 'image/svg+xml', data_base64: 'PHN2Zz4"onload=' } }).logo).toBeNull();
  });

  it('wraps custom CSS in a scope on the viewer', () => {
    expect(scopedCss('h1 { color: red }')).toBe('@scope (.fb-viewer) {\nh1 { color: red }\n}');
    expect(scopedCss('  ')).toBeNull();
  });

  it('drops custom CSS that would close its style element', () => {
    expect(scopedCss('a{}</STYLE><script>alert(1)</script>')).toBeNull();
  });
});
