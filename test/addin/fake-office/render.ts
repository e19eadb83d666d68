// The fake workbook drawn as HTML, so a screenshot shows what the user would see in Excel: fills,
// the selected cell, and simple pictures of the charts (bars, pie) from their source cells.
import { cellKey, columnName, parseA1, type FakeCell, type FakeChart, type FakeSheet, type FakeWorkbookState } from './state';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shown(cell: FakeCell | undefined): string {
  if (!cell || cell.value === '') return '';
  const format = cell.numberFormat ?? 'General';
  if (typeof cell.value === 'number') {
    if (format.includes('%')) return `${(cell.value * 100).toFixed(1).replace('.', ',')}%`;
    if (/[dy]/i.test(format.replace(/"[^"]*"/g, ''))) {
      const date = new Date(Date.UTC(1899, 11, 30) + Math.round(cell.value) * 86_400_000);
      return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
    }
    return Number.isInteger(cell.value) ? String(cell.value) : cell.value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  }
  return String(cell.value);
}

function values(state: FakeWorkbookState, source: string): Array<Array<string | number>> {
  const bang = source.lastIndexOf('!');
  const name = source.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  const sheet = state.sheets.find((s) => s.name === name);
  const rect = parseA1(source.slice(bang + 1));
  if (!sheet || !rect) return [];
  const out: Array<Array<string | number>> = [];
  for (let r = rect.r0; r <= rect.r1; r += 1) {
    const line: Array<string | number> = [];
    for (let c = rect.c0; c <= rect.c1; c += 1) {
      const v = sheet.cells.get(cellKey(r, c))?.value;
      line.push(typeof v === 'number' ? v : String(v ?? ''));
    }
    out.push(line);
  }
  return out;
}

const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];

