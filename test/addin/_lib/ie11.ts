// What Internet Explorer 11 offers a script (ES5, a few ES2015 collections, ECMA-402 1.0, DOM of 2013),
// as allowlists, and a script that cuts a modern engine down to it: run before the built pane in a
// Node vm context or in Chromium, so the bundle must bring every other built-in itself.
// Sources: ECMAScript 5.1; Microsoft's IE11 JavaScript reference; MDN browser-compatibility data.

/** Own properties IE11 has, by object; everything else on these objects is removed. */
export const IE11_BUILTINS: Record<string, readonly string[]> = {
  Object: ['length', 'name', 'prototype', 'keys', 'create', 'defineProperty', 'defineProperties', 'getOwnPropertyDescriptor', 'getOwnPropertyNames', 'getPrototypeOf', 'setPrototypeOf', 'freeze', 'isFrozen', 'seal', 'isSealed', 'preventExtensions', 'isExtensible'],
  'Object.prototype': ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'],
  'Function.prototype': ['length', 'name', 'constructor', 'apply', 'bind', 'call', 'toString', 'arguments', 'caller'],
  Array: ['length', 'name', 'prototype', 'isArray'],
  'Array.prototype': ['length', 'constructor', 'concat', 'join', 'pop', 'push', 'reverse', 'shift', 'slice', 'sort', 'splice', 'toString', 'toLocaleString', 'unshift', 'indexOf', 'lastIndexOf', 'every', 'some', 'forEach', 'map', 'filter', 'reduce', 'reduceRight'],
  String: ['length', 'name', 'prototype', 'fromCharCode'],
  'String.prototype': ['length', 'constructor', 'charAt', 'charCodeAt', 'concat', 'indexOf', 'lastIndexOf', 'localeCompare', 'match', 'replace', 'search', 'slice', 'split', 'substr', 'substring', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString', 'trim', 'valueOf', 'anchor', 'big', 'blink', 'bold', 'fixed', 'fontcolor', 'fontsize', 'italics', 'link', 'small', 'strike', 'sub', 'sup'],
  Number: ['length', 'name', 'prototype', 'MAX_VALUE', 'MIN_VALUE', 'NaN', 'NEGATIVE_INFINITY', 'POSITIVE_INFINITY'],
  'Number.prototype': ['constructor', 'toExponential', 'toFixed', 'toPrecision', 'toString', 'valueOf', 'toLocaleString'],
  'Boolean.prototype': ['constructor', 'toString', 'valueOf'],
  Math: ['abs', 'acos', 'asin', 'atan', 'atan2', 'ceil', 'cos', 'exp', 'floor', 'log', 'max', 'min', 'pow', 'random', 'round', 'sin', 'sqrt', 'tan', 'E', 'LN10', 'LN2', 'LOG10E', 'LOG2E', 'PI', 'SQRT1_2', 'SQRT2'],
  JSON: ['parse', 'stringify'],
  Date: ['length', 'name', 'prototype', 'now', 'parse', 'UTC'],
  RegExp: ['length', 'name', 'prototype', '$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"],
  // flags, sticky, unicode, dotAll, hasIndices and unicodeSets are not in IE11, but V8's own String
  // methods read them: they stay, and ENGINE_KEPT lets a test check their use another way.
  'RegExp.prototype': ['constructor', 'exec', 'test', 'toString', 'compile', 'source', 'global', 'ignoreCase', 'multiline', 'lastIndex', 'flags', 'sticky', 'unicode', 'dotAll', 'hasIndices', 'unicodeSets'],
  Error: ['length', 'name', 'prototype', 'stackTraceLimit'],
  ArrayBuffer: ['length', 'name', 'prototype', 'isView'],
  'ArrayBuffer.prototype': ['constructor', 'byteLength', 'slice'],
  'DataView.prototype': ['constructor', 'buffer', 'byteLength', 'byteOffset', 'getInt8', 'getUint8', 'getInt16', 'getUint16', 'getInt32', 'getUint32', 'getFloat32', 'getFloat64', 'setInt8', 'setUint8', 'setInt16', 'setUint16', 'setInt32', 'setUint32', 'setFloat32', 'setFloat64'],
  TypedArray: ['length', 'name', 'prototype'],
  'TypedArray.prototype': ['constructor', 'buffer', 'byteLength', 'byteOffset', 'length', 'set', 'subarray'],
  'Map.prototype': ['constructor', 'clear', 'delete', 'forEach', 'get', 'has', 'set', 'size'],
  'Set.prototype': ['constructor', 'add', 'clear', 'delete', 'forEach', 'has', 'size'],
  'WeakMap.prototype': ['constructor', 'delete', 'get', 'has', 'set'],
  Intl: ['Collator', 'DateTimeFormat', 'NumberFormat'],
  'Intl.NumberFormat.prototype': ['constructor', 'format', 'resolvedOptions'],
  'Intl.DateTimeFormat.prototype': ['constructor', 'format', 'resolvedOptions'],
  'Intl.Collator.prototype': ['constructor', 'compare', 'resolvedOptions'],
};

/** Members IE11 lacks that the emulation must leave in place because the engine running it uses them. */
export const ENGINE_KEPT = ['flags', 'sticky', 'unicode', 'dotAll', 'hasIndices', 'unicodeSets'] as const;

/** Globals of a modern engine that IE11 does not have at all. */
export const IE11_ABSENT_GLOBALS = [
  'Promise', 'Symbol', 'Proxy', 'Reflect', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'globalThis',
  'SharedArrayBuffer', 'Atomics', 'AggregateError', 'Iterator', 'structuredClone', 'queueMicrotask', 'TextEncoder', 'TextDecoder',
  'AbortController', 'AbortSignal', 'fetch', 'Headers', 'Request', 'Response', 'URLSearchParams', 'requestIdleCallback', 'ResizeObserver',
  'IntersectionObserver', 'File', 'CompressionStream', 'DecompressionStream', 'ReadableStream', 'WritableStream', 'TransformStream', 'crypto',
] as const;

/** DOM members IE11 lacks, by prototype. */
export const IE11_ABSENT_DOM: Record<string, readonly string[]> = {
  'Element.prototype': ['append', 'prepend', 'before', 'after', 'replaceWith', 'remove', 'replaceChildren', 'closest', 'matches', 'toggleAttribute', 'getAttributeNames', 'scrollTo', 'scrollBy', 'attachShadow', 'animate', 'checkVisibility'],
  'Document.prototype': ['append', 'prepend', 'replaceChildren'],
  'DocumentFragment.prototype': ['append', 'prepend', 'replaceChildren'],
  'CharacterData.prototype': ['before', 'after', 'replaceWith', 'remove'],
  'Node.prototype': ['isConnected', 'getRootNode'],
  'NodeList.prototype': ['forEach', 'entries', 'keys', 'values'],
  'DOMTokenList.prototype': ['replace', 'supports', 'forEach', 'entries', 'keys', 'values'],
  'Blob.prototype': ['arrayBuffer', 'text', 'stream', 'bytes'],
  'HTMLElement.prototype': ['inert', 'inputMode', 'enterKeyHint', 'popover'],
};

/**
 * Source of a script that makes the realm it runs in look like IE11 to the code that runs after it,
 * and records in `__ie11Removed` each `[owner, name]` it took away. Symbol-keyed members stay: with
 * Symbol gone nothing ES5 can reach them, and V8's own methods use them. Beyond removals it emulates IE11's
 * known defects: Map/Set/WeakMap constructors ignore their argument and set/add return undefined;
 * RegExp refuses the u, y, s, d and v flags and lookbehind; DateTimeFormat refuses time zones other than UTC;
 * classList.toggle ignores "force" and add/remove take one token; URL is not a constructor.
 */
export function ie11EmulationSource(): string {
  // __name: what esbuild-based runners (tsx) wrap named functions in; ts-jest does not.
  return `(function () { var __name = function (fn) { return fn; }; (${emulate.toString()})(${JSON.stringify({ builtins: IE11_BUILTINS, absent: IE11_ABSENT_GLOBALS, dom: IE11_ABSENT_DOM })}); })();`;
}

interface EmulationLists {
  builtins: Record<string, string[]>;
  absent: string[];
  dom: Record<string, string[]>;
}

// Runs in the target realm (stringified), and takes away what it uses as it goes: so only index loops,
// indexOf and functions captured before the cut, never for-of, spread or includes.
function emulate(lists: EmulationLists): void {
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as Record<string, unknown>;
  const removed: Array<[string, string]> = [];
  const NativeRegExp = RegExp;
  const ownKeys = Reflect.ownKeys;
  const describe = Object.getOwnPropertyDescriptor;
  const setPrototypeOf = Object.setPrototypeOf;
  const keysOf = Object.keys;
  const typedArray = Object.getPrototypeOf(Uint8Array) as Record<string, unknown>;
  const natives: Record<string, new () => object> = { Map, Set, WeakMap };
  const has = (list: readonly unknown[] | undefined, item: unknown) => !!list && list.indexOf(item) >= 0;
  const resolve = (path: string): Record<string | symbol, unknown> | undefined => {
    const parts = path.split('.');
    let at: unknown = parts[0] === 'TypedArray' ? typedArray : g[parts[0] as string];
    for (let i = 1; i < parts.length; i++) at = at === undefined || at === null ? undefined : (at as Record<string, unknown>)[parts[i] as string];
    return at as Record<string | symbol, unknown> | undefined;
  };
  const drop = (owner: string, target: Record<string, unknown>, key: string) => {
    try {
      if (delete target[key]) removed.push([owner, key]);
    } catch {
      // non-configurable (Number.EPSILON and the like): left, harmless
    }
  };

  // IE11's collections: no iterable argument, no iterators, set/add not chainable (core-js must replace them).
  const collection = (name: string, adder: string) => {
    const Native = natives[name] as new () => object;
    const keep = lists.builtins[`${name}.prototype`] as string[];
    const Collection = function (this: unknown) {
      if (!(this instanceof (Collection as unknown as new () => object))) throw new TypeError(`${name}: 'this' is not a ${name} object`);
      const inner = new Native();
      setPrototypeOf(inner, Collection.prototype);
      return inner;
    } as unknown as { prototype: object };
    const proto = Object.create(Object.prototype) as Record<string, unknown>;
    for (let i = 0; i < keep.length; i++) {
      const key = keep[i] as string;
      if (key === 'constructor') continue;
      const d = describe(Native.prototype, key) as PropertyDescriptor;
      if (d.get) Object.defineProperty(proto, key, { get: d.get, configurable: true });
      else if (key === adder) {
        const method = d.value as (this: unknown, a: unknown, b?: unknown) => unknown;
        proto[key] = function (this: unknown, a: unknown, b?: unknown) {
          method.call(this, a, b);
          return undefined;
        };
      } else proto[key] = d.value;
    }
    Object.defineProperty(proto, 'constructor', { value: Collection, writable: true, configurable: true });
    Collection.prototype = proto;
    const all = ownKeys(Native.prototype);
    for (let i = 0; i < all.length; i++) if (!has(keep, all[i])) removed.push([`${name}.prototype`, String(all[i])]);
    g[name] = Collection;
  };
  collection('Map', 'set');
  collection('Set', 'add');
  collection('WeakMap', 'set');

  const paths = keysOf(lists.builtins);
  for (let p = 0; p < paths.length; p++) {
    const path = paths[p] as string;
    if (/^(Map|Set|WeakMap)\.prototype$/.test(path)) continue;
    const target = resolve(path);
    if (!target) continue;
    const keep = lists.builtins[path];
    const keys = ownKeys(target);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string | symbol;
      if (typeof key === 'string' && !has(keep, key)) drop(path, target, key);
    }
  }

  const IE11RegExp = function (pattern: unknown, flags?: unknown) {
    if (typeof flags === 'string' && /[^gim]/.test(flags)) throw new SyntaxError(`Invalid regular expression flags: ${flags}`);
    if (typeof pattern === 'string' && /\(\?<[=!]/.test(pattern)) throw new SyntaxError('Invalid regular expression: lookbehind (?<= … ) is not supported');
    return new NativeRegExp(pattern as string, flags as string | undefined);
  } as unknown as Record<string, unknown>;
  IE11RegExp.prototype = NativeRegExp.prototype;
  const legacy = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', 'lastMatch', 'lastParen', 'leftContext', 'rightContext'];
  for (let i = 0; i < legacy.length; i++) {
    const key = legacy[i] as string;
    Object.defineProperty(IE11RegExp, key, { get: () => (NativeRegExp as unknown as Record<string, unknown>)[key], configurable: true });
  }
  g.RegExp = IE11RegExp;

  const intl = g.Intl as Record<string, unknown>;
  const NativeDateTimeFormat = intl.DateTimeFormat as new (l?: unknown, o?: { timeZone?: string }) => object;
  const DateTimeFormat = function (locales?: unknown, options?: { timeZone?: string }) {
    if (options && options.timeZone !== undefined && String(options.timeZone).toUpperCase() !== 'UTC') throw new RangeError("Option value 'timeZone' is outside of valid range");
    return new NativeDateTimeFormat(locales, options);
  } as unknown as Record<string, unknown>;
  DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  intl.DateTimeFormat = DateTimeFormat;

  for (let i = 0; i < lists.absent.length; i++) {
    const name = lists.absent[i] as string;
    if (name in g && delete g[name]) removed.push(['window', name]);
  }
  if (typeof g.URL === 'function') {
    const NativeURL = g.URL as unknown as { createObjectURL: unknown; revokeObjectURL: unknown };
    g.URL = { createObjectURL: NativeURL.createObjectURL, revokeObjectURL: NativeURL.revokeObjectURL };
    removed.push(['window', 'URL']);
  }

  if (typeof document !== 'undefined') {
    const domPaths = keysOf(lists.dom);
    for (let p = 0; p < domPaths.length; p++) {
      const path = domPaths[p] as string;
      const target = resolve(path);
      const names = lists.dom[path] as string[];
      if (target) for (let i = 0; i < names.length; i++) if ((names[i] as string) in target) drop(path, target, names[i] as string);
    }
    const tokens = DOMTokenList.prototype as unknown as Record<string, (this: unknown, token: unknown) => unknown>;
    const single = ['add', 'remove', 'toggle'];
    for (let i = 0; i < single.length; i++) {
      const native = tokens[single[i] as string] as (this: unknown, token: unknown) => unknown;
      tokens[single[i] as string] = function (this: unknown, token: unknown) {
        return native.call(this, token);
      };
    }
  }
  g.__ie11Removed = removed;
  // Readable from Playwright's isolated world, which a test must use: its main-world helpers need BigInt64Array.
  if (typeof document !== 'undefined') document.documentElement.setAttribute('data-ie11-removed', String(removed.length));
}
