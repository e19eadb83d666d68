import { unzipSync } from 'fflate';
import { readXlsx } from '../../lib/read/xlsx';
import { rowsForUnit } from '../../lib/template/assign';
import { fillReturn } from '../../lib/simulate/fill';
import { findMistakeSite, FORMULA_LIKE_TEXT, MISTAKES, type Mistake, type MistakeSite } from '../../lib/simulate/mistake';
import { createRandom } from '../../lib/simulate/random';
import { validateWorkbook } from '../../lib/validate/validate';
import { catalog, COMMUNES, definition, generatedAt, period, roster, unit } from './_lib/setup';

const siteOf = (code: string, mistake: Mistake): MistakeSite => {
  const site = findMistakeSite(rowsForUnit(catalog, unit(code), period, definition), mistake);
  if (!site) throw new Error(`no site for ${mistake} in ${code}`);
  return site;
};
const fillWith = (code: string, mistakes: Mistake[], seed = 3) =>
  fillReturn({ definition, catalog, unit: unit(code), period, generatedAt, random: createRandom(seed), reportDate: '2026-12-05', mistakes });
const validate = (bytes: Uint8Array, code: string) => validateWorkbook(bytes, { catalog, roster, expected: { period: period.id, unit: code } });
const errors = (bytes: Uint8Array, code: string) =>
  validate(bytes, code).issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.key, i.cell?.replace(/\d+$/, '')]);

describe('mistakes', () => {
  it.each([
    ['percentOver100', 'SYT', 'cell/out-of-range', 'H'],
    ['percentOver100', 'CAT', 'cell/out-of-range', 'H'],
    ['doneAt40', 'SYT', 'row/done-not-100', 'H'],
    ['doneAt40', COMMUNES[0]?.code as string, 'row/done-not-100', 'H'],
    ['missingRequired', 'CAT', 'cell/required', 'G'],
    ['missingRequired', COMMUNES[1]?.code as string, 'cell/required', 'G'],
  ] as const)('%s on %s yields exactly one %s, at the site findMistakeSite names (column %s)', async (mistake, code, issue, column) => {
    const site = siteOf(code, mistake);
    expect(site.code).toBe(issue);
    for (const seed of [1, 2]) expect(errors(await fillWith(code, [mistake], seed), code)).toEqual([[issue, site.key, column]]);
  });

  it('percentAsText: a result typed as text with a decimal comma is read as that number, without error', async () => {
    const site = siteOf('SYT', 'percentAsText');
    expect(site).toMatchObject({ sheet: 'indicators', field: 'result', code: null });
    const report = validate(await fillWith('SYT', ['percentAsText']), 'SYT');
    const raw = report.submission?.indicators.find((r) => r.key === site.key)?.fields.result?.cell?.value;
    expect(raw).toMatch(/^\d{1,3},\d$/);
    expect(report.values?.indicators[site.key]?.result?.value).toBe(Number(String(raw).replace(',', '.')));
    expect(report.errors).toBe(0);
  });

  it('textStartingWithEquals: the formula-like difficulty stays text, in the file and once read', async () => {
    const site = siteOf('CAT', 'textStartingWithEquals');
    expect(site).toMatchObject({ sheet: 'tasks', field: 'difficulties', code: null });
    const bytes = await fillWith('CAT', ['textStartingWithEquals']);
    const cell = readXlsx(bytes).submission?.tasks.find((r) => r.key === site.key)?.fields.difficulties?.cell;
    expect(cell?.value).toBe(FORMULA_LIKE_TEXT);
    expect(cell?.formula).toBeUndefined();
    const parts = unzipSync(bytes);
    const sheets = Object.entries(parts).filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    for (const [, xml] of sheets) expect(new TextDecoder().decode(xml)).not.toMatch(/<f>[^<]*HYPERLINK/);
    const report = validate(bytes, 'CAT');
    expect(report.errors).toBe(0);
    expect(report.issues.map((i) => i.code)).not.toContain('cell/formula-in-input');
  });

  it('combines mistakes, each at its own site', async () => {
    const all = MISTAKES.map((m) => siteOf('CAT', m));
    const expected = all.filter((s) => s.code !== null).map((s) => [s.code, s.key, expect.any(String)]);
    const found = errors(await fillWith('CAT', [...MISTAKES]), 'CAT');
    expect(found).toHaveLength(expected.length);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('has no site, and refuses the mistake, where the unit has no such row', async () => {
    expect(findMistakeSite(rowsForUnit(catalog, unit('THUE'), period, definition), 'percentOver100')).toBeNull();
    await expect(fillWith('THUE', ['percentOver100'])).rejects.toThrow(/percentOver100/);
  });
});
