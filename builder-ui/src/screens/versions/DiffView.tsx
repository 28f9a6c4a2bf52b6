import type { VersionDetail } from '../../api/types';
import { sideBySide, snapshotText, summarize } from '../../model/diff';

/** Two versions side by side: what changed per widget and in the branding, then the snapshots line by line. */
export function DiffView({ left, right }: { left: VersionDetail; right: VersionDetail }) {
  const rows = sideBySide(snapshotText(left.metadata), snapshotText(right.metadata));
  const summary = summarize(left.metadata, right.metadata);
  const unchanged = rows.every((r) => r.change === 'same');
  return (
    <div class="diff" data-testid="diff">
      <div class="diff-summary" aria-live="polite">
        {unchanged
          ? <span>v{left.version} and v{right.version} hold the same dashboards, widgets and branding.</span>
          : <>
              <span class="diff-added-count">{summary.added.length} added</span>
              <span class="diff-removed-count">{summary.removed.length} removed</span>
              <span class="diff-changed-count">{summary.changed.length} changed</span>
              {summary.branding.length > 0 && <span class="diff-branding" data-testid="diff-branding">branding: {summary.branding.join(', ')}</span>}
              <span class="muted small">{[...summary.added.map((w) => `+${w}`), ...summary.removed.map((w) => `−${w}`), ...summary.changed.map((w) => `~${w}`)].join('  ')}</span>
            </>}
      </div>
      <table class="diff-table">
        <caption class="visually-hidden">Differences between v{left.version} and v{right.version}</caption>
        <colgroup><col class="diff-num" /><col /><col class="diff-num" /><col /></colgroup>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>v{left.version} <span class="muted">({left.status})</span></th>
            <th scope="col" colSpan={2}>v{right.version} <span class="muted">({right.status})</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} class={`diff-${row.change}`}>
              <td class="diff-num">{row.left?.number ?? ''}</td>
              <td class={`diff-line${row.left && row.change !== 'same' ? ' diff-line-old' : ''}`}>
                {row.left && row.change !== 'same' && <span class="visually-hidden">removed: </span>}
                <code>{row.left?.text ?? ''}</code>
              </td>
              <td class="diff-num">{row.right?.number ?? ''}</td>
              <td class={`diff-line${row.right && row.change !== 'same' ? ' diff-line-new' : ''}`}>
                {row.right && row.change !== 'same' && <span class="visually-hidden">added: </span>}
                <code>{row.right?.text ?? ''}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
