import PostalMime from 'postal-mime';
import { readXlsx } from '../../lib/read/xlsx';
import type { Roster } from '../../lib/roster/roster';
import { templateFileName } from '../../lib/template/filename';
import { parseOffsetIso } from '../../lib/_lib/calendar';
import { unitSenderAddress } from '../../lib/simulate/_lib/units';
import { FORMULA_LIKE_TEXT } from '../../lib/simulate/mistake';
import { renderMessage } from '../../lib/node/mime';
import { simulateMonth, type SimulatedFile, type SimulatedMonth } from '../../lib/simulate/month';
import { validateWorkbook, type FileReport } from '../../lib/validate/validate';
import { catalog, definition, period, roster, unit } from './_lib/setup';

const validate = (bytes: Uint8Array) => validateWorkbook(bytes, { catalog, roster, expected: { period: period.id } });
const errorsOf = (report: FileReport) => report.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.key]);
const day = (iso: string) => Number(iso.slice(8, 10));
const clock = (iso: string) => iso.slice(11, 16);
const fileNamed = (month: SimulatedMonth, name: string): SimulatedFile => {
  const file = month.files.find((f) => f.name === name);
  if (!file) throw new Error(`no file ${name}`);
  return file;
};

describe('simulateMonth for the whole roster, November 2026', () => {
  let month: SimulatedMonth;
  let truth: SimulatedMonth['truth'];
  /** Every workbook by file name; the e-mail's attachment under the e-mail's name. */
  const reports = new Map<string, FileReport>();
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;

  beforeAll(async () => {
    month = await simulateMonth({ definition, catalog, roster, period, seed: 2026, renderMessage });
    truth = month.truth;
    for (const file of month.files) {
      if (file.via === 'file') reports.set(file.name, validate(file.bytes));
      else {
        email = await PostalMime.parse(file.bytes);
        reports.set(file.name, validate(new Uint8Array(email.attachments[0]?.content as ArrayBuffer)));
      }
    }
  }, 60_000);

  it('accounts for every unit exactly once: onTime + late + missing = expected', () => {
    expect(truth.expected).toEqual(roster.units.map((u) => u.code));
    const all = [...truth.onTime, ...truth.late, ...truth.missing];
    expect(all).toHaveLength(truth.expected.length);
    expect(new Set(all)).toEqual(new Set(truth.expected));
  });

  it('has about 8 % late and 6 % missing (the broken unit included), at least one of each', () => {
    const n = truth.expected.length;
    expect(truth.late.length).toBe(Math.round(n * 0.08));
    expect(truth.missing.length).toBe(Math.round(n * 0.06));
    expect(truth.missing).toContain(truth.broken.unit);
  });

  it('delivers one file per received unit, plus the duplicate\u2019s second version and the broken file', () => {
    expect(month.files).toHaveLength(truth.onTime.length + truth.late.length + 2);
    expect(month.files.filter((f) => f.via === 'eml').map((f) => f.name)).toEqual([truth.eml.file]);
  });

  it('receives on time from the 1st to the 9th of December, late from the 10th to the 15th, in office hours', () => {
    const late = new Set(truth.late);
    for (const file of month.files) {
      expect(file.receivedAt).toMatch(/^2026-12-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(clock(file.receivedAt) >= '07:30' && clock(file.receivedAt) < '17:00').toBe(true);
      const code = reports.get(file.name)?.unit ?? truth.broken.unit;
      if (late.has(code)) expect([day(file.receivedAt) >= 10, day(file.receivedAt) <= 15]).toEqual([true, true]);
      else expect(day(file.receivedAt)).toBeLessThanOrEqual(9);
    }
    const times = month.files.map((f) => f.receivedAt);
    expect(times).toEqual([...times].sort());
  });

  it('keeps a receipt for every bare .xlsx, none for the e-mail', () => {
    expect(month.receipts).toEqual(month.files.filter((f) => f.name !== truth.eml.file).map((f) => ({ file: f.name, receivedAt: f.receivedAt })));
  });

  it('names files as units do: mostly the template\u2019s name, some renamed, all distinct', () => {
    const names = month.files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const templateNames = month.files.filter((f) => reports.get(f.name)?.unit && f.name === templateFileName(period, unit(reports.get(f.name)?.unit as string)));
    expect(templateNames.length / names.length).toBeGreaterThan(0.7);
    expect(templateNames.length).toBeLessThan(names.length - 5);
  });

  it('reads every file but the broken one as its unit\u2019s return; only the listed files have errors, exactly the listed one', () => {
    const units: string[] = [];
    for (const file of month.files) {
      if (file.name === truth.broken.file) continue;
      const report = reports.get(file.name) as FileReport;
      expect([file.name, report.readable, report.period]).toEqual([file.name, true, period.id]);
      units.push(report.unit as string);
      const listed = truth.withErrors.filter((e) => e.file === file.name).map((e) => [e.code, e.key]);
      expect([file.name, errorsOf(report)]).toEqual([file.name, listed]);
    }
    expect(new Set(units)).toEqual(new Set([...truth.onTime, ...truth.late]));
    expect(units.filter((u) => u === truth.duplicate.unit)).toHaveLength(2);
    expect(units.length).toBe(new Set(units).size + 1);
    expect(truth.withErrors.map((e) => e.code)).toEqual(['cell/out-of-range', 'row/done-not-100', 'cell/required']);
    expect(truth.withErrors.map((e) => reports.get(e.file)?.unit)).toEqual(truth.withErrors.map((e) => e.unit));
  });

  it('recognises files by content: a spot check of renamed files with readXlsx', () => {
    const renamed = month.files.filter((f) => f.via === 'file' && !f.name.startsWith(`${period.id}_`));
    expect(renamed.length).toBeGreaterThan(0);
    for (const file of renamed.slice(0, 3)) {
      const { submission } = readXlsx(file.bytes);
      expect(submission?.identity.unitCode).toBe(reports.get(file.name)?.unit);
      expect(submission?.identity.period).toBe(period.id);
    }
  });

  it('sends a broken file named like a normal return, whose unit sent nothing else', () => {
    const report = reports.get(truth.broken.file) as FileReport;
    expect(report.readable).toBe(false);
    expect(report.issues.map((i) => i.code)).toEqual(['file/corrupt']);
    expect(truth.broken.file).toBe(templateFileName(period, unit(truth.broken.unit)));
    expect([...reports.values()].filter((r) => r.unit === truth.broken.unit)).toEqual([]);
  });

  it('sends one duplicate: two on-time versions whose data differ exactly in the changed fields', () => {
    const { unit: code, first, second, changed } = truth.duplicate;
    const [a, b] = [reports.get(first) as FileReport, reports.get(second) as FileReport];
    expect([a.unit, b.unit, a.errors, b.errors]).toEqual([code, code, 0, 0]);
    expect(truth.onTime).toContain(code);
    expect(fileNamed(month, first).receivedAt < fileNamed(month, second).receivedAt).toBe(true);
    const differ: Array<{ key: string; field: string }> = [];
    for (const sheet of ['indicators', 'tasks'] as const) {
      for (const [key, fields] of Object.entries(b.values?.[sheet] ?? {})) {
        for (const [field, cell] of Object.entries(fields)) {
          if (field !== 'assessment' && cell.value !== a.values?.[sheet][key]?.[field]?.value) differ.push({ key, field });
        }
      }
    }
    expect(differ).toEqual(changed);
    expect(changed.some((c) => c.field === 'result' && c.key.startsWith('PL1.'))).toBe(true);
    expect(changed.some((c) => c.field === 'status')).toBe(true);
    expect(b.values?.cover).toEqual(a.values?.cover);
  });

  it('delivers one return as a saved e-mail from the unit\u2019s mailbox, dated at its receipt', () => {
    const file = fileNamed(month, truth.eml.file);
    expect(file.name).toMatch(/\.eml$/);
    expect(email.from?.address).toBe(unitSenderAddress(unit(truth.eml.unit)));
    expect(email.from?.address).toMatch(/^vanthu@[a-z0-9]+\.thanhhoa\.gov\.vn$/);
    const sent = parseOffsetIso(file.receivedAt);
    expect(email.date).toBe(new Date(Date.UTC(sent.year, sent.month - 1, sent.day, sent.hour, sent.minute, sent.second) - sent.offsetMinutes * 60_000).toISOString());
    expect(email.attachments.map((a) => a.filename)).toEqual([truth.eml.attachment]);
    const report = reports.get(file.name) as FileReport;
    expect([report.unit, report.errors]).toEqual([truth.eml.unit, 0]);
  });

  it('has one result typed as text and one formula-like difficulty, both in otherwise valid returns', () => {
    const byUnit = (code: string) => [...reports.values()].find((r) => r.unit === code) as FileReport;
    const asText = byUnit(truth.percentAsText.unit);
    const raw = asText.submission?.indicators.find((r) => r.key === truth.percentAsText.key)?.fields.result?.cell?.value;
    expect(raw).toMatch(/^\d{1,3},\d$/);
    expect(asText.values?.indicators[truth.percentAsText.key]?.result?.value).toEqual(expect.any(Number));
    const formulaLike = byUnit(truth.textStartingWithEquals.unit);
    const cell = formulaLike.submission?.tasks.find((r) => r.key === truth.textStartingWithEquals.key)?.fields.difficulties?.cell;
    expect([cell?.value, cell?.formula]).toEqual([FORMULA_LIKE_TEXT, undefined]);
    expect([asText.errors, formulaLike.errors]).toEqual([0, 0]);
  });
});

describe('simulateMonth is deterministic', () => {
  const small: Roster = { ...roster, units: [...roster.units.filter((u) => u.kind === 'department'), ...roster.units.filter((u) => u.kind === 'commune').slice(0, 20)] };
  const run = (seed: number, now?: Date) => simulateMonth({ definition, catalog, roster: small, period, seed, renderMessage, ...(now ? { now } : {}) });

  it('gives byte-identical files and the same truth for the same seed, a different month for another', async () => {
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(b.truth).toEqual(a.truth);
    expect(b.receipts).toEqual(a.receipts);
    expect(b.files.map((f) => [f.name, f.receivedAt, f.via])).toEqual(a.files.map((f) => [f.name, f.receivedAt, f.via]));
    b.files.forEach((file, i) => expect(Buffer.from(file.bytes).equals(Buffer.from(a.files[i]?.bytes as Uint8Array))).toBe(true));
    expect(c.truth).not.toEqual(a.truth);
  }, 30_000);

  it('stamps the templates with `now`, and refuses a `now` after the month has ended', async () => {
    const now = new Date(Date.UTC(2026, 10 /* Nov */, 20, 2, 30));
    const month = await run(7, now);
    const file = month.files.find((f) => f.via === 'file' && f.name !== month.truth.broken.file) as SimulatedFile;
    expect(readXlsx(file.bytes).submission?.identity.generatedAt).toBe(now.toISOString());
    await expect(run(7, new Date(Date.UTC(2026, 11 /* Dec */, 2)))).rejects.toThrow(RangeError);
  }, 30_000);

  it('refuses a roster too small to hold every case', async () => {
    await expect(simulateMonth({ definition, catalog, roster: { ...roster, units: roster.units.slice(0, 5) }, period, seed: 1, renderMessage })).rejects.toThrow(RangeError);
  });
});

describe('simulateMonth with a plant (scenarios with known answers)', () => {
  const small: Roster = { ...roster, units: [...roster.units.filter((u) => u.kind === 'department'), ...roster.units.filter((u) => u.kind === 'commune').slice(0, 20)] };
  const communes = small.units.filter((u) => u.kind === 'commune').map((u) => u.code);
  const plant = {
    onTime: ['SYT'],
    late: [communes[0] as string],
    missing: [communes[1] as string],
    results: [{ unit: 'TTPVHCC', indicator: 'PL1.I.5', value: 50 }],
    statuses: [{ unit: 'TTPVHCC', task: 'PL3.II.2', status: 'inProgress' as const }],
    resubmission: { unit: 'TTPVHCC', receivedAt: '2026-12-20T09:30:00+07:00', results: [{ indicator: 'PL1.I.5', value: 57.5 }] },
  };

  it('makes the named units late, missing or on time, types the planted answers, and sends the correction apart', async () => {
    const month = await simulateMonth({ definition, catalog, roster: small, period, seed: 3, plant, renderMessage });
    const { truth } = month;
    expect([truth.late.includes(plant.late[0] as string), truth.missing.includes(plant.missing[0] as string), truth.onTime.includes('SYT'), truth.onTime.includes('TTPVHCC')]).toEqual([true, true, true, true]);
    const special = [truth.duplicate.unit, truth.broken.unit, truth.eml.unit, truth.percentAsText.unit, truth.textStartingWithEquals.unit, ...truth.withErrors.map((e) => e.unit)];
    expect(special.filter((u) => ['SYT', 'TTPVHCC', ...plant.late, ...plant.missing].includes(u))).toEqual([]);
    const reportOf = (file: SimulatedFile) => validateWorkbook(file.bytes, { catalog, roster: small, expected: { period: period.id } });
    const centre = month.files.map(reportOf).find((r) => r.unit === 'TTPVHCC') as FileReport;
    expect([centre.errors, centre.values?.indicators['PL1.I.5']?.result?.value, centre.values?.tasks['PL3.II.2']?.status?.value]).toEqual([0, 50, 'Đang triển khai']);
    expect(month.files.some((f) => f.name === month.resubmission?.name)).toBe(false);
    expect(truth.resubmission).toEqual({ unit: 'TTPVHCC', file: month.resubmission?.name, receivedAt: '2026-12-20T09:30:00+07:00' });
    const corrected = reportOf(month.resubmission as SimulatedFile);
    expect([corrected.unit, corrected.errors, corrected.values?.indicators['PL1.I.5']?.result?.value, corrected.values?.tasks['PL3.II.2']?.status?.value]).toEqual(['TTPVHCC', 0, 57.5, 'Đang triển khai']);
  }, 30_000);

  it.each([
    [{ late: ['KHONG_CO'] }, /not on the roster/],
    [{ results: [{ unit: 'SYT', indicator: 'PL1.I.5', value: 1 }] }, /SYT has no row for indicator PL1.I.5/],
    [{ statuses: [{ unit: 'TAND', task: 'PL3.II.2', status: 'done' as const }] }, /TAND has no row for task PL3.II.2/],
    [{ late: ['SYT'], missing: ['SYT'] }, /both late and missing/],
    [{ onTime: ['SYT'], late: ['SYT'] }, /both on time and late or missing/],
    [{ missing: ['TTPVHCC'], results: [{ unit: 'TTPVHCC', indicator: 'PL1.I.5', value: 1 }] }, /planted as missing but also answers/],
  ])('refuses a plant that cannot happen: %p', async (bad, message) => {
    await expect(simulateMonth({ definition, catalog, roster: small, period, seed: 3, plant: bad, renderMessage })).rejects.toThrow(message);
  });
});
