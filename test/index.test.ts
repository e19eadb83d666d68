// The public API as a user of the library sees it: `import … from 'da06'` (package.json "exports"), a
// month from template to report through it alone. The Node adapters (files, mail) are not part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as da06 from 'da06';

const seeds = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'seeds', name), 'utf8'));

describe("da06's public API", () => {
  it('exports nothing undefined (every name re-exported from a module that has it)', () => {
    const missing = Object.entries(da06).filter(([, value]) => value === undefined).map(([name]) => name);
    expect(missing).toEqual([]);
    expect(Object.keys(da06).length).toBeGreaterThan(100);
  });

  it('runs a month on its own: a template, a filled return, validation, consolidation, the summary read back, the report', async () => {
    const catalog = da06.catalogSchema.parse(seeds('catalog.json'));
    const roster = da06.buildRoster(seeds('roster.json') as da06.RosterFile, seeds('thanh-hoa-communes-2025.json'));
    const period = da06.parsePeriod('2026-11') as da06.Period;
    const definition = da06.currentDefinition();
    const unit = da06.findUnit(roster, 'SYT') as da06.Unit;
    const generatedAt = new Date('2026-11-26T01:00:00Z');

    const empty = await da06.generateWorkbook({ definition, catalog, unit, period, generatedAt });
    const blank = da06.validateBytes(empty, { catalog, roster, expected: { period: period.id } });
    expect([blank.readable, blank.unit, blank.issues.some((i) => i.code === 'cell/required')]).toEqual([true, 'SYT', true]);

    const filled = await da06.fillReturn({ definition, catalog, unit, period, generatedAt, random: da06.createRandom(7), reportDate: '2026-12-05' });
    const now = new Date('2026-12-11T02:00:00Z');
    const { consolidation, model } = await da06.consolidateInputs([{ name: 'syt.xlsx', bytes: filled }], { catalog, roster, period, now });
    expect(da06.countConsolidation(consolidation).units.received).toBe(1);
    expect(da06.consolidationHeadline(consolidation).lines[0]).toContain('đã gửi 1 (0,5%)');

    const read = da06.readSummary(await da06.writeSummaryXlsx(model, { generatedAt: now }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.facts.submissions.find((s) => s.unit === 'SYT')?.state).toBe('onTime');

    const docx = await da06.draftReport(read.facts);
    const text = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] as Uint8Array);
    expect(text).toContain('BÁO CÁO');
    // On 11 December November's report is late: units now report on December.
    expect(da06.reportingPeriodOn(now).id).toBe('2026-12');
  });
});
