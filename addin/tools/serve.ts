// npm run dev-server: the pane rebuilt on every change and served for sideloading at the URL the
// repository's manifest.xml names (https://localhost:3000/), reloading itself after each rebuild.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { deployConfig, esbuildOptions, REPO_ROOT, writeStatic, type BuildAddinOptions } from './build';

/** Where `npx office-addin-dev-certs install` puts the trusted localhost certificate. */
function certificate(): { certfile: string; keyfile: string } | null {
  const certfile = process.env.DA06_DEV_CERT ?? join(homedir(), '.office-addin-dev-certs', 'localhost.crt');
  const keyfile = process.env.DA06_DEV_KEY ?? join(homedir(), '.office-addin-dev-certs', 'localhost.key');
  return existsSync(certfile) && existsSync(keyfile) ? { certfile, keyfile } : null;
}

async function main(): Promise<void> {
  const { devUrl } = deployConfig();
  const url = new URL(devUrl);
  const port = Number(process.env.DA06_DEV_PORT ?? (url.port || 3000));
  const options: BuildAddinOptions = { outdir: resolve(REPO_ROOT, 'dist', 'addin-dev'), baseUrl: devUrl, mode: 'development' };
  const context = await esbuild.context({
    ...esbuildOptions(options),
    plugins: [
      {
        name: 'da06-static',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) return;
            writeStatic(options);
            console.log(`[${new Date().toLocaleTimeString('vi-VN')}] Đã dựng lại phần bổ trợ.`);
          });
        },
      },
    ],
  });
  await context.watch();
  const tls = certificate();
  await context.serve({ servedir: options.outdir, host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port, ...(tls ?? {}) });
  const scheme = tls ? 'https' : 'http';
  console.log(`Phần bổ trợ đang chạy tại ${scheme}://localhost:${port}/taskpane.html (Ctrl+C để dừng).`);
  console.log(`Nạp (sideload) tệp manifest.xml ở thư mục gốc của kho mã vào Excel: xem mục "Phần bổ trợ Excel (add-in)" trong README.`);
  if (!tls) {
    console.log('Cảnh báo: không có chứng chỉ HTTPS cho localhost, nên đang phục vụ bằng http. Excel cần https:');
    console.log('  chạy "npx office-addin-dev-certs install" (một lần, trên máy Windows hoặc Mac đang chạy Excel) rồi chạy lại lệnh này,');
    console.log('  hoặc đặt DA06_DEV_CERT và DA06_DEV_KEY trỏ tới chứng chỉ và khóa của localhost.');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
