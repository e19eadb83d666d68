import { readFileSync } from 'node:fs';
import type { Catalog } from '../../catalog/schema';
import { seedPath } from '../../node/seeds';
import { UsageError, type Command, type CliContext } from '../command';

const APPENDIX_TITLES = {
  I: 'Phụ lục I - Mục tiêu cụ thể (chỉ tiêu)',
  II: 'Phụ lục II - Nhiệm vụ do Trung ương chủ trì, địa phương phối hợp',
  III: 'Phụ lục III - Nhiệm vụ do địa phương chủ trì',
} as const;

function printSummary(catalog: Catalog, ctx: CliContext): void {
  ctx.io.out(catalog.source.title);
  ctx.io.out('');
  for (const appendix of ['I', 'II', 'III'] as const) {
    const rows = appendix === 'I' ? catalog.indicators : catalog.tasks.filter((t) => t.appendix === appendix);
    ctx.io.out(`${APPENDIX_TITLES[appendix]}: ${rows.length} ${appendix === 'I' ? 'chỉ tiêu' : 'nhiệm vụ'}`);
    for (const group of catalog.groups.filter((g) => g.appendix === appendix)) {
      const count = rows.filter((r) => r.group === group.id).length;
      ctx.io.out(`  Nhóm ${group.id.padEnd(5)} ${String(count).padStart(3)}  ${group.title}`);
    }
    ctx.io.out('');
  }
  const duties = catalog.tasks.filter((t) => t.appendix === 'body');
  // By section: a duty's lead is not always the body its section is about ("6. Văn phòng UBND tỉnh phối hợp với Công an tỉnh …").
  const sections = [...new Set(duties.map((d) => d.group))].map((g) => `${g}: ${duties.filter((d) => d.group === g).length}`);
  ctx.io.out(`Nhiệm vụ giao tại mục V Kế hoạch: ${duties.length} (mục ${sections.join(', ')})`);
}

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'Xem danh mục chỉ tiêu, nhiệm vụ của Kế hoạch; dựng lại danh mục từ văn bản kế hoạch.',
  usage: 'catalog [build|check] [--json]',
  details: [
    'Không có tham số: in bảng tóm tắt số chỉ tiêu, nhiệm vụ theo phụ lục và nhóm.',
    '  build   đọc lại văn bản kế hoạch (seeds/ke-hoach-210-...md) và ghi seeds/catalog.json;',
    '          dừng và liệt kê từng dòng chưa đọc được (tên đơn vị, thời hạn) nếu có.',
    '  check   so sánh seeds/catalog.json với kết quả đọc văn bản kế hoạch; mã thoát 1 nếu khác nhau.',
    '',
    'Ví dụ:',
    '  da06 catalog',
    '  da06 catalog --json > danh-muc.json',
    '  da06 catalog build',
  ].join('\n'),
  options: {
    json: { type: 'boolean', help: 'In toàn bộ danh mục dạng JSON: { indicators: [...], tasks: [...] }.' },
  },
  run({ positionals, values }, ctx) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Thừa tham số: ${extra.join(' ')}.`);
    if (action === undefined) {
      const catalog = ctx.loadCatalog();
      if (values.json) ctx.io.out(JSON.stringify(catalog, null, 2));
      else printSummary(catalog, ctx);
      return 0;
    }
    if (action !== 'build' && action !== 'check') throw new UsageError(`Không có thao tác "${action}". Dùng build hoặc check.`);
    // Loaded on demand: the plan parser is only needed here, not at every start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildCatalogFromSeeds, serialiseCatalog, writeCatalog } = require('../../node/catalog-build') as typeof import('../../node/catalog-build');
    const result = buildCatalogFromSeeds(ctx.loadRoster());
    if (result.problems.length > 0) {
      ctx.io.err(`Văn bản kế hoạch còn ${result.problems.length} chỗ chưa đọc được:`);
      for (const p of result.problems) ctx.io.err(`  dòng ${p.line}: ${p.message}`);
      return 1;
    }
    if (action === 'check') {
      const same = readFileSync(seedPath('catalog'), 'utf8') === serialiseCatalog(result);
      ctx.io.out(same ? 'seeds/catalog.json khớp với văn bản kế hoạch.' : 'seeds/catalog.json KHÔNG khớp với văn bản kế hoạch: chạy "da06 catalog build".');
      return same ? 0 : 1;
    }
    const path = writeCatalog(result);
    ctx.io.out(`Đã ghi ${path}: ${result.catalog.indicators.length} chỉ tiêu, ${result.catalog.tasks.length} nhiệm vụ.`);
    return 0;
  },
};
