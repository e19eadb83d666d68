import { summariseIndicators } from '../../lib/consolidate/indicators';
import { loadCatalog } from '../../lib/node/seeds';
import { parsePeriod } from '../../lib/period/period';
import { currentDefinition } from '../../lib/template/registry';
import { assessed, I } from './_lib/assessed';

const options = { catalog: loadCatalog(), period: parsePeriod('2026-11')!, definition: currentDefinition() };

describe('summariseIndicators', () => {
  it("takes the lead monitor's value as the province's, sets the others beside it and flags a disagreement", () => {
    // PL1.I.3 (target 50 % in 2026) is monitored by CAT (lead) and TTPVHCC.
    const kept = new Map([
      ['CAT', assessed('cat.xlsx', { unit: 'CAT', indicators: { 'PL1.I.3': { result: [55, 'H5'] } } })],
      ['TTPVHCC', assessed('tt.xlsx', { unit: 'TTPVHCC', indicators: { 'PL1.I.3': { result: [48, 'H7'] } } })],
    ]);
    const i3 = summariseIndicators(kept, options).find((i) => i.key === 'PL1.I.3');
    expect(i3).toEqual(expect.objectContaining({ lead: 'CAT', value: 55, status: 'met', disagree: true, flagged: false }));
    expect(i3?.others).toEqual([{ unit: 'TTPVHCC', value: 48, assessment: 'notMet', flagged: false }]);
  });

  it('does not trust a value whose cell has an error, says which monitors did not report, and compares with last month', () => {
    const error = { code: 'cell/out-of-range' as const, severity: 'error' as const, sheet: I, cell: 'H5', message: '150' };
    const kept = new Map([['CAT', assessed('cat.xlsx', { unit: 'CAT', errors: [error], indicators: { 'PL1.I.3': { result: [150, 'H5'] } } })]]);
    const all = summariseIndicators(kept, { ...options, previous: new Map([['PL1.I.3', 45], ['PL1.III.3', 70]]) });
    const i3 = all.find((i) => i.key === 'PL1.I.3');
    expect(i3).toEqual(expect.objectContaining({ value: 150, status: 'flagged', flagged: true, disagree: false, previous: 45, change: 105 }));
    expect(i3?.others).toEqual([{ unit: 'TTPVHCC', value: null, assessment: 'noReport', flagged: false }]);
    expect(all.find((i) => i.key === 'PL1.III.3')).toEqual(expect.objectContaining({ value: null, status: 'noData', previous: 70, change: null }));
    expect(all).toHaveLength(56);
  });
});
