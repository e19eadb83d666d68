// lib/mail is pure: a web page or the task pane can compose, parse and plan with it. Proven by bundling it for the browser.
import * as esbuild from 'esbuild';
import { esbuildOptions } from '../../addin/tools/build';

it('bundles for the browser with nothing from Node: messages, collect, manifest, send log, reminders, contacts, the summary reader', async () => {
  const modules = ['mail/message', 'mail/compose', 'mail/collect', 'mail/manifest', 'mail/names', 'mail/send-log', 'mail/settings', 'mail/remind', 'roster/contacts', 'summary/read'];
  const result = await esbuild.build({
    ...esbuildOptions({ outdir: '/nonexistent', baseUrl: 'https://x/', mode: 'production' }),
    entryPoints: undefined,
    stdin: { contents: modules.map((m, i) => `export * as m${i} from './lib/${m}';`).join('\n'), resolveDir: process.cwd(), loader: 'ts' },
    outdir: undefined,
    write: false,
    metafile: true,
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toEqual(expect.arrayContaining(modules.map((m) => `lib/${m}.ts`)));
  expect(inputs.filter((i) => /^lib\/(node|cli)\//.test(i) || i.startsWith('node:') || i.includes('nodemailer') || i.includes('imapflow'))).toEqual([]);
}, 60_000);