/** A picture of a chart from its source table (first row: series names, first column: categories). */
export function chartSvg(state: FakeWorkbookState, chart: FakeChart): string {
  const table = values(state, chart.source);
  const names = (table[0] ?? []).slice(1).map(String);
  const rows = table.slice(1);
  const categories = rows.map((r) => String(r[0]));
  const series = names.map((name, s) => ({ name, values: rows.map((r) => Number(r[s + 1]) || 0) }));
  const width = 420;
  const height = 240;
  const parts: string[] = [`<text x="${width / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escape(chart.title)}</text>`];
  if (chart.chartType === 'Pie') {
    const data = series[0]?.values ?? [];
    const total = data.reduce((a, b) => a + b, 0) || 1;
    let angle = -Math.PI / 2;
    data.forEach((v, i) => {
      const next = angle + (v / total) * Math.PI * 2;
      const large = next - angle > Math.PI ? 1 : 0;
      const [cx, cy, r] = [130, 130, 90];
      if (v > 0) parts.push(`<path d="M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(next)},${cy + r * Math.sin(next)} Z" fill="${PALETTE[i % PALETTE.length]}"/>`);
      parts.push(`<rect x="250" y="${50 + i * 20}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text x="268" y="${61 + i * 20}" font-size="12">${escape(categories[i] ?? '')}: ${v} (${Math.round((v / total) * 100)}%)</text>`);
      angle = next;
    });
  } else {
    const max = Math.max(1, ...series.flatMap((s) => s.values));
    const horizontal = chart.chartType.startsWith('Bar');
    const plot = { x: horizontal ? 130 : 40, y: 30, w: horizontal ? 270 : 360, h: 160 };
    const slot = (horizontal ? plot.h : plot.w) / Math.max(1, categories.length);
    const bar = (slot * 0.7) / Math.max(1, series.length);
    categories.forEach((category, i) => {
      series.forEach((s, j) => {
        const v = s.values[i] ?? 0;
        const length = (v / max) * (horizontal ? plot.w : plot.h);
        const offset = i * slot + slot * 0.15 + j * bar;
        const color = PALETTE[j % PALETTE.length];
        parts.push(
          horizontal
            ? `<rect x="${plot.x}" y="${plot.y + offset}" width="${length}" height="${bar - 2}" fill="${color}"/><text x="${plot.x + length + 3}" y="${plot.y + offset + bar / 2 + 3}" font-size="10">${v}</text>`
            : `<rect x="${plot.x + offset}" y="${plot.y + plot.h - length}" width="${bar - 2}" height="${length}" fill="${color}"/><text x="${plot.x + offset + bar / 2}" y="${plot.y + plot.h - length - 3}" font-size="10" text-anchor="middle">${v}</text>`,
        );
      });
      parts.push(
        horizontal
          ? `<text x="${plot.x - 4}" y="${plot.y + i * slot + slot / 2 + 4}" font-size="11" text-anchor="end">${escape(category)}</text>`
          : `<text x="${plot.x + i * slot + slot / 2}" y="${plot.y + plot.h + 14}" font-size="11" text-anchor="middle">${escape(category)}</text>`,
      );
    });
    series.forEach((s, j) => parts.push(`<rect x="${40 + j * 150}" y="${height - 16}" width="10" height="10" fill="${PALETTE[j % PALETTE.length]}"/><text x="${54 + j * 150}" y="${height - 7}" font-size="11">${escape(s.name)}</text>`));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" style="border:1px solid #bbb;background:#fff;margin:6px">${parts.join('')}</svg>`;
}

/** One sheet as an Excel-like grid: column letters, row numbers, fills, the selection in green. */
export function renderSheetHtml(state: FakeWorkbookState, sheetName: string, options: { maxRows?: number; maxCols?: number; fromRow?: number } = {}): string {
  const sheet = state.sheets.find((s) => s.name === sheetName) as FakeSheet;
  let lastRow = 1;
  let lastCol = 1;
  for (const key of sheet.cells.keys()) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, c);
  }
  const fromRow = options.fromRow ?? 1;
  lastRow = Math.min(lastRow, fromRow + (options.maxRows ?? 40) - 1);
  lastCol = Math.min(lastCol, options.maxCols ?? 14);
  const selected = state.selection?.sheetId === sheet.id ? parseA1(state.selection.address) : null;
  const covered = new Set<string>();
  const spans = new Map<string, number>();
  for (const merge of sheet.merges) {
    const rect = parseA1(merge.split(' ')[0] as string);
    if (!rect || rect.r0 !== rect.r1) continue;
    spans.set(cellKey(rect.r0, rect.c0), rect.c1 - rect.c0 + 1);
    for (let c = rect.c0 + 1; c <= rect.c1; c += 1) covered.add(cellKey(rect.r0, c));
  }
  const widths = Array.from({ length: lastCol }, (_, i) => Math.round((sheet.columnWidths[i + 1] ?? 48) / 0.75));
  const head = `<tr><th></th>${widths.map((w, i) => `<th style="width:${w}px;${w === 0 ? 'display:none' : ''}">${columnName(i + 1)}</th>`).join('')}</tr>`;
  const rows: string[] = [];
  for (let r = fromRow; r <= lastRow; r += 1) {
    const cells: string[] = [];
    for (let c = 1; c <= lastCol; c += 1) {
      const key = cellKey(r, c);
      if (covered.has(key)) continue;
      const cell = sheet.cells.get(key);
      const isSelected = selected && r >= selected.r0 && r <= selected.r1 && c >= selected.c0 && c <= selected.c1;
      const style = [
        cell?.fill ? `background:${cell.fill}` : '',
        cell?.font?.bold ? 'font-weight:bold' : '',
        isSelected ? 'outline:3px solid #107C10;outline-offset:-3px' : '',
        widths[c - 1] === 0 ? 'display:none' : '',
        typeof cell?.value === 'number' ? 'text-align:right' : '',
      ].filter(Boolean).join(';');
      const span = spans.get(key);
      cells.push(`<td${span ? ` colspan="${span}"` : ''} style="${style}">${escape(shown(cell))}</td>`);
    }
    rows.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
  }
  const charts = sheet.charts.map((chart) => chartSvg(state, chart)).join('');
  const tabs = state.sheets.filter((s) => s.visibility === 'Visible').map((s) => `<span class="tab${s.id === sheet.id ? ' on' : ''}">${escape(s.name)}</span>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
    body{margin:0;font:12px "Noto Sans",Arial,sans-serif;background:#fff}
    table{border-collapse:collapse;table-layout:fixed}
    th{background:#f3f3f3;color:#555;font-weight:normal;border:1px solid #d4d4d4;padding:1px 3px;min-width:28px}
    td{border:1px solid #d4d4d4;padding:2px 3px;vertical-align:top;overflow:hidden;max-height:44px;white-space:normal;word-break:break-word}
    .tabs{display:flex;gap:2px;background:#e6e6e6;padding:4px 6px;border-top:1px solid #bbb}
    .tab{padding:3px 10px;background:#f6f6f6;border:1px solid #ccc}.tab.on{background:#fff;border-bottom:2px solid #107C10;font-weight:bold}
    .charts{display:flex;flex-wrap:wrap}
  </style></head><body><table>${head}${rows.join('')}</table>${charts ? `<div class="charts">${charts}</div>` : ''}<div class="tabs">${tabs}</div></body></html>`;
}
