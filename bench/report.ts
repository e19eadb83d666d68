// The monthly báo cáo for a province month against writing the same paragraphs and tables with the
// bare docx library (no styles, header layout, widths or page setup), in the same process and run.
import { renderMessage } from '../lib/node/mime';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Catalog } from '../lib/catalog/schema';
import { extractEml } from '../lib/consolidate/eml';
import { consolidate } from '../lib/consolidate/merge';
import type { Consolidation, IntakeItem, IntakeNote } from '../lib/consolidate/types';
import { parsePeriod, type Period } from '../lib/period/period';
import { buildReport } from '../lib/report/build';
import { composeReport, type ReportDocument } from '../lib/report/compose';
import { reportInputFromConsolidation } from '../lib/report/from-consolidation';
import { DEFAULT_REPORT_SETTINGS } from '../lib/report/settings';
import type { Roster } from '../lib/roster/roster';
import { simulateMonth } from '../lib/simulate/month';
import { currentDefinition } from '../lib/template/registry';
import { median, timeIt } from './_lib/measure';

const PERIOD = parsePeriod('2026-11') as Period;

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

export interface ReportBench {
  /** reportInputFromConsolidation + buildReport, in-process. */
  ms: number;
  /** The same words and cells through bare docx. */
  floorMs: number;
  ratio: number;
  /** The same in CPU time (all threads), steadier than wall time on a shared machine. */
  cpuMs: number;
  floorCpuMs: number;
  cpuRatio: number;
  bytes: number;
  paragraphs: number;
  tableRows: number;
}

async function provinceMonth(catalog: Catalog, roster: Roster): Promise<Consolidation> {
  const month = await simulateMonth({ definition: currentDefinition(), catalog, roster, period: PERIOD, seed: 1000, renderMessage });
  const items: IntakeItem[] = [];
  const notes: IntakeNote[] = [];
  for (const file of month.files) {
    if (file.via === 'file') items.push({ name: file.name, bytes: file.bytes, receivedAt: file.receivedAt, receivedAtSource: 'receipts' });
    else {
      const opened = await extractEml(file.name, file.bytes);
      items.push(...opened.items);
      notes.push(...opened.notes);
    }
  }
  return consolidate(items, { catalog, roster, period: PERIOD, now: new Date(Date.UTC(2026, 11, 12, 2)), notes });
}

/** Every paragraph and table cell of the composed report, as plain docx paragraphs, tables and one section. */
async function writeBare(doc: ReportDocument): Promise<Uint8Array> {
  const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
  const children: Array<Paragraph | Table> = [
    ...[...doc.header.issuingBody, ...doc.header.issuingOffice, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', doc.header.number, doc.header.dateLine].map(text),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
    text(doc.subject),
    ...doc.body.map((b) => (b.kind === 'heading' ? text(b.text) : new Paragraph({ children: b.runs.map((r) => new TextRun(r.text)) }))),
    ...['Nơi nhận:', ...doc.recipients, ...doc.signer.lines, doc.signer.name].map(text),
  ];
  for (const appendix of doc.appendices) {
    children.push(text(appendix.label), text(appendix.title), text(appendix.caption));
    if (typeof appendix.table === 'string') {
      children.push(text(appendix.table));
      continue;
    }
    const cell = (t: string) => new TableCell({ children: [text(t)] });
    const rows = [new TableRow({ children: appendix.table.columns.map((c) => cell(c.header)) }), ...appendix.table.rows.map((r) => new TableRow({ children: 'section' in r ? [cell(r.section)] : r.cells.map(cell) }))];
    children.push(new Table({ rows }));
  }
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

export async function benchReport(catalog: Catalog, roster: Roster, runs: number): Promise<ReportBench> {
  const c = await provinceMonth(catalog, roster);
  const doc = composeReport(reportInputFromConsolidation(c), DEFAULT_REPORT_SETTINGS);
  let bytes = 0;
  // One of each first: JIT and module loading belong to neither side.
  await buildReport(reportInputFromConsolidation(c), DEFAULT_REPORT_SETTINGS);
  await writeBare(doc);
  const full: number[] = [];
  const floor: number[] = [];
  const fullCpu: number[] = [];
  const floorCpu: number[] = [];
  // A run takes well under a second: at least 7 of each, interleaved, so a busy machine hits both sides alike.
  for (let i = 0; i < Math.max(runs, 7); i += 1) {
    let cpu = process.cpuUsage();
    full.push(await timeIt(async () => {
      bytes = (await buildReport(reportInputFromConsolidation(c), DEFAULT_REPORT_SETTINGS)).length;
    }));
    fullCpu.push(cpuMs(process.cpuUsage(cpu)));
    cpu = process.cpuUsage();
    floor.push(await timeIt(() => writeBare(doc)));
    floorCpu.push(cpuMs(process.cpuUsage(cpu)));
  }
  const ms = median(full);
  const floorMs = median(floor);
  const tableRows = doc.appendices.reduce((n, a) => n + (typeof a.table === 'string' ? 0 : a.table.rows.length + 1), 0);
  return {
    ms: Math.round(ms),
    floorMs: Math.round(floorMs),
    ratio: +(ms / floorMs).toFixed(2),
    cpuMs: Math.round(median(fullCpu)),
    floorCpuMs: Math.round(median(floorCpu)),
    cpuRatio: +(median(fullCpu) / median(floorCpu)).toFixed(2),
    bytes,
    paragraphs: doc.body.length,
    tableRows,
  };
}
