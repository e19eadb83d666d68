// What report.js needs of a browser, tried before it is loaded: each probe answers for itself in a
// realm cut down to Internet Explorer 11, and finds nothing missing in a modern engine.
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { missingReportFeatures } from '../../../addin/src/report/load';
import { BROWSER_TARGETS, REPO_ROOT } from '../../../addin/tools/build';
import { ie11EmulationSource } from '../_lib/ie11';

let probe: string;

beforeAll(async () => {
  // The probes as the browser gets them (esbuild, the pane's modern targets), with nothing polyfilled.
  const built = await esbuild.build({
    stdin: { contents: "import { missingReportFeatures } from './addin/src/report/load'; (window as unknown as Record<string, unknown>).__missing = missingReportFeatures;", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: BROWSER_TARGETS,
    logLevel: 'silent',
  });
  probe = built.outputFiles[0]?.text ?? '';
});

function missingIn(setup: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(`var window = this, self = this; ${setup}`, context);
  vm.runInContext(probe, context);
  return vm.runInContext('__missing()', context) as string[];
}

describe('missingReportFeatures', () => {
  it('finds nothing missing in a modern engine (this Node, as Chromium)', () => {
    expect(missingReportFeatures()).toEqual([]);
    expect(missingIn('')).toEqual([]);
  });

  it('names everything docx and zod need that Internet Explorer 11 lacks, without throwing', () => {
    expect(missingIn(ie11EmulationSource())).toEqual(['RegExp lookbehind (?<=…)', 'RegExp \\p{…} (cờ u)', 'RegExp cờ s', 'String.prototype.matchAll', 'BigInt']);
  });

  it('names what EdgeHTML 18 lacks: lookbehind, \\p{…}, the s flag and matchAll, though it has the u flag', () => {
    const edge = `(function () {
      var Native = RegExp;
      RegExp = function (pattern, flags) {
        if (/\\(\\?<[=!]/.test(pattern) || /\\\\p\\{/.test(pattern) || /s/.test(flags || '')) throw new SyntaxError('Invalid regular expression');
        return new Native(pattern, flags);
      };
      delete String.prototype.matchAll; delete this.BigInt;
    }).call(this);`;
    expect(missingIn(edge)).toEqual(['RegExp lookbehind (?<=…)', 'RegExp \\p{…} (cờ u)', 'RegExp cờ s', 'String.prototype.matchAll', 'BigInt']);
  });
});
