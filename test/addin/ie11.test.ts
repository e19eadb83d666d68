// The built pane and function file in Internet Explorer 11's terms (volume-licensed Office 2019 shows
// add-ins in IE11), checked on the production build itself: ES5 syntax (acorn), no RegExp IE11 refuses,
// and every built-in IE11 lacks that the code names is there once the bundle has run in a realm cut
// down to IE11 (test/addin/_lib/ie11.ts): what the build polyfills, and nothing it forgot.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import * as acorn from 'acorn';
import { buildAddin, bundleSources, REPO_ROOT } from '../../addin/tools/build';
import { ie11EmulationSource } from './_lib/ie11';

/** Not report.js: it never runs in IE11 (the pane loads it only where addin/src/report/load.ts finds what it needs). */
const BUNDLES = ['taskpane.js', 'commands.js'] as const;

/**
 * Names the bundles use that IE11 lacks and nothing polyfills, each unreachable from what da06 does.
 * A new name here needs the same proof; a name that disappears must leave the list (it is compared whole).
 */
const UNREACHABLE: Record<(typeof BUNDLES)[number], Record<string, string>> = {
  'taskpane.js': {
    'window.BigInt': "zod's bigint schemas only, and lib defines none (the build patches the two uses that run: zod's int64 ranges at load, noble's SHA-256 length); addin/src/report/load.ts only asks typeof BigInt",
    'window.Proxy': "zod's createTransparentProxy, which zod 4 no longer calls",
    'Error.captureStackTrace': 'zod reads it only after testing "captureStackTrace" in Error',
    'Intl.Segmenter': 'lib/text/graphemes.ts tests for it and counts characters with its own loop where it is missing',
  },
  'commands.js': {},
};

let outdir: string;
const code: Record<string, string> = {};
/** The same bundles before the ES5 pass: da06's code and its packages, without core-js and SWC's helpers (written for IE11). */
const source: Record<string, string> = {};

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'da06-ie11-'));
  await buildAddin({ outdir, baseUrl: 'https://baocao.example.vn/da06/', mode: 'production' });
  for (const file of BUNDLES) code[file] = readFileSync(join(outdir, file), 'utf8');
  for (const output of (await bundleSources({ outdir, baseUrl: 'https://baocao.example.vn/da06/', mode: 'production' })).outputFiles) {
    const file = BUNDLES.find((f) => output.path.endsWith(f));
    if (file) source[file] = output.text;
  }
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

interface Names {
  /** Identifiers, as a global may be named. */
  identifiers: Set<string>;
  /** Member names after a dot or in a string subscript: `x.includes`, `x["includes"]`. */
  members: Set<string>;
  /** Members of a named object: `Array.from`, `Uint8Array.from`. */
  statics: Set<string>;
}

const TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'];

/** What the code names (more than it uses: the safe side), by walking its syntax tree. */
function namesIn(code: string): Names {
  const names: Names = { identifiers: new Set(), members: new Set(), statics: new Set() };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as { type?: unknown }).type !== 'string') return;
    const n = node as { type: string; name?: string; computed?: boolean; object?: { type: string; name?: string }; property?: { type: string; name?: string; value?: unknown } };
    if (n.type === 'Identifier' && n.name) names.identifiers.add(n.name);
    if (n.type === 'MemberExpression' && n.property) {
      const member = !n.computed ? n.property.name : typeof n.property.value === 'string' ? n.property.value : undefined;
      if (member) {
        names.members.add(member);
        if (n.object?.type === 'Identifier') names.statics.add(`${n.object.name}.${member}`);
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'property' || n.computed) visit(value);
  };
  visit(acorn.parse(code, { ecmaVersion: 'latest' }));
  return names;
}

/** The bundle run in a fresh realm cut down to IE11, with the little of a page its start-up touches. */
function runInIE11(source: string): vm.Context {
  const context = vm.createContext({});
  vm.runInContext('var window = this, self = this; var navigator = { userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko" };', context);
  vm.runInContext(ie11EmulationSource(), context);
  vm.runInContext('var Office = { onReady: function () {} };', context);
  try {
    vm.runInContext(source, context);
  } catch (error) {
    // The bundle is one line of 1 MB: keep the message and the stack, not the source.
    throw new Error(`the bundle threw in the IE11 realm: ${String(error)}\n${((error as Error).stack ?? '').split('\n').slice(0, 6).join('\n')}`);
  }
  return context;
}

