import { unzipSync } from 'fflate';
import type { FieldValue } from '../../lib/validate/check';
import { DEADLINE_STATUS_LABELS } from '../../lib/period/status';
import { rowsForUnit } from '../../lib/template/assign';
import { fillReturn } from '../../lib/simulate/fill';
import { createRandom } from '../../lib/simulate/random';
import { validateWorkbook, type FileReport } from '../../lib/validate/validate';
import { catalog, COMMUNES, definition, generatedAt, period, roster, unit } from './_lib/setup';

const fill = (code: string, seed: number, reportDate = '2026-12-04') =>
  fillReturn({ definition, catalog, unit: unit(code), period, generatedAt, random: createRandom(seed), reportDate });
const validate = (bytes: Uint8Array, code: string): FileReport => validateWorkbook(bytes, { catalog, roster, expected: { period: period.id, unit: code } });
const valueOf = (report: FileReport, sheet: 'indicators' | 'tasks', key: string, field: string): FieldValue =>
  report.values?.[sheet][key]?.[field]?.value ?? null;

/** Only the clock, so exceljs still gets its real timers. */
const ONLY_DATE: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
};

describe('fillReturn', () => {
  const units = ['CAT', 'SYT', 'SKHCN', 'THUE', ...COMMUNES.map((u) => u.code)];

  it.each(units)('fills a return for %s that validates with no error, for several seeds', async (code) => {
    for (const seed of [1, 2, 3]) {
      const report = validate(await fill(code, seed), code);
      expect(report.readable).toBe(true);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      // Only row/below-target may warn: a result short of its target is realistic.
      expect(report.issues.filter((i) => i.severity === 'warning' && i.code !== 'row/below-target')).toEqual([]);
    }
  });

  it('fills every required input of Công an tỉnh, and the cover as a real person would', async () => {
    const report = validate(await fill('CAT', 4, '2026-12-07'), 'CAT');
    const rows = rowsForUnit(catalog, unit('CAT'), period, definition);
    for (const item of rows.indicators) expect(valueOf(report, 'indicators', item.indicator.key, 'result')).not.toBeNull();
    for (const item of rows.tasks) {
      expect(valueOf(report, 'tasks', item.task.key, 'status')).not.toBeNull();
      expect(valueOf(report, 'tasks', item.task.key, 'progress')).not.toBeNull();
    }
    const cover = report.values?.cover ?? {};
    expect(cover.reportDate?.value).toBe('2026-12-07');
    expect(report.submission?.cover.reportDate?.cell?.isDate).toBe(true);
    expect(cover.email?.value).toMatch(/^[a-z]+@cat\.thanhhoa\.gov\.vn$/);
    expect(cover.phone?.value).toMatch(/^(0237 3\d{3} \d{3}|0\d{3} \d{3} \d{3})$/);
    expect(String(cover.preparerName?.value).split(' ').length).toBeGreaterThanOrEqual(3);
    expect(String(cover.assessment?.value)).toContain('Công an tỉnh');
  });

  it('gives results that make sense for each indicator: %, lần GDP, lists', async () => {
    const gdp = catalog.indicators.find((i) => i.unit === 'lần GDP');
    const yesNo = catalog.indicators.find((i) => Object.values(i.targets).some((t) => t.kind === 'text' && t.text === 'Có'));
    const codes = new Set(['CAT', gdp?.monitors[0], yesNo?.monitors[0]].filter((c): c is string => Boolean(c)));
    for (const code of codes) {
      const rows = rowsForUnit(catalog, unit(code), period, definition);
      for (const seed of [1, 2, 3, 4, 5]) {
        const report = validate(await fill(code, seed), code);
        for (const item of rows.indicators) {
          const value = valueOf(report, 'indicators', item.indicator.key, 'result');
          if (item.result.type === 'percent') expect(value as number).toBeGreaterThanOrEqual(0);
          if (item.result.type === 'percent') expect(value as number).toBeLessThanOrEqual(100);
          if (item.indicator.unit === 'lần GDP') expect([value as number >= 26.4, value as number <= 28]).toEqual([true, true]);
          if (item.result.type === 'list') expect(item.result.options).toContain(value);
          if (item.result.type === 'list' && item.result.list === 'yesNo') expect(value).toBe('Có');
          expect(valueOf(report, 'indicators', item.indicator.key, 'dataSource')).toEqual(expect.any(String));
        }
      }
    }
  });

  it('keeps task statuses consistent with their deadline status', async () => {
    const code = 'CAT';
    const rows = rowsForUnit(catalog, unit(code), period, definition);
    const report = validate(await fill(code, 8), code);
    for (const item of rows.tasks) {
      const status = valueOf(report, 'tasks', item.task.key, 'status');
      const progress = valueOf(report, 'tasks', item.task.key, 'progress') as number;
      const where = `${item.task.key} (${DEADLINE_STATUS_LABELS[item.deadline.status]})`;
      if (item.deadline.status === 'overdue') {
        expect([where, status]).toEqual([where, expect.stringMatching(/^(Hoàn thành quá hạn|Đang triển khai)$/)]);
        if (status === 'Đang triển khai') {
          expect(progress).toBeGreaterThanOrEqual(40);
          expect(progress).toBeLessThanOrEqual(90);
          expect(valueOf(report, 'tasks', item.task.key, 'difficulties')).toEqual(expect.any(String));
        } else {
          expect(progress).toBe(100);
          expect(valueOf(report, 'tasks', item.task.key, 'product')).toMatch(/^[\p{L} ]+ số \d+\/[A-ZĐ-]+ ngày \d{2}\/\d{2}\/\d{4}$/u);
        }
      }
      if (item.deadline.status === 'recurring') {
        expect([where, status]).toEqual([where, 'Đang triển khai']);
        expect(valueOf(report, 'tasks', item.task.key, 'results')).toEqual(expect.any(String));
      }
      if (status === 'Chưa triển khai') expect(progress).toBe(0);
    }
  });

  it('writes the same bytes for the same seed, whatever the clock says when it runs', async () => {
    jest.useFakeTimers({ ...ONLY_DATE, now: new Date(Date.UTC(2026, 11 /* Dec */, 1, 2, 3, 4)) });
    try {
      const a = await fill('SYT', 21);
      jest.setSystemTime(new Date(Date.UTC(2031, 5 /* Jun */, 17, 13, 14, 15)));
      const b = await fill('SYT', 21);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    expect(Buffer.from(await fill('SYT', 21)).equals(Buffer.from(await fill('SYT', 22)))).toBe(false);
  });

  it("stamps zip entries as Excel does (1980-01-01 00:00) and the file's properties with the preparer", async () => {
    const bytes = await fill('SYT', 5);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, 0x21]);
    const core = new TextDecoder().decode(unzipSync(bytes)['docProps/core.xml']);
    const preparer = validate(bytes, 'SYT').values?.cover.preparerName?.value;
    expect(core).toContain(`<cp:lastModifiedBy>${String(preparer)}</cp:lastModifiedBy>`);
  });
});
