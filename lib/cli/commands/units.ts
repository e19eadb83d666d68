import type { Command } from '../command';
import { unitsOfKind } from '../../roster/roster';
import { UsageError } from '../command';

const KIND_LABELS = { department: 'Sở, ban, ngành cấp tỉnh', commune: 'Xã, phường' } as const;

export const unitsCommand: Command = {
  name: 'units',
  summary: 'Liệt kê các đơn vị báo cáo (sở, ban, ngành và 166 xã, phường).',
  usage: 'units [--kind department|commune] [--json]',
  details: [
    'Danh sách đơn vị lấy từ seeds/roster.json (các sở, ban, ngành: Văn phòng Tổ công tác có thể sửa) và',
    'seeds/thanh-hoa-communes-2025.json (166 xã, phường theo Quyết định 19/2025/QĐ-TTg).',
    '',
    'Ví dụ:',
    '  da06 units',
    '  da06 units --kind department',
    '  da06 units --json > don-vi.json',
  ].join('\n'),
  options: {
    kind: { type: 'string', help: 'Chỉ liệt kê một loại: department (sở, ban, ngành) hoặc commune (xã, phường).', valueName: 'LOẠI' },
    json: { type: 'boolean', help: 'In kết quả dạng JSON: [{ code, name, kind, aliases }].' },
  },
  run({ values }, ctx) {
    const roster = ctx.loadRoster();
    const kind = values.kind as string | undefined;
    if (kind !== undefined && kind !== 'department' && kind !== 'commune') {
      throw new UsageError(`Loại đơn vị "${kind}" không hợp lệ. Dùng department hoặc commune.`);
    }
    const units = kind ? unitsOfKind(roster, kind) : roster.units;
    if (values.json) {
      ctx.io.out(JSON.stringify(units.map(({ code, name, kind: k, aliases, email, focalPerson }) => ({ code, name, kind: k, aliases, email, focalPerson })), null, 2));
      return 0;
    }
    for (const k of ['department', 'commune'] as const) {
      const ofKind = units.filter((u) => u.kind === k);
      if (ofKind.length === 0) continue;
      ctx.io.out(`${KIND_LABELS[k]} (${ofKind.length} đơn vị)`);
      for (const u of ofKind) ctx.io.out(`  ${u.code.padEnd(8)} ${u.name}`);
      ctx.io.out('');
    }
    ctx.io.out(`Tổng cộng: ${units.length} đơn vị báo cáo.`);
    return 0;
  },
};
