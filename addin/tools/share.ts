// da06 addin: the ready-to-share folder for an office's IT officer: web/ (the built add-in, for the web
// server), manifest.xml with the production URL (for the shared-folder catalog) and HUONG-DAN-CAI-DAT.txt.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAddin, deployConfig, officeJsVersion, REPO_ROOT, undeployableUrlReason, type OfficeJsSource } from './build';
import { installGuide } from './guide';

export const SHARE_WEB_DIR = 'web';
export const INSTALL_GUIDE = 'HUONG-DAN-CAI-DAT.txt';

export interface WriteShareFolderOptions {
  out: string;
  /** The production URL; addin/deploy.json's productionUrl when absent. */
  baseUrl?: string;
  officeJs: OfficeJsSource;
}

/** A refusal the user can act on (a placeholder URL, a wrong option): printed, exit code 2. */
export class ShareFolderError extends Error {}

export async function writeShareFolder(options: WriteShareFolderOptions): Promise<{ baseUrl: string; files: string[] }> {
  const baseUrl = options.baseUrl ?? deployConfig().productionUrl;
  const refused = undeployableUrlReason(baseUrl);
  if (refused) throw new ShareFolderError(refused);
  const out = resolve(options.out);
  rmSync(out, { recursive: true, force: true });
  const web = join(out, SHARE_WEB_DIR);
  const files = (await buildAddin({ outdir: web, baseUrl, mode: 'production', officeJs: options.officeJs })).map((f) => `${SHARE_WEB_DIR}/${f}`);
  copyFileSync(join(web, 'manifest.xml'), join(out, 'manifest.xml'));
  const version = /<Version>([^<]+)<\/Version>/.exec(readFileSync(join(out, 'manifest.xml'), 'utf8'))?.[1] ?? '';
  writeFileSync(join(out, INSTALL_GUIDE), installGuide({ baseUrl, officeJs: options.officeJs, webDir: `${SHARE_WEB_DIR}\\`, manifest: 'manifest.xml', officeJsVersion: officeJsVersion(), version }));
  return { baseUrl, files: [...files, 'manifest.xml', INSTALL_GUIDE] };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, url: { type: 'string' }, officejs: { type: 'string' } }, strict: true });
  const officeJs = values.officejs ?? 'cdn';
  if (officeJs !== 'cdn' && officeJs !== 'local') throw new ShareFolderError(`--officejs "${officeJs}" không hợp lệ: dùng cdn (tải từ Microsoft) hoặc local (kèm theo phần bổ trợ).`);
  const out = resolve(values.out ?? join(REPO_ROOT, 'dist', 'addin-chia-se'));
  const { baseUrl, files } = await writeShareFolder({ out, ...(values.url ? { baseUrl: values.url } : {}), officeJs });
  console.log(`Đã tạo thư mục chia sẻ ${out} (${files.length} tệp): manifest.xml trỏ tới ${baseUrl}, Office.js ${officeJs === 'local' ? 'kèm theo (thư mục web/office-js/)' : 'từ CDN của Microsoft'}.`);
  console.log(`Đọc ${join(out, INSTALL_GUIDE)}: chép web/ lên máy chủ HTTPS, đặt manifest.xml vào thư mục dùng chung.`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ShareFolderError) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
