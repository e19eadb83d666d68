import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateXlsx } from '../_lib/template-fixture';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod } from '../../lib/period/period';
import { da06 } from './_lib/run';

// The built CLI reads returns in worker threads; from TypeScript sources (jest) it reads in-process.
const bin = join(__dirname, '..', '..', 'dist', 'lib', 'cli', 'main.js');

it('gives the same consolidation with worker threads as on one thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-workers-'));
  try {
    const units = ['CAT', 'SYT', 'STC', 'SNV', 'TTPVHCC', 'SKHCN', 'SXD', 'SCT'];
    units.forEach((unit, i) => writeFileSync(join(dir, `${i}-${unit}.xlsx`), templateXlsx({ unit, unitName: unit, cover: { reportDate: `0${1 + (i % 9)}/12/2026` }, indicators: [['PL1.I.3', { result: 40 + i }]] })));
    writeFileSync(join(dir, '9-CAT-lan-2.xlsx'), templateXlsx({ unit: 'CAT', unitName: 'CAT', cover: { reportDate: '09/12/2026' }, indicators: [['PL1.I.3', { result: 99 }]] }));
    writeFileSync(join(dir, 'x-hong.xlsx'), templateXlsx().subarray(0, 500));
    const args = ['consolidate', dir, '--period', '2026-11', '--out', join(dir, 'out', 'tong-hop.xlsx'), '--json'];
    const threaded = JSON.parse(execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DA06_THREADS: '2' } }));
    const inProcess = JSON.parse((await da06(...args)).stdout);
    expect(threaded).toEqual(inProcess);
    expect(threaded.received).toBe(8);
    expect(threaded.duplicates).toEqual([expect.objectContaining({ unit: 'CAT', kept: '9-CAT-lan-2.xlsx' })]);
    expect(threaded.rejected.map((r: { code: string }) => r.code)).toEqual(['file/corrupt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('assesses every file in the built worker threads exactly as on the calling thread', async () => {
  // The compiled pool and worker (npm test builds them first); from sources there is no worker script.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file, on purpose
  const pool = require(join(__dirname, '..', '..', 'dist', 'lib', 'node', 'assess-pool.js')) as typeof import('../../lib/node/assess-pool');
  const units = ['CAT', 'SYT', 'STC', 'SNV', 'TTPVHCC', 'SKHCN'];
  const items = () => [
    ...units.map((unit, i) => ({ name: `${unit}.xlsx`, bytes: templateXlsx({ unit, unitName: unit, indicators: [['PL1.I.3', { result: `${40 + i},5` }]] }), receivedAtSource: 'unknown' as const })),
    { name: 'hong.xlsx', bytes: templateXlsx().subarray(0, 500), receivedAtSource: 'unknown' as const },
  ];
  const options = { catalog: loadCatalog(), roster: loadRoster(), period: parsePeriod('2026-11')! };
  const workers = await pool.assessAll(items(), { ...options, threads: 2, callingThread: false });
  const here = await pool.assessAll(items(), { ...options, threads: 0 });
  expect(workers).toEqual(here);
  expect(workers.map((f) => [f.unit ?? null, f.blocked])).toEqual([...units.map((u) => [u, false]), [null, true]]);
}, 60_000);
