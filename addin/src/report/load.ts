// report.js is loaded only where it can run, and only when the user asks for a report: the docx
// library holds a RegExp lookbehind and Unicode property escapes (syntax errors in Internet Explorer
// 11, EdgeHTML 18 and Safari before 16.4) and calls String.prototype.matchAll; zod builds BigInts as
// it loads. Each is tried here first, so an older browser gets a message, never a script error.
import { REPORT_BUNDLE_FILE, REPORT_BUNDLE_GLOBAL, type ReportBundle } from './api';

/** A pattern and flags through the RegExp constructor (never a literal, which would not parse where it fails). */
function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/** What report.js needs beyond the ES2017 it is built for, by the name an IT officer can look up. */
const REPORT_FEATURES: ReadonlyArray<{ name: string; works: () => boolean }> = [
  { name: 'RegExp lookbehind (?<=…)', works: () => compiles('(?<=a)b', '') },
  { name: 'RegExp \\p{…} (cờ u)', works: () => compiles('\\p{L}', 'u') },
  { name: 'RegExp cờ s', works: () => compiles('a.b', 's') },
  { name: 'String.prototype.matchAll', works: () => typeof (String.prototype as { matchAll?: unknown }).matchAll === 'function' },
  { name: 'BigInt', works: () => typeof BigInt === 'function' },
];

/** The features report.js needs that this browser lacks (empty: it can run here). */
export function missingReportFeatures(): string[] {
  return REPORT_FEATURES.filter((f) => !f.works()).map((f) => f.name);
}

/** report.js could not be fetched or did not register itself (a server without it, a blocked address). */
export class ReportBundleError extends Error {
  constructor(readonly url: string) {
    super(`report.js did not load from ${url}`);
  }
}

let loading: Promise<ReportBundle> | undefined;

/** report.js, injected once as a script next to the page; a failed load may be tried again. */
export function loadReportBundle(file: string = REPORT_BUNDLE_FILE): Promise<ReportBundle> {
  const page = window as unknown as Record<string, ReportBundle | undefined>;
  const ready = page[REPORT_BUNDLE_GLOBAL];
  if (ready) return Promise.resolve(ready);
  if (!loading) {
    loading = new Promise<ReportBundle>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = file;
      script.onload = () => {
        const bundle = page[REPORT_BUNDLE_GLOBAL];
        if (bundle) resolve(bundle);
        else reject(new ReportBundleError(script.src));
      };
      script.onerror = () => reject(new ReportBundleError(script.src));
      document.head.appendChild(script);
    });
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
