// What Internet Explorer 11 (the task pane of volume-licensed Office 2019) lacks beyond what the build
// adds: the production build lowers the syntax to ES5 and adds core-js for every built-in the code uses
// (addin/tools/build.ts); these are web APIs core-js leaves out (String.prototype.normalize too, in
// polyfills-pane.ts). Each is installed only where missing; this module is imported before any other.

type Loose = Record<string, unknown>;
const root: Loose = typeof globalThis !== 'undefined' ? (globalThis as unknown as Loose) : (self as unknown as Loose);

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

// zod 4 compiles its object parsers with new Function from ES2015 source (spread, let): where that
// source does not parse (IE11), zod must use its interpreter, chosen before any schema is built.
try {
  new Function('a', 'let b = [0, ...a]; return b');
} catch {
  root.__zod_globalConfig = Object.assign((root.__zod_globalConfig as object | undefined) ?? {}, { jitless: true });
}

/** UTF-8 only, which is all the pane needs (the .xlsx parts are UTF-8; postal-mime falls back to UTF-8 for other charsets). */
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

type Listener = (event: { type: string }) => void;

/** Enough of AbortSignal for Hủy: a flag, a reason and abort listeners. */
class AbortSignalLite {
  aborted = false;
  reason: unknown = undefined;
  onabort: Listener | null = null;
  private readonly listeners: Listener[] = [];
  addEventListener(type: string, listener: Listener): void {
    if (type === 'abort') this.listeners.push(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    const at = this.listeners.indexOf(listener);
    if (type === 'abort' && at >= 0) this.listeners.splice(at, 1);
  }
  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }
  fire(reason: unknown): void {
    this.aborted = true;
    this.reason = reason;
    const event = { type: 'abort' };
    if (this.onabort) this.onabort(event);
    for (const listener of this.listeners.slice()) listener(event);
  }
}

class AbortControllerLite {
  readonly signal = new AbortSignalLite();
  abort(reason?: unknown): void {
    if (!this.signal.aborted) this.signal.fire(reason ?? new Error('The operation was aborted.'));
  }
}

define(root, 'AbortController', AbortControllerLite);
define(root, 'AbortSignal', AbortSignalLite);

if (typeof Blob !== 'undefined') {
  define(Blob.prototype, 'arrayBuffer', function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  });
}

if (typeof document !== 'undefined') {
  const append = function append(this: Node, ...nodes: Array<Node | string>): void {
    for (const node of nodes) this.appendChild(typeof node === 'string' ? document.createTextNode(node) : node);
  };
  for (const type of [Element, Document, DocumentFragment]) define(type.prototype, 'append', append);

  // IE11's classList.toggle ignores its second argument ("force") and just flips the class.
  const probe = document.createElement('span');
  probe.classList.toggle('x', false);
  if (probe.classList.contains('x')) {
    const flip = DOMTokenList.prototype.toggle;
    DOMTokenList.prototype.toggle = function toggle(this: DOMTokenList, token: string, force?: boolean): boolean {
      if (force === undefined) return flip.call(this, token);
      if (force) this.add(token);
      else this.remove(token);
      return force;
    };
  }
}
