import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTnef, TnefError } from '../../lib/mail/_lib/tnef';
import { buildTnef } from '../../lib/simulate/_lib/tnef';

const files = [
  { name: 'Báo cáo Đề án 06 tháng 11 - Xã Cẩm Thủy.xlsx', data: Uint8Array.from({ length: 4000 }, (_, i) => i % 251) },
  { name: 'ghi chú.txt', data: new TextEncoder().encode('Kính gửi') },
];

describe('winmail.dat (TNEF)', () => {
  it('is read by Debian\u2019s tnef program as the simulator writes it: Unicode long names, same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-tnef-'));
    try {
      writeFileSync(join(dir, 'winmail.dat'), buildTnef(files));
      const out = join(dir, 'out');
      spawnSync('mkdir', [out]);
      const result = spawnSync('tnef', ['-C', out, join(dir, 'winmail.dat')], { encoding: 'utf8' });
      if (result.error || result.status !== 0) throw new Error(`tnef failed (${result.error?.message ?? result.stderr}). Install it: apt-get install -y --no-install-recommends tnef (listed in .ci/apt-packages)`);
      expect(readdirSync(out).sort()).toEqual(files.map((f) => f.name).sort());
      for (const f of files) expect(new Uint8Array(readFileSync(join(out, f.name)))).toEqual(f.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives back the files with their names', () => {
    expect(readTnef(buildTnef(files))).toEqual(files);
  });

  it('refuses what is not TNEF, a truncated file and a wrong checksum', () => {
    const good = buildTnef(files);
    expect(() => readTnef(new Uint8Array(10))).toThrow(new TnefError('không có chữ ký TNEF'));
    expect(() => readTnef(good.slice(0, good.length - 100))).toThrow(TnefError);
    const bad = good.slice();
    bad[60] = (bad[60] as number) ^ 0x55;
    expect(() => readTnef(bad)).toThrow(TnefError);
  });
});
