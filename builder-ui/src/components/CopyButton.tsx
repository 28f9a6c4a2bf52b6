import { useState } from 'preact/hooks';

/** Copies a value; falls back to selecting the given input where the Clipboard API is not allowed (plain HTTP). */
export function CopyButton({ value, inputId, label = 'Copy' }: { value: string; inputId?: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const input = inputId ? (document.getElementById(inputId) as HTMLInputElement | null) : null;
      input?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" class="button" onClick={copy} aria-live="polite">
      {copied ? 'Copied' : label}
    </button>
  );
}
