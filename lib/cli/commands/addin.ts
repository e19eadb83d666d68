import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../node/seeds';
import { EXIT, UsageError, type Command } from '../command';

/** The add-in's build tools (esbuild, SWC) live in addin/tools and the dev dependencies: run there as a child, as npm run build:addin does. */
function shareTool(): { node: string; args: string[] } | null {
  const script = join(packageRoot(), 'addin', 'tools', 'share.ts');
  let tsx: string;
  try {
    tsx = require.resolve('tsx/cli');
  } catch {
    return null;
  }
  return existsSync(script) ? { node: process.execPath, args: [tsx, script] } : null;
}

export const addinCommand: Command = {
  name: 'addin',
  summary: 'Tạo thư mục cài đặt phần bổ trợ Excel cho cán bộ CNTT: trang web, manifest.xml, hướng dẫn.',
  usage: 'addin [--url https://may-chu/da06/] [--officejs cdn|local] [--out THƯ_MỤC]',
  details: [
    'Dựng phần bổ trợ (chạy được cả trên Excel 2019 dùng Internet Explorer 11) vào một thư mục sẵn để chia sẻ:',
    '  web/                    chép lên máy chủ web nội bộ (HTTPS), đúng địa chỉ --url',
    '  manifest.xml            đặt vào thư mục dùng chung (danh mục phần bổ trợ tin cậy của Excel)',
    '  HUONG-DAN-CAI-DAT.txt   hướng dẫn một trang cho cán bộ CNTT và từng máy dùng Excel',
    'Địa chỉ lấy từ --url, hoặc productionUrl trong addin/deploy.json; địa chỉ mẫu (.example, localhost) bị từ chối.',
    'Mạng nội bộ không ra Internet: --officejs local để kèm Office.js của Microsoft vào web/office-js/.',
    'Cần thư mục mã nguồn da06 đã chạy npm ci (công cụ dựng nằm trong các gói phát triển).',
    '',
    'Ví dụ:',
    '  da06 addin --url https://baocao.congan.thanhhoa.gov.vn/da06/ --officejs local --out chia-se-da06',
  ].join('\n'),
  options: {
    url: { type: 'string', help: 'Địa chỉ máy chủ web đặt phần bổ trợ, https và có dấu / ở cuối.', valueName: 'ĐỊA_CHỈ' },
    officejs: { type: 'string', help: 'cdn (mặc định: Office.js tải từ Microsoft) hoặc local (kèm theo, cho mạng nội bộ).', valueName: 'NGUỒN' },
    out: { type: 'string', help: 'Thư mục sẽ tạo (mặc định dist/addin-chia-se); nội dung cũ bị thay.', valueName: 'THƯ_MỤC' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const officeJs = (values.officejs as string | undefined) ?? 'cdn';
    if (officeJs !== 'cdn' && officeJs !== 'local') throw new UsageError(`--officejs "${officeJs}" không hợp lệ. Dùng cdn hoặc local.`);
    const tool = shareTool();
    if (!tool) {
      ctx.io.err('Lỗi: lệnh da06 addin cần thư mục mã nguồn da06 với các gói phát triển (chạy npm ci trong thư mục đó rồi thử lại).');
      return EXIT.usage;
    }
    const out = resolve((values.out as string | undefined) ?? join(packageRoot(), 'dist', 'addin-chia-se'));
    const args = [...tool.args, '--out', out, '--officejs', officeJs, ...(values.url ? ['--url', values.url as string] : [])];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(tool.node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
      child.stdout.on('data', (b: Buffer) => chunks.stdout.push(b));
      child.stderr.on('data', (b: Buffer) => chunks.stderr.push(b));
      child.on('error', fail);
      child.on('close', (status) => done({ code: status ?? 1, stdout: Buffer.concat(chunks.stdout).toString('utf8').trimEnd(), stderr: Buffer.concat(chunks.stderr).toString('utf8').trimEnd() }));
    });
    if (stdout) ctx.io.out(stdout);
    if (code === 2) {
      ctx.io.err(`Lỗi: ${stderr}`);
      return EXIT.usage;
    }
    if (code !== 0) throw new Error(`addin/tools/share.ts exited with ${code}: ${stderr}`);
    return EXIT.ok;
  },
};
