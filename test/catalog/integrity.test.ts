import { DEFAULT_INTEGRITY_KEY, integrityToken } from '../../lib/catalog/integrity';
import { consolidate } from '../../lib/consolidate/merge';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { findUnit } from '../../lib/roster/roster';
import type { Unit } from '../../lib/roster/schema';
import { generateWorkbook } from '../../lib/template/generate';
import { currentDefinition } from '../../lib/template/registry';
import { validateWorkbook } from '../../lib/validate/validate';
import { CATALOG_HASH, templateXlsx } from '../_lib/template-fixture';

const catalog = loadCatalog();
const roster = loadRoster();
const period = parsePeriod('2026-11') as Period;
const fields = { templateId: 'da06-bao-cao-thang', templateVersion: 1, unitCode: 'SYT', period: '2026-11', catalogHash: CATALOG_HASH };

describe('integrityToken', () => {
  it('changes with the unit, the period and the key', () => {
    const base = integrityToken('khoa', fields);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(integrityToken('khoa', { ...fields, unitCode: 'CAT' })).not.toBe(base);
    expect(integrityToken('khoa', { ...fields, period: '2026-12' })).not.toBe(base);
    expect(integrityToken('khoa-khac', fields)).not.toBe(base);
    expect(integrityToken('khoa', fields)).toBe(base);
  });
});

describe('the integrity check on intake', () => {
  const ctx = { catalog, roster, integrityKey: DEFAULT_INTEGRITY_KEY };

  it('passes a template as issued, with the secretariat\'s own key too', async () => {
    const unit = findUnit(roster, 'SYT') as Unit;
    const bytes = await generateWorkbook({ definition: currentDefinition(), catalog, unit, period, generatedAt: new Date(0), integrityKey: 'khoa-rieng-cua-cong-an-tinh' });
    const codes = (key: string) => validateWorkbook(bytes, { ...ctx, integrityKey: key }).issues.filter((i) => i.code.startsWith('workbook/')).map((i) => i.code);
    expect(codes('khoa-rieng-cua-cong-an-tinh')).toEqual([]);
    expect(codes(DEFAULT_INTEGRITY_KEY)).toEqual(['workbook/integrity']);
  });

  it('detects an identity sheet edited to claim another unit', () => {
    const forged = templateXlsx({ unit: 'CAT', identity: { unitCode: 'SYT', unitName: 'Sở Y tế' } });
    const report = validateWorkbook(forged, ctx);
    expect(report.issues.map((i) => i.code)).toEqual(['workbook/integrity']);
    expect(report.blocked).toBe(true);
    const c = consolidate([{ name: 'gia-mao.xlsx', bytes: forged, receivedAtSource: 'unknown' }], { catalog, roster, period, now: new Date(0) });
    expect(c.intake[0]?.reason?.code).toBe('workbook/integrity');
    expect(c.submissions.find((s) => s.unit === 'SYT')?.received).toBe(false);
  });

  it('detects a token removed from the identity sheet', () => {
    expect(validateWorkbook(templateXlsx({ identity: { integrity: undefined } }), ctx).issues.map((i) => i.code)).toEqual(['workbook/integrity']);
  });
});
