// The manifest checked offline: against Microsoft's XML schemas (../shared/xsd, via xmllint-wasm),
// then against what the schemas cannot say (resources exist, icons exist, URLs are this build's).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { deployConfig, manifestFor, REPO_ROOT } from './build';
import { iconFileName, ICON_NAMES, ICON_SIZES } from './icons';

const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Where the schemas are: DA06_XSD_DIR, or ../shared/xsd next to the repository; null when absent. */
export function schemaDir(): string | null {
  const dir = resolve(process.env.DA06_XSD_DIR ?? join(REPO_ROOT, '..', 'shared', 'xsd'));
  return existsSync(join(dir, MAIN_SCHEMA)) ? dir : null;
}

/** libxml2's complaints about the manifest, none when it validates. */
export async function validateAgainstSchemas(xml: string, dir: string): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xsd'));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [{ fileName: MAIN_SCHEMA, contents: readFileSync(join(dir, MAIN_SCHEMA)) }],
    preload: files.filter((f) => f !== MAIN_SCHEMA).map((f) => ({ fileName: f, contents: readFileSync(join(dir, f)) })),
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const ICON_FILES = new Set(ICON_NAMES.flatMap((name) => ICON_SIZES.map((size) => `assets/${iconFileName(name, size)}`)));
const PAGES = new Set(['taskpane.html', 'taskpane.html#kiem-tra', 'taskpane.html#tong-hop', 'commands.html', 'huong-dan.html']);

/** What the schemas do not check, for a manifest whose URLs should all start with `baseUrl`. */
export function checkManifestRules(xml: string, baseUrl: string): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const m of xml.matchAll(/<bt:(Image|Url|String) id="([^"]+)" DefaultValue="([^"]*)"/g)) ids.set(m[2] as string, m[3] as string);
  for (const [id, value] of ids) {
    if (id.length > 32) problems.push(`resource id longer than 32 characters: ${id}`);
    if (/^https?:/.test(value) && !value.startsWith(baseUrl)) problems.push(`${id} points outside ${baseUrl}: ${value}`);
  }
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) if (!ids.has(m[1] as string)) problems.push(`resid without a resource: ${m[1]}`);
  for (const m of xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)) {
    const url = m[1] as string;
    if (!url.startsWith(baseUrl)) {
      problems.push(`URL outside ${baseUrl}: ${url}`);
      continue;
    }
    const path = url.slice(baseUrl.length);
    if (!ICON_FILES.has(path) && !PAGES.has(path)) problems.push(`URL of no file the build writes: ${url}`);
  }
  const controls = [...xml.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
  const label = (resid: string | undefined) => (resid ? ids.get(resid) : undefined);
  const buttons = controls.map((c) => label(/<Label resid="([^"]+)"/.exec(c[2] as string)?.[1]));
  if (buttons.join('|') !== 'Kiểm tra báo cáo|Tổng hợp|Xóa đánh dấu') problems.push(`ribbon buttons are ${buttons.join(', ')}`);
  for (const c of controls) {
    const sizes = [...(c[2] as string).matchAll(/<bt:Image size="(\d+)"/g)].map((m) => Number(m[1]));
    if (![16, 32, 80].every((s) => sizes.includes(s))) problems.push(`${c[1]} lacks an icon of 16, 32 or 80 px`);
  }
  const tab = /<CustomTab id="[^"]+">[\s\S]*<\/Group>\s*<Label resid="([^"]+)"\/>\s*<\/CustomTab>/.exec(xml);
  if (label(tab?.[1]) !== 'Đề án 06') problems.push('the custom tab is not labelled "Đề án 06" (its Label must follow the Groups)');
  if (!/<Set Name="ExcelApi" MinVersion="1.7"\/>/.test(xml)) problems.push('ExcelApi 1.7 is not the minimum requirement');
  if (!/<DefaultLocale>vi-VN<\/DefaultLocale>/.test(xml)) problems.push('DefaultLocale is not vi-VN');
  if (!/<FunctionName>clearHighlights<\/FunctionName>/.test(xml)) problems.push('the function command is not clearHighlights (addin/src/commands.ts)');
  return problems;
}

async function main(): Promise<void> {
  const dir = schemaDir();
  const built = join(REPO_ROOT, 'dist', 'addin', 'manifest.xml');
  const targets: Array<[string, string, string]> = [['manifest.xml', readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8'), deployConfig().devUrl]];
  if (existsSync(built)) {
    const xml = readFileSync(built, 'utf8');
    targets.push(['dist/addin/manifest.xml', xml, /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(xml)?.[1] ?? '']);
  } else targets.push(['manifest (production URL)', manifestFor(deployConfig().productionUrl), deployConfig().productionUrl]);
  let failed = false;
  if (!dir) console.log('Không tìm thấy bộ lược đồ XSD của manifest (../shared/xsd hoặc biến DA06_XSD_DIR): chỉ kiểm tra các quy tắc riêng.');
  for (const [name, xml, baseUrl] of targets) {
    const problems = [...(dir ? await validateAgainstSchemas(xml, dir) : []), ...checkManifestRules(xml, baseUrl)];
    failed ||= problems.length > 0;
    console.log(problems.length === 0 ? `${name}: hợp lệ${dir ? ' (đúng lược đồ XSD của Office)' : ''}.` : `${name}: ${problems.length} lỗi\n  ${problems.join('\n  ')}`);
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
