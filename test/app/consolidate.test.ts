// The consolidation step with Node's zlib inflating the returns (the CLI's codec) gives exactly what the
// pure-JS path gives (the add-in's): the same figures, the same issues, the same summary model.
import { consolidateInputs } from '../../lib/app/consolidate';
import { nativeSha256 } from '../../lib/node/hash';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { nativeZipCodec } from '../../lib/node/zip-codec';
import { parsePeriod, type Period } from '../../lib/period/period';
import { factsFromStamp } from '../../lib/summary/facts';
import { templateXlsx } from '../_lib/template-fixture';

const catalog = loadCatalog();
const roster = loadRoster();
const period = parsePeriod('2026-11') as Period;
const now = new Date('2026-12-11T02:00:00Z');

function inputs() {
  const good = templateXlsx({ unit: 'CAT', unitName: 'Công an tỉnh', indicators: [['PL1.I.3', { result: 55 }]], cover: { proposals: 'Đề nghị bổ sung\nkinh phí.' } });
  // A return cut short: the zip's central directory is gone.
  const cut = templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế' }).slice(0, 2000);
  return [
    { name: 'cat.xlsx', bytes: good, receivedAt: '2026-12-05T08:00:00+07:00' },
    { name: 'syt.xlsx', bytes: cut },
  ];
}

describe('consolidateInputs with Node\'s inflate', () => {
  it('gives the same consolidation and the same summary model as the pure-JS inflate', async () => {
    const pure = await consolidateInputs(inputs(), { catalog, roster, period, now });
    const native = await consolidateInputs(inputs(), { catalog, roster, period, now, sha256: nativeSha256, codec: nativeZipCodec });
    expect(native.consolidation).toEqual(pure.consolidation);
    expect(native.model).toEqual(pure.model);
    expect(factsFromStamp(new Map(native.model.stamp)).ok).toBe(true);
    // The cut return is refused with the same reason by both inflaters.
    const refused = (c: typeof pure.consolidation) => c.intake.filter((x) => x.file === 'syt.xlsx').map((x) => [x.status, x.reason]);
    expect(refused(native.consolidation)).toEqual(refused(pure.consolidation));
    expect(refused(pure.consolidation)).toEqual([['rejected', { code: expect.stringMatching(/^file\//), message: expect.any(String) }]]);
  });
});