describe.each(BUNDLES)('the built %s for Internet Explorer 11', (file) => {
  it('parses as ECMAScript 5 (no arrow function, class, let, template, spread, regex flag or syntax past ES5)', () => {
    expect(() => acorn.parse(code[file] as string, { ecmaVersion: 5 })).not.toThrow();
  });

  it('builds no RegExp with a flag IE11 refuses and core-js cannot add, except zod’s z.emoji(), which lib never calls', () => {
    const flags = [...(code[file] as string).matchAll(/RegExp\(([^()]{0,40}),\s*"([a-z]*[uysdv][a-z]*)"\)/g)].map((m) => m[2] as string);
    const emojiPattern = (code[file] as string).includes('\\\\p{Extended_Pictographic}');
    expect(flags.filter((f) => /[uvd]/.test(f))).toEqual(emojiPattern ? ['u'] : []);
    const lib = readdirSync(join(REPO_ROOT, 'lib'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(lib.filter((f) => /\.emoji\(/.test(readFileSync(join(REPO_ROOT, 'lib', f), 'utf8')))).toEqual([]);
    // sticky and dotAll (postal-mime's HTML-to-text) IE11 lacks too: core-js's RegExp must take them there.
    const sticky = flags.filter((f) => !/[uvd]/.test(f));
    const context = runInIE11(code[file] as string);
    for (const f of sticky) expect([f, vm.runInContext(`new RegExp("a", ${JSON.stringify(f)}).test("a")`, context)]).toEqual([f, true]);
  });

  it('loads in a realm with only what IE11 has, and every built-in it names that IE11 lacks is then there', () => {
    const context = runInIE11(code[file] as string);
    const removed = vm.runInContext('__ie11Removed', context) as Array<[string, string]>;
    expect(removed.length).toBeGreaterThan(100);
    const used = namesIn(source[file] as string);
    const present = (owner: string, name: string): boolean =>
      vm.runInContext(
        `(function () { var at = ${owner === 'window' ? 'this' : owner.replace(/^TypedArray/, 'Object.getPrototypeOf(Int8Array)')}; return at !== undefined && at !== null && ${JSON.stringify(name)} in Object(at); })()`,
        context,
      ) as boolean;
    const named = ([owner, name]: [string, string]) => {
      if (owner === 'window') return used.identifiers.has(name);
      if (owner.includes('.prototype')) return used.members.has(name);
      return (owner === 'TypedArray' ? TYPED_ARRAYS : [owner]).some((o) => used.statics.has(`${o}.${name}`));
    };
    const missing = removed.filter((entry) => named(entry) && !present(...entry)).map(([owner, name]) => `${owner}.${name}`);
    expect([...new Set(missing)].sort()).toEqual(Object.keys(UNREACHABLE[file]).sort());
  });
});

describe('IE11 defects the build must replace, seen from inside the emulated realm after the pane loaded', () => {
  it('Map, Set and WeakMap take their entries, chain set/add and iterate; Promise, Symbol (core-js’s), normalize and the UTF-8 codec work', () => {
    const context = runInIE11(code['taskpane.js'] as string);
    const result = vm.runInContext(
      `(function () {
        var m = new Map([['a', 1]]).set('b', 2); var s = new Set(['x']).add('y'); var keys = [];
        m.forEach(function (v, k) { keys.push(k); });
        var it = s.values(); var first = it.next().value;
        return [m.get('a'), m.get('b'), keys.join(''), s.has('x'), first, new WeakMap([[m, 1]]).get(m), typeof Promise.resolve, typeof Symbol.iterator,
          'Thiệu Hoá'.normalize('NFD').length, 'Thie\\u0323\\u0302u'.normalize('NFC'), new TextDecoder().decode(new TextEncoder().encode('Đề án 06'))];
      })()`,
      context,
    ) as unknown[];
    expect(result).toEqual([1, 2, 'ab', true, 'x', 1, 'function', 'object', 12, 'Thiệu', 'Đề án 06']);
  });
});
