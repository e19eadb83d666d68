// Built-ins that EdgeHTML 18 lacks (the browser of Office 2019 on Windows 10): syntax is lowered by
// the build (es2017), these are filled in before any other module runs. Each only where missing.

type Loose = Record<string, unknown>;
const root: Loose = typeof globalThis !== 'undefined' ? (globalThis as unknown as Loose) : (self as unknown as Loose);
if (typeof globalThis === 'undefined') root.globalThis = root;

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

define(Object, 'fromEntries', (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const out: Record<PropertyKey, unknown> = {};
  for (const [key, value] of entries) out[key] = value;
  return out;
});

define(Array.prototype, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
  return depth < 1 ? this.slice() : this.reduce<unknown[]>((out, item) => out.concat(Array.isArray(item) ? (flat.call(item, depth - 1) as unknown[]) : [item]), []);
});

define(Array.prototype, 'flatMap', function flatMap(this: unknown[], fn: (value: unknown, index: number, array: unknown[]) => unknown, thisArg?: unknown): unknown[] {
  return this.reduce<unknown[]>((out, item, i) => out.concat(fn.call(thisArg, item, i, this) as unknown[]), []);
});

define(String.prototype, 'trimStart', function trimStart(this: string) {
  return this.replace(/^[\s\uFEFF\xA0]+/, '');
});
define(String.prototype, 'trimEnd', function trimEnd(this: string) {
  return this.replace(/[\s\uFEFF\xA0]+$/, '');
});

define(root, 'queueMicrotask', (fn: () => void) => {
  void Promise.resolve().then(fn);
});

/** UTF-8 only, which is all the pane needs (the .xlsx parts and e-mails are UTF-8 or decoded by their parser). */
class Utf8Encoder {
  readonly encoding = 'utf-8';
  encode(text = ''): Uint8Array {
    const bytes: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0) as number;
      if (c < 0x80) bytes.push(c);
      else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(bytes);
  }
}

class Utf8Decoder {
  readonly encoding = 'utf-8';
  constructor(label = 'utf-8') {
    if (!/^utf-?8$/i.test(label)) throw new RangeError(`The encoding "${label}" is not supported here`);
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (!input) return '';
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let out = '';
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const at = (k: number) => (bytes[k] ?? 0) & 63;
    while (i < bytes.length) {
      const b = bytes[i] as number;
      let c = 0xfffd;
      let size = 1;
      if (b < 0x80) c = b;
      else if (b >= 0xf0) [c, size] = [((b & 7) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3), 4];
      else if (b >= 0xe0) [c, size] = [((b & 15) << 12) | (at(i + 1) << 6) | at(i + 2), 3];
      else if (b >= 0xc0) [c, size] = [((b & 31) << 6) | at(i + 1), 2];
      i += size;
      out += String.fromCodePoint(c);
    }
    return out;
  }
}

define(root, 'TextEncoder', Utf8Encoder);
define(root, 'TextDecoder', Utf8Decoder);
