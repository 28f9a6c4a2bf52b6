import { columnNames, formatOf, numericColumns } from '../fields';
import { formatValue } from '../format';
import type { OptionContext } from '../options/context';

// A table draws at most a few hundred rows: the DOM cost grows with every cell, and a dashboard tile is read, not
// scrolled through ten thousand lines. The footer says how many rows are not shown (and whether the agent capped them).
export const TABLE_ROW_CAP = 200;
export const COMPACT_ROW_CAP = 6;

export interface TableModel {
  columns: { name: string; numeric: boolean }[];
  /** Formatted cells of the shown rows, with each row's index in the data. */
  rows: { rowIndex: number; cells: string[] }[];
  /** Rows not drawn: the data has more than the cap. */
  hidden: number;
  /** The agent capped the result before it reached the viewer. */
  truncated: boolean;
}

export function tableModel(ctx: OptionContext): TableModel {
  const { config, data } = ctx;
  const names = columnNames(data);
  const numeric = new Set(numericColumns(data));
  const cap = ctx.compact ? COMPACT_ROW_CAP : TABLE_ROW_CAP;
  const formats = names.map((name) => formatOf(config, name));
  const shown = data.rows.slice(0, cap);
  return {
    columns: names.map((name) => ({ name, numeric: numeric.has(name) })),
    rows: shown.map((row, rowIndex) => ({
      rowIndex,
      cells: names.map((name, i) => cellText(row[name], formats[i], ctx)),
    })),
    hidden: data.rows.length - shown.length,
    truncated: data.truncated === true,
  };
}

function cellText(value: unknown, format: string | undefined, ctx: OptionContext): string {
  if (value !== null && typeof value === 'object') {
    return JSON.stringify(value);
  }
  return formatValue(value, format, ctx.locale, ctx.currency);
}

/** The "n more rows" line under a capped table, or undefined when every row is shown. */
export function footerText(model: TableModel, locale: string | undefined): string | undefined {
  const n = new Intl.NumberFormat(locale);
  if (model.hidden > 0) {
    const shown = model.rows.length;
    return `Showing ${n.format(shown)} of ${n.format(shown + model.hidden)} rows${model.truncated ? ' (the agent capped the result)' : ''}`;
  }
  return model.truncated ? 'The agent capped the result: more rows exist' : undefined;
}

/**
 * The table as HTML, text only through textContent. A row click (or Enter on a focused row) reports the row when the
 * widget is clickable.
 */
export function renderTable(element: HTMLElement, model: TableModel, ctx: OptionContext, onRow?: (rowIndex: number) => void): void {
  const root = document.createElement('div');
  root.className = ctx.compact ? 'fb-table fb-compact' : 'fb-table';
  root.dataset.chart = 'table';
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const column of model.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.name;
    if (column.numeric) {
      th.className = 'fb-num';
    }
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of model.rows) {
    const tr = body.insertRow();
    row.cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      if (model.columns[i].numeric) {
        td.className = 'fb-num';
      }
    });
    if (onRow) {
      tr.className = 'fb-clickable';
      tr.tabIndex = 0;
      tr.addEventListener('click', () => onRow(row.rowIndex));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          onRow(row.rowIndex);
        }
      });
    }
  }
  root.append(table);
  const footer = footerText(model, ctx.locale);
  if (footer) {
    const p = document.createElement('p');
    p.className = 'fb-table-footer';
    p.textContent = footer;
    root.append(p);
  }
  element.replaceChildren(root);
}
