import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, describe } from '../../api/problem';
import type { Branding, BrandingColors, BrandingFont } from '../../api/types';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { href } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { ConflictDialog } from '../../components/ConflictDialog';
import { describedBy, Field } from '../../components/Field';
import { Card, ErrorBanner, Loading, PageHeader } from '../../components/Page';
import {
  COLOR_NAMES, cssBytes, cssVariables, DEFAULT_BRANDING, FONTS, formatKib, isHexColor, logoFileProblem, logoUrl, MAX_CSS_BYTES,
  scopedCss, toBase64, toRequest,
} from './brandingModel';
import './branding.css';

type Errors = Record<string, string>;

/** A tenant's white-label branding: logo, colours, font and custom CSS, with a live preview of the viewer. */
export function BrandingScreen({ tenantId }: { tenantId: string }) {
  const { api, session, toasts } = useApp();
  const mayEdit = can(session, 'edit-branding');
  const data = useLoad(async () => {
    const [tenant, branding] = await Promise.all([api.tenant(tenantId), api.branding(tenantId)]);
    return { tenant: tenant.body, etag: branding.etag ?? tenant.etag, branding: branding.body.branding };
  }, [api, tenantId]);
  const [workingCopy, setWorkingCopy] = useState<Branding>(DEFAULT_BRANDING);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (data.data) {
      setWorkingCopy(data.data.branding ?? DEFAULT_BRANDING);
      setErrors({});
    }
  }, [data.data]);

  const failed = (e: unknown) => {
    if (e instanceof ApiProblem && e.isStaleEdit) {
      setConflict(true);
    } else if (e instanceof ApiProblem && e.errors.length > 0) {
      setErrors(Object.fromEntries(e.errors.map((error) => [error.field, error.message])));
      toasts.error(describe(e));
    } else {
      toasts.error(describe(e));
    }
  };

  const save = async () => {
    const local = localErrors(workingCopy);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await api.setBranding(tenantId, toRequest(workingCopy), data.data?.etag ?? null);
      toasts.success('Branding saved: it reaches the agents with the next published version');
      await data.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    try {
      await api.clearBranding(tenantId, data.data?.etag ?? null);
      toasts.success('Branding removed');
      await data.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    const problem = logoFileProblem(file);
    if (problem) {
      setErrors({ ...errors, 'logo.data_base64': problem });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    setWorkingCopy({ ...workingCopy, logo: { media_type: file.type as 'image/png' | 'image/svg+xml', data_base64: toBase64(bytes) } });
    const rest = { ...errors };
    delete rest['logo.data_base64'];
    setErrors(rest);
  };

  if (data.error) {
    return <div class="page"><ErrorBanner message={data.error} onRetry={data.reload} /></div>;
  }
  if (!data.data) {
    return <div class="page"><Loading /></div>;
  }
  const { tenant } = data.data;
  const setColor = (name: keyof BrandingColors, value: string) => setWorkingCopy({ ...workingCopy, colors: { ...workingCopy.colors, [name]: value } });
  const css = workingCopy.custom_css ?? '';

  return (
    <div class="page" data-screen="branding">
      <PageHeader
        crumbs={[{ label: 'Tenants', href: '/tenants' }, { label: tenant.name, href: href({ name: 'tenant', tenantId }) }, { label: 'Branding' }]}
        title="Branding"
        subtitle={`How ${tenant.name}'s viewer looks. Saved with the working copy; agents get it with the next published version.`}
        actions={mayEdit && <>
          {data.data.branding && <button type="button" class="button" disabled={busy} onClick={clear}>Remove branding</button>}
          <button type="button" class="button button-primary" disabled={busy} onClick={save} data-testid="save-branding">Save branding</button>
        </>}
      />
      <div class="branding-layout">
        <Card title="Brand" id="brand-form">
          <Field id="logo" label="Logo" hint="PNG or SVG, at most 64 KiB. SVGs are cleaned of scripts and links when saved." error={errors['logo.data_base64'] ?? errors['logo.media_type']}>
            <input id="logo" type="file" accept="image/png,image/svg+xml" aria-describedby={describedBy('logo', errors['logo.data_base64'])}
              onChange={(e) => void upload((e.currentTarget as HTMLInputElement).files?.[0])} />
          </Field>
          {workingCopy.logo && <button type="button" class="button button-small" onClick={() => setWorkingCopy({ ...workingCopy, logo: null })}>No logo</button>}
          <div class="branding-colors">
            {COLOR_NAMES.map((name) => (
              <Field key={name} id={`color-${name}`} label={name[0].toUpperCase() + name.substring(1)} error={errors[`colors.${name}`]}>
                <div class="branding-color">
                  <input type="color" aria-label={`${name} colour picker`} value={isHexColor(workingCopy.colors[name]) ? workingCopy.colors[name] : '#000000'}
                    onInput={(e) => setColor(name, (e.currentTarget as HTMLInputElement).value)} />
                  <input id={`color-${name}`} class="mono" value={workingCopy.colors[name]} maxLength={7}
                    aria-invalid={!isHexColor(workingCopy.colors[name])}
                    onInput={(e) => setColor(name, (e.currentTarget as HTMLInputElement).value)} />
                </div>
              </Field>
            ))}
          </div>
          <Field id="font" label="Font" hint="Drawn from the fonts installed where the viewer runs; none is downloaded." error={errors.font}>
            <select id="font" value={workingCopy.font} onChange={(e) => setWorkingCopy({ ...workingCopy, font: (e.currentTarget as HTMLSelectElement).value as BrandingFont })}>
              {FONTS.map((font) => <option key={font} value={font}>{font}</option>)}
            </select>
          </Field>
          <Field id="custom-css" label={`Custom CSS (${formatKib(cssBytes(css))} of 16 KiB)`}
            hint="Applies inside the viewer only. No @import, no external url(), no scripts." error={errors.custom_css}>
            <textarea id="custom-css" class="mono" rows={8} value={css} spellcheck={false}
              aria-describedby={describedBy('custom-css', errors.custom_css)}
              onInput={(e) => setWorkingCopy({ ...workingCopy, custom_css: (e.currentTarget as HTMLTextAreaElement).value })} />
          </Field>
        </Card>
        <Card title="Preview" id="brand-preview">
          <BrandPreview branding={workingCopy} tenantName={tenant.name} />
        </Card>
      </div>
      {conflict && (
        <ConflictDialog what="tenant"
          onReload={() => {
            setConflict(false);
            void data.reload();
          }}
          onKeep={() => setConflict(false)} />
      )}
    </div>
  );
}

/** A small mock dashboard styled as the viewer is: the same CSS variables and the custom CSS scoped to it. */
function BrandPreview({ branding, tenantName }: { branding: Branding; tenantName: string }) {
  const logo = logoUrl(branding);
  const variables = cssVariables(branding);
  const bars = [62, 80, 45, 92, 70];
  return (
    <div class="fb-preview" data-testid="branding-preview" style={variables}>
      <style>{scopedCss(branding.custom_css, '.fb-preview')}</style>
      <header class="fb-header">
        {logo ? <img class="fb-logo" src={logo} alt={`${tenantName} logo`} /> : <span class="fb-logo-text">{tenantName}</span>}
        <span class="fb-title">Sales overview</span>
      </header>
      <div class="fb-grid">
        <section class="fb-widget">
          <h3 class="fb-widget-title">Revenue</h3>
          <p class="fb-kpi">฿1.24M</p>
          <p class="fb-kpi-change">+8.2% vs last month</p>
        </section>
        <section class="fb-widget">
          <h3 class="fb-widget-title">Orders by month</h3>
          <div class="fb-bars" aria-hidden="true">
            {bars.map((height, i) => <span key={i} class={i === 3 ? 'fb-bar fb-bar-accent' : 'fb-bar'} style={{ height: `${height}%` }} />)}
          </div>
        </section>
      </div>
    </div>
  );
}

/** What the form can tell before asking command-api, which checks everything again. */
function localErrors(branding: Branding): Errors {
  const errors: Errors = {};
  for (const name of COLOR_NAMES) {
    if (!isHexColor(branding.colors[name])) {
      errors[`colors.${name}`] = 'must be a colour as #rrggbb';
    }
  }
  if (branding.custom_css && cssBytes(branding.custom_css) > MAX_CSS_BYTES) {
    errors.custom_css = `must be at most ${MAX_CSS_BYTES} bytes (16 KiB)`;
  }
  return errors;
}
