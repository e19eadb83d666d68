import { collectConcerns } from '../../lib/consolidate/concerns';
import { loadRoster } from '../../lib/node/seeds';
import { assessed, C, T } from './_lib/assessed';

describe('collectConcerns', () => {
  it('takes the cover and task rows of every kept return, in roster order, text as typed, blank ones skipped', () => {
    const kept = new Map([
      ['SYT', assessed('syt.xlsx', { unit: 'SYT', cover: { difficulties: 'Thiếu máy\nThiếu người', proposals: '  ' }, tasks: { 'PL2.1': { proposals: ['=HYPERLINK("x")', 'M5'] } } })],
      ['CAT', assessed('cat.xlsx', { unit: 'CAT', cover: { proposals: 'Bổ sung kinh phí' } })],
    ]);
    const concerns = collectConcerns(loadRoster(), kept);
    expect(concerns.map((c) => [c.unit, c.kind, c.task, c.text, c.cell])).toEqual([
      ['CAT', 'proposal', null, 'Bổ sung kinh phí', `${C}!D17`],
      ['SYT', 'difficulty', null, 'Thiếu máy\nThiếu người', `${C}!D17`],
      ['SYT', 'proposal', 'PL2.1', '=HYPERLINK("x")', `${T}!M5`],
    ]);
  });
});
