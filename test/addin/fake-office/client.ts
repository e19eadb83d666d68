// An in-memory Office.js for Excel: proxy objects queue their reads and writes, context.sync() runs
// them in order against the fake workbook, and a property read before load + sync throws, as the
// real API does. Methods beyond the host's ExcelApi version fail at sync with ApiNotFound.
import {
  cellKey,
  columnName,
  defaultProtectionOptions,
  emptyCell,
  formatA1,
  hasValue,
  MAX_COLUMNS,
  MAX_ROWS,
  namespaceOf,
  newSheet,
  parseA1,
  quoteSheet,
  typeInto,
  usedRect,
  type FakeCell,
  type FakeChart,
  type FakeSheet,
  type FakeWorkbookState,
  type FakeXmlPart,
  type Rect,
  type TypingLocale,
} from './state';

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  AccessDenied: 'You cannot perform the requested operation.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  InvalidOperationInCellEditMode: 'The operation isn\'t available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

export function officeError(code: string, location?: string, message?: string): FakeOfficeError {
  return new FakeOfficeError(code, message ?? MESSAGES[code] ?? code, location);
}

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function versionAtLeast(have: string, want: string): boolean {
  const [ha = 0, hb = 0] = have.split('.').map(Number);
  const [wa = 0, wb = 0] = want.split('.').map(Number);
  return ha > wa || (ha === wa && hb >= wb);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** What the fake host is: ExcelApi version, payload caps, typing locale, cell-edit behaviour. */
export interface HostSettings {
  apiVersion: string;
  maxRequestBytes: number;
  /** Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded). */
  maxResponseBytes: number;
  locale: TypingLocale;
  /** Excel.run({ delayForCellEdit: true }) waits for the user to leave cell edit mode (false: builds that ignore it). */
  honoursDelayForCellEdit: boolean;
  /** What a batch fails with while the user edits a cell. */
  cellEditErrorCode: string;
}

/** Bytes of a value as it travels back to the add-in (JSON, UTF-8). */
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value ?? null)).length;
}

export interface ChangeRecord {
  sheet: FakeSheet;
  rect: Rect;
  byAddin: boolean;
  /** Excel.DataChangeType: `RangeEdited` (values and formats) unless rows, columns or cells were inserted or deleted. */
  changeType?: string;
  /** Value before and after, for single-cell edits (ExcelApi 1.9 `details`). */
  details?: { valueBefore: unknown; valueAfter: unknown };
}

/** The host side the contexts talk to (FakeExcel implements it). */
export interface HostSide {
  state: FakeWorkbookState;
  settings: HostSettings;
  requests: Array<{ bytes: number; operations: number }>;
  /** Bytes each batch sent back, in order. */
  responses: number[];
  /** Every range whose values were loaded, as `Sheet!A1:B2`: what the add-in read. */
  reads: string[];
  recordChange(change: ChangeRecord): void;
  flushChanges(): void;
  /** The cell the user is typing into, or null: batches fail (or wait) while it is set. */
  readonly cellEdit: { sheet: string; address: string } | null;
  /** Resolves when the user leaves cell edit mode. */
  cellEditEnded(): Promise<void>;
  register(sheet: FakeSheet, handler: (args: unknown) => unknown): void;
  unregister(sheet: FakeSheet, handler: (args: unknown) => unknown): void;
}

interface Operation {
  run: () => void;
  bytes: number;
}

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  open = true;
  private queue: Operation[] = [];
  private responseBytes = 0;

  constructor(
    readonly host: HostSide,
    /** Excel.run({ delayForCellEdit: true }, …) */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this, () => host.state);
  }

  /** Counts what a loaded value adds to the response of the running batch. */
  countResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  enqueue(run: () => void, bytes = 80): void {
    if (!this.open) throw officeError('InvalidRequestContext');
    this.queue.push({ run, bytes });
  }

  /** Throws (at sync) when the host's ExcelApi is older than what the call needs. */
  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.host.settings.apiVersion, version)) throw officeError('ApiNotFound', what);
  }

  async sync(): Promise<void> {
    if (!this.open) throw officeError('InvalidRequestContext');
    const operations = this.queue;
    this.queue = [];
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (operations.length === 0) return; // office.js sends nothing for an empty batch
    const bytes = operations.reduce((sum, op) => sum + op.bytes, 200);
    if (bytes > this.host.settings.maxRequestBytes) throw officeError('RequestPayloadSizeLimitExceeded');
    while (this.host.cellEdit) {
      // Excel refuses every batch while the user types in a cell, unless the run asked to wait (and the build honours it).
      if (!this.delayForCellEdit || !this.host.settings.honoursDelayForCellEdit) throw officeError(this.host.settings.cellEditErrorCode);
      await this.host.cellEditEnded();
    }
    this.host.requests.push({ bytes, operations: operations.length });
    this.responseBytes = 0;
    try {
      // Like Excel, a batch is not a transaction: what ran before a failing operation stays done.
      for (const op of operations) op.run();
    } finally {
      this.host.flushChanges();
    }
    this.host.responses.push(this.responseBytes);
    if (this.responseBytes > this.host.settings.maxResponseBytes) throw officeError('ResponsePayloadSizeLimitExceeded');
  }
}

export class ClientResult<T> {
  private resolved = false;
  private result: T | undefined;
  set(value: T): void {
    this.result = value;
    this.resolved = true;
  }
  get value(): T {
    if (!this.resolved) throw notLoaded('value');
    return this.result as T;
  }
}

interface ScalarSpec<T> {
  get: (target: T) => unknown;
  set?: (target: T, value: unknown, proxy: ClientObject<T>) => void;
  since?: string;
  /** Estimated request bytes of a write: the value's JSON size for data. */
  weigh?: boolean;
}

/** What a navigation property or a collection item must offer its parent. */
export interface LoadableObject {
  applyLoad(paths: string[][]): void;
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function parseLoad(spec: LoadSpec): string[][] {
  const list = spec === undefined ? [] : typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : spec.select === undefined ? [] : typeof spec.select === 'string' ? spec.select.split(',') : spec.select;
  return list.map((s) => s.trim()).filter(Boolean).map((s) => s.split('/'));
}

/** Base of every proxy: loaded values, null-object state, queued reads and writes. */
export abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private bound: T | undefined;
  private readonly children = new Map<string, LoadableObject>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
  ) {
    for (const [name, spec] of Object.entries(this.scalars())) {
      Object.defineProperty(this, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (!this.loaded.has(name)) throw notLoaded(name);
          return this.loaded.get(name);
        },
        set: spec.set
          ? (value: unknown) => {
              this.loaded.set(name, value);
              const bytes = spec.weigh ? JSON.stringify(value ?? null).length : 80;
              this.context.enqueue(() => {
                if (spec.since) this.context.requireApi(spec.since, name);
                (spec.set as NonNullable<ScalarSpec<T>['set']>)(this.resolve(), clone(value), this);
              }, bytes);
            }
          : () => {
              throw officeError('InvalidArgument', name, `Cannot set the read-only property '${name}'.`);
            },
      });
    }
    for (const name of Object.keys(this.navigation())) {
      Object.defineProperty(this, name, { enumerable: false, configurable: true, get: () => this.child(name) });
    }
  }

  protected abstract scalars(): Record<string, ScalarSpec<T>>;
  protected navigation(): Record<string, () => LoadableObject> {
    return {};
  }

  /** Sanity check on a resolved target (a deleted sheet is gone). */
  protected alive(_target: T): boolean {
    return true;
  }

  child(name: string): LoadableObject {
    let c = this.children.get(name);
    if (!c) {
      const make = this.navigation()[name];
      if (!make) throw new Error(`No navigation property ${name}`);
      c = make();
      this.children.set(name, c);
    }
    return c;
  }

  bind(target: T): void {
    this.bound = target;
  }

  tryResolve(): T | null {
    if (this.bound !== undefined) {
      if (!this.alive(this.bound)) throw officeError('ItemNotFound');
      return this.bound;
    }
    const target = this.resolver();
    if (target !== null) this.bound = target;
    return target;
  }

  resolve(): T {
    const target = this.tryResolve();
    if (target === null) throw officeError('ItemNotFound');
    return target;
  }

  /** Queues the existence check of an *OrNullObject result, so isNullObject is known after sync. */
  checkExistence(): this {
    this.context.enqueue(() => {
      this.nullState = this.tryResolve() === null;
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }

  applyLoad(paths: string[][]): void {
    const target = this.tryResolve();
    this.nullState = target === null;
    const scalars = this.scalars();
    const navigation = this.navigation();
    const wanted = paths.length === 0 ? Object.keys(scalars).filter((k) => !scalars[k]?.since || versionAtLeast(this.context.host.settings.apiVersion, scalars[k]?.since as string)).map((k) => [k]) : paths;
    const nested = new Map<string, string[][]>();
    for (const path of wanted) {
      const [head, ...rest] = path as [string, ...string[]];
      if (head in scalars && rest.length === 0) {
        const spec = scalars[head] as ScalarSpec<T>;
        if (spec.since) this.context.requireApi(spec.since, head);
        const value = target === null ? null : clone(spec.get(target));
        this.context.countResponse(value);
        this.loaded.set(head, value);
      } else if (head === 'items' && this.isCollection()) {
        nested.set('items', [...(nested.get('items') ?? []), rest]);
      } else if (head in navigation) {
        nested.set(head, [...(nested.get(head) ?? []), rest]);
      } else {
        throw officeError('InvalidArgument', head, `The property '${head}' does not exist on this object.`);
      }
    }
    if (target === null) return;
    for (const [name, rests] of nested) {
      const sub = rests.filter((r) => r.length > 0);
      if (name === 'items') this.loadItems(target, sub);
      else this.child(name).applyLoad(sub);
    }
  }

  protected isCollection(): boolean {
    return false;
  }

  protected loadItems(_target: T, _paths: string[][]): void {
    throw new Error('not a collection');
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection proxy: `items` after load('items/…'). */
abstract class CollectionObject<T, I> extends ClientObject<T> {
  protected override isCollection(): boolean {
    return true;
  }
  protected abstract itemTargets(target: T): I[];
  protected abstract makeItem(target: I): ClientObject<I>;
  protected override loadItems(target: T, paths: string[][]): void {
    const items = this.itemTargets(target).map((t) => {
      const item = this.makeItem(t);
      item.bind(t);
      item.applyLoad(paths);
      return item;
    });
    this.loaded.set('items', items);
  }
  get items(): Array<ClientObject<I>> {
    if (!this.loaded.has('items')) throw notLoaded('items');
    return this.loaded.get('items') as Array<ClientObject<I>>;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue(() => result.set(this.itemTargets(this.resolve()).length));
    return result;
  }
}

// ---------- workbook ----------

export class WorkbookProxy extends ClientObject<FakeWorkbookState> {
  protected scalars(): Record<string, ScalarSpec<FakeWorkbookState>> {
    return { name: { get: () => 'Book1.xlsx', since: '1.7' } };
  }
  protected override navigation() {
    return {
      worksheets: () => new WorksheetCollectionProxy(this.context, () => this.resolve()),
      customXmlParts: () => new CustomXmlPartCollectionProxy(this.context, () => this.resolve()),
      protection: () => new WorkbookProtectionProxy(this.context, () => this.resolve()),
    };
  }
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly customXmlParts: CustomXmlPartCollectionProxy;
  declare readonly protection: WorkbookProtectionProxy;

  getSelectedRange(): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      const state = this.resolve();
      const sheet = state.sheets.find((s) => s.id === state.selection?.sheetId);
      const rect = state.selection ? parseA1(state.selection.address) : null;
      return sheet && rect ? { sheet, rect } : null;
    });
    this.context.enqueue(() => void range.resolve());
    return range;
  }
}

/** Workbook-structure protection (ExcelApi 1.7): while on, sheets cannot be added, deleted, renamed, moved, hidden or shown. */
export class WorkbookProtectionProxy extends ClientObject<FakeWorkbookState> {
  protected scalars(): Record<string, ScalarSpec<FakeWorkbookState>> {
    return { protected: { get: (state) => state.protection.protected, since: '1.7' } };
  }
  protect(password?: string): void {
    this.context.enqueue(() => {
      this.context.requireApi('1.7', 'WorkbookProtection.protect');
      this.resolve().protection = { protected: true, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    this.context.enqueue(() => {
      this.context.requireApi('1.7', 'WorkbookProtection.unprotect');
      const state = this.resolve();
      if (state.protection.password !== undefined && state.protection.password !== password) throw officeError('BadPassword', 'WorkbookProtection.unprotect', 'The password you supplied is incorrect.');
      state.protection = { protected: false };
    });
  }
}

/** The error code Excel gives is not documented; AccessDenied is what it gives for other protection. */
function requireStructureEditable(state: FakeWorkbookState, what: string): void {
  if (state.protection.protected) throw officeError('AccessDenied', what);
}

// ---------- worksheets ----------

function findSheet(state: FakeWorkbookState, key: string): FakeSheet | null {
  const lower = key.toLocaleLowerCase();
  return state.sheets.find((s) => s.id === key || s.name.toLocaleLowerCase() === lower) ?? null;
}

function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name);
}

export class WorksheetCollectionProxy extends CollectionObject<FakeWorkbookState, FakeSheet> {
  protected scalars(): Record<string, ScalarSpec<FakeWorkbookState>> {
    return {};
  }
  protected itemTargets(state: FakeWorkbookState): FakeSheet[] {
    return state.sheets;
  }
  protected makeItem(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => null);
  }
  getItem(key: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.context, () => findSheet(this.resolve(), key));
    this.context.enqueue(() => void sheet.resolve());
    return sheet;
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => findSheet(this.resolve(), key)).checkExistence();
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const state = this.resolve();
      return state.sheets.find((s) => s.id === state.activeSheetId) ?? null;
    });
  }
  add(name?: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.context, () => null);
    this.context.enqueue(() => {
      const state = this.resolve();
      requireStructureEditable(state, 'WorksheetCollection.add');
      let chosen = name;
      if (chosen === undefined) for (let n = state.sheets.length + 1; !chosen || findSheet(state, chosen); n += 1) chosen = `Sheet${n}`;
      if (!validSheetName(chosen)) throw officeError('InvalidArgument', 'WorksheetCollection.add');
      if (findSheet(state, chosen)) throw officeError('ItemAlreadyExists', 'WorksheetCollection.add');
      const created = newSheet(`{SHEET-${state.nextId++}}`, chosen);
      state.sheets.push(created);
      sheet.bind(created);
    });
    return sheet;
  }
}

export class WorksheetProxy extends ClientObject<FakeSheet> {
  protected override alive(sheet: FakeSheet): boolean {
    return this.state().sheets.includes(sheet);
  }
  private state(): FakeWorkbookState {
    return this.context.host.state;
  }
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {
      id: { get: (s) => s.id },
      name: {
        get: (s) => s.name,
        set: (s, value) => {
          const name = String(value);
          requireStructureEditable(this.state(), 'Worksheet.name');
          if (!validSheetName(name)) throw officeError('InvalidArgument', 'Worksheet.name');
          const other = findSheet(this.state(), name);
          if (other && other !== s) throw officeError('ItemAlreadyExists', 'Worksheet.name');
          s.name = name;
        },
      },
      position: {
        get: (s) => this.state().sheets.indexOf(s),
        set: (s, value) => {
          requireStructureEditable(this.state(), 'Worksheet.position');
          const sheets = this.state().sheets;
          sheets.splice(sheets.indexOf(s), 1);
          sheets.splice(Math.max(0, Math.min(sheets.length, Number(value))), 0, s);
        },
      },
      visibility: {
        get: (s) => s.visibility,
        set: (s, value) => {
          if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw officeError('InvalidArgument', 'Worksheet.visibility');
          requireStructureEditable(this.state(), 'Worksheet.visibility');
          if (value !== 'Visible' && this.state().sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw officeError('InvalidOperation', 'Worksheet.visibility');
          s.visibility = value;
          if (value !== 'Visible' && this.state().activeSheetId === s.id) this.state().activeSheetId = (this.state().sheets.find((x) => x.visibility === 'Visible') as FakeSheet).id;
        },
      },
    };
  }
  protected override navigation() {
    return {
      protection: () => new ProtectionProxy(this.context, () => this.resolve()),
      charts: () => new ChartCollectionProxy(this.context, () => this.resolve()),
      freezePanes: () => new FreezePanesProxy(this.context, () => this.resolve()),
      autoFilter: () => new AutoFilterProxy(this.context, () => this.resolve()),
      onChanged: () => new ChangedEventProxy(this.context, () => this.resolve()),
    };
  }
  declare readonly protection: ProtectionProxy;
  declare readonly charts: ChartCollectionProxy;
  declare readonly freezePanes: FreezePanesProxy;
  declare readonly autoFilter: AutoFilterProxy;
  declare readonly onChanged: ChangedEventProxy;

  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'Worksheet.activate');
      this.state().activeSheetId = sheet.id;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      const state = this.state();
      requireStructureEditable(state, 'Worksheet.delete');
      // Documented for Worksheet.delete: a VeryHidden sheet must be made Hidden or Visible first.
      if (sheet.visibility === 'VeryHidden') throw officeError('InvalidOperation', 'Worksheet.delete');
      if (sheet.visibility === 'Visible' && state.sheets.filter((s) => s.visibility === 'Visible').length === 1) throw officeError('InvalidOperation', 'Worksheet.delete');
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      if (state.activeSheetId === sheet.id) state.activeSheetId = (state.sheets.find((s) => s.visibility === 'Visible') as FakeSheet).id;
      if (state.selection?.sheetId === sheet.id) state.selection = { sheetId: state.activeSheetId, address: 'A1' };
    });
  }
  getRange(address?: string): RangeProxy {
    return this.rangeOf(() => {
      if (address === undefined || address === '') return { r0: 1, c0: 1, r1: MAX_ROWS, c1: MAX_COLUMNS };
      const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
      const rect = parseA1(local);
      if (!rect) throw officeError('InvalidArgument', 'Worksheet.getRange');
      return rect;
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return this.rangeOf(() => {
      this.context.requireApi('1.7', 'getRangeByIndexes');
      if (row < 0 || column < 0 || rowCount < 1 || columnCount < 1) throw officeError('InvalidArgument', 'Worksheet.getRangeByIndexes');
      return { r0: row + 1, c0: column + 1, r1: row + rowCount, c1: column + columnCount };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.rangeOf(() => usedRect(this.resolve(), valuesOnly) ?? { r0: 1, c0: 1, r1: 1, c1: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      this.context.requireApi('1.4', 'getUsedRangeOrNullObject');
      const sheet = this.tryResolve();
      const rect = sheet ? usedRect(sheet, valuesOnly) : null;
      return sheet && rect ? { sheet, rect } : null;
    });
    return range.checkExistence();
  }
  private rangeOf(rect: () => Rect): RangeProxy {
    const range = new RangeProxy(this.context, () => ({ sheet: this.resolve(), rect: rect() }));
    this.context.enqueue(() => void range.resolve());
    return range;
  }
}

export class ProtectionProxy extends ClientObject<FakeSheet> {
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {
      protected: { get: (s) => s.protection.protected },
      options: { get: (s) => ({ ...s.protection.options }), since: '1.2' },
    };
  }
  protect(options?: Record<string, boolean>): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (sheet.protection.protected) throw officeError('InvalidOperation', 'WorksheetProtection.protect');
      sheet.protection = { protected: true, options: { ...defaultProtectionOptions(), ...options } };
    });
  }
  unprotect(): void {
    this.context.enqueue(() => {
      this.resolve().protection.protected = false;
    });
  }
}

export class FreezePanesProxy extends ClientObject<FakeSheet> {
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {};
  }
  freezeRows(count = 1): void {
    this.context.enqueue(() => {
      this.context.requireApi('1.7', 'freezePanes');
      this.resolve().frozenRows = count;
    });
  }
  unfreeze(): void {
    this.context.enqueue(() => {
      this.resolve().frozenRows = 0;
    });
  }
}

export class AutoFilterProxy extends ClientObject<FakeSheet> {
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {};
  }
  apply(range: string | RangeProxy): void {
    this.context.enqueue(() => {
      this.context.requireApi('1.9', 'autoFilter');
      const sheet = this.resolve();
      sheet.autoFilter = typeof range === 'string' ? range : formatA1(range.resolve().rect);
    });
  }
}

/** worksheet.onChanged (ExcelApi 1.7): handlers are registered and removed at sync. */
export class ChangedEventProxy extends ClientObject<FakeSheet> {
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {};
  }
  add(handler: (args: unknown) => unknown): { context: FakeRequestContext; remove: () => void } {
    this.context.enqueue(() => {
      this.context.requireApi('1.7', 'onChanged');
      this.context.host.register(this.resolve(), handler);
    });
    return {
      context: this.context,
      remove: () =>
        this.context.enqueue(() => {
          this.context.host.unregister(this.resolve(), handler);
        }),
    };
  }
}

// ---------- ranges ----------

export interface RangeRef {
  sheet: FakeSheet;
  rect: Rect;
}

function cellsOf(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

/** Reads and writes over many cells stop here: a whole column is a format target, not data. */
const MAX_CELL_OPERATION = 2_000_000;

function grid<V>(ref: RangeRef, read: (cell: FakeCell | undefined, row: number, col: number) => V): V[][] {
  if (cellsOf(ref.rect) > MAX_CELL_OPERATION) throw officeError('InvalidOperation', 'Range', 'The range is too large for this operation.');
  const out: V[][] = [];
  for (let r = ref.rect.r0; r <= ref.rect.r1; r += 1) {
    const line: V[] = [];
    for (let c = ref.rect.c0; c <= ref.rect.c1; c += 1) line.push(read(ref.sheet.cells.get(cellKey(r, c)), r, c));
    out.push(line);
  }
  return out;
}

function uniform<V>(values: V[][]): V | null {
  const flat = values.flat();
  const first = flat[0];
  return flat.every((v) => v === first) ? (first as V) : null;
}

function valueTypeOf(cell: FakeCell | undefined): string {
  if (!cell || cell.value === '') return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

/** Values to write must match the range's shape (a single value fills the range, as in Excel). */
function shaped(ref: RangeRef, value: unknown, property: string): unknown[][] {
  const rows = ref.rect.r1 - ref.rect.r0 + 1;
  const cols = ref.rect.c1 - ref.rect.c0 + 1;
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw officeError('InvalidArgument', `Range.${property}`, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
  }
  return value as unknown[][];
}

function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
  let cell = sheet.cells.get(cellKey(row, col));
  if (!cell) sheet.cells.set(cellKey(row, col), (cell = emptyCell()));
  return cell;
}

/** Writing data into locked cells of a protected sheet is refused, as in Excel. */
function requireEditable(ref: RangeRef, what: string): void {
  if (!ref.sheet.protection.protected) return;
  for (let r = ref.rect.r0; r <= ref.rect.r1; r += 1) {
    for (let c = ref.rect.c0; c <= ref.rect.c1; c += 1) if (ref.sheet.cells.get(cellKey(r, c))?.locked !== false) throw officeError('AccessDenied', what);
  }
}

function requireFormattable(ref: RangeRef, what: string): void {
  if (ref.sheet.protection.protected && !ref.sheet.protection.options.allowFormatCells) throw officeError('AccessDenied', what);
}

export class RangeProxy extends ClientObject<RangeRef> {
  protected override alive(ref: RangeRef): boolean {
    return this.context.host.state.sheets.includes(ref.sheet);
  }
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    const host = this.context.host;
    return {
      address: { get: (ref) => `${quoteSheet(ref.sheet.name)}!${formatA1(ref.rect)}` },
      addressLocal: { get: (ref) => `${quoteSheet(ref.sheet.name)}!${formatA1(ref.rect)}` },
      rowIndex: { get: (ref) => ref.rect.r0 - 1 },
      columnIndex: { get: (ref) => ref.rect.c0 - 1 },
      rowCount: { get: (ref) => ref.rect.r1 - ref.rect.r0 + 1 },
      columnCount: { get: (ref) => ref.rect.c1 - ref.rect.c0 + 1 },
      cellCount: { get: (ref) => cellsOf(ref.rect) },
      values: {
        get: (ref) => {
          host.reads.push(`${ref.sheet.name}!${formatA1(ref.rect)}`);
          return grid(ref, (cell) => cell?.value ?? '');
        },
        set: (ref, value) => {
          const rows = shaped(ref, value, 'values');
          requireEditable(ref, 'Range.values');
          this.write(ref, (cell, input) => typeInto(cell, input, host.settings.locale), rows, host);
        },
        weigh: true,
      },
      formulas: {
        get: (ref) => grid(ref, (cell) => cell?.formula ?? cell?.value ?? ''),
        set: (ref, value) => {
          const rows = shaped(ref, value, 'formulas');
          requireEditable(ref, 'Range.formulas');
          this.write(ref, (cell, input) => typeInto(cell, input, host.settings.locale), rows, host);
        },
        weigh: true,
      },
      numberFormat: {
        get: (ref) => grid(ref, (cell) => cell?.numberFormat ?? 'General'),
        set: (ref, value) => {
          const rows = shaped(ref, value, 'numberFormat');
          requireFormattable(ref, 'Range.numberFormat');
          rows.forEach((line, r) => line.forEach((format, c) => (cellAt(ref.sheet, ref.rect.r0 + r, ref.rect.c0 + c).numberFormat = String(format))));
          host.recordChange({ sheet: ref.sheet, rect: ref.rect, byAddin: true });
        },
        weigh: true,
      },
      valueTypes: { get: (ref) => grid(ref, (cell) => valueTypeOf(cell)) },
      text: { get: (ref) => grid(ref, (cell) => String(cell?.value ?? '')) },
    };
  }
  protected override navigation() {
    return {
      format: () => new RangeFormatProxy(this.context, () => this.resolve()),
      conditionalFormats: () => new ConditionalFormatCollectionProxy(this.context, () => this.resolve()),
      worksheet: () => new WorksheetProxy(this.context, () => this.resolve().sheet),
    };
  }
  declare readonly format: RangeFormatProxy;
  declare readonly conditionalFormats: ConditionalFormatCollectionProxy;
  declare readonly worksheet: WorksheetProxy;

  private write(ref: RangeRef, put: (cell: FakeCell, input: unknown) => void, rows: unknown[][], host: HostSide): void {
    const single = cellsOf(ref.rect) === 1;
    const before = single ? ref.sheet.cells.get(cellKey(ref.rect.r0, ref.rect.c0))?.value ?? '' : undefined;
    rows.forEach((line, r) => line.forEach((input, c) => put(cellAt(ref.sheet, ref.rect.r0 + r, ref.rect.c0 + c), input)));
    const after = single ? ref.sheet.cells.get(cellKey(ref.rect.r0, ref.rect.c0))?.value : undefined;
    host.recordChange({ sheet: ref.sheet, rect: ref.rect, byAddin: true, ...(single ? { details: { valueBefore: before, valueAfter: after } } : {}) });
  }

  private derived(rect: (ref: RangeRef) => Rect | null, orNull = false): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      const ref = orNull ? this.tryResolve() : this.resolve();
      if (!ref) return null;
      const r = rect(ref);
      return r ? { sheet: ref.sheet, rect: r } : null;
    });
    if (orNull) return range.checkExistence();
    this.context.enqueue(() => void range.resolve());
    return range;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived((ref) => ({ r0: ref.rect.r0 + row, c0: ref.rect.c0 + column, r1: ref.rect.r0 + row, c1: ref.rect.c0 + column }));
  }
  getOffsetRange(rows: number, columns: number): RangeProxy {
    return this.derived((ref) => ({ r0: ref.rect.r0 + rows, c0: ref.rect.c0 + columns, r1: ref.rect.r1 + rows, c1: ref.rect.c1 + columns }));
  }
  getResizedRange(rows: number, columns: number): RangeProxy {
    return this.derived((ref) => ({ ...ref.rect, r1: ref.rect.r1 + rows, c1: ref.rect.c1 + columns }));
  }
  getEntireColumn(): RangeProxy {
    return this.derived((ref) => ({ r0: 1, r1: MAX_ROWS, c0: ref.rect.c0, c1: ref.rect.c1 }));
  }
  getEntireRow(): RangeProxy {
    return this.derived((ref) => ({ r0: ref.rect.r0, r1: ref.rect.r1, c0: 1, c1: MAX_COLUMNS }));
  }
  getIntersectionOrNullObject(other: string | RangeProxy): RangeProxy {
    return this.derived((ref) => {
      const b = typeof other === 'string' ? parseA1(other.slice(other.lastIndexOf('!') + 1)) : other.resolve().rect;
      if (!b) throw officeError('InvalidArgument', 'Range.getIntersectionOrNullObject');
      const r = { r0: Math.max(ref.rect.r0, b.r0), c0: Math.max(ref.rect.c0, b.c0), r1: Math.min(ref.rect.r1, b.r1), c1: Math.min(ref.rect.c1, b.c1) };
      return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
    }, true);
  }
  select(): void {
    this.context.enqueue(() => {
      const ref = this.resolve();
      const state = this.context.host.state;
      // Excel selects only on the active sheet: activate it first.
      if (state.activeSheetId !== ref.sheet.id) throw officeError('InvalidSelection', 'Range.select');
      state.selection = { sheetId: ref.sheet.id, address: formatA1(ref.rect) };
    });
  }
  merge(across = false): void {
    this.context.enqueue(() => {
      const ref = this.resolve();
      requireFormattable(ref, 'Range.merge');
      ref.sheet.merges.push(`${formatA1(ref.rect)}${across ? ' (across)' : ''}`);
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const ref = this.resolve();
      requireEditable(ref, 'Range.clear');
      for (let r = ref.rect.r0; r <= ref.rect.r1; r += 1) for (let c = ref.rect.c0; c <= ref.rect.c1; c += 1) ref.sheet.cells.delete(cellKey(r, c));
      this.context.host.recordChange({ sheet: ref.sheet, rect: ref.rect, byAddin: true });
    });
  }
}

/**
 * Formats on a huge range (a column, the sheet) are recorded, not spread over a million cells.
 * A format change fires onChanged like a value change (RangeEdited), as Excel does.
 */
function formatCells(host: HostSide, ref: RangeRef, property: string, value: unknown, apply: (cell: FakeCell) => void): void {
  requireFormattable(ref, `Range.format.${property}`);
  host.recordChange({ sheet: ref.sheet, rect: ref.rect, byAddin: true });
  if (cellsOf(ref.rect) > 100_000) {
    ref.sheet.bulkFormats.push({ address: formatA1(ref.rect), property, value });
    return;
  }
  for (let r = ref.rect.r0; r <= ref.rect.r1; r += 1) for (let c = ref.rect.c0; c <= ref.rect.c1; c += 1) apply(cellAt(ref.sheet, r, c));
}

function otherFormat(property: string): ScalarSpec<RangeRef> {
  return {
    get: (ref) => uniform(grid(ref, (cell) => (cell?.format?.[property] as unknown) ?? null)),
    set: (ref, value, proxy) => formatCells(proxy.context.host, ref, property, value, (cell) => (cell.format = { ...cell.format, [property]: value })),
  };
}

export class RangeFormatProxy extends ClientObject<RangeRef> {
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    return {
      wrapText: otherFormat('wrapText'),
      horizontalAlignment: otherFormat('horizontalAlignment'),
      verticalAlignment: otherFormat('verticalAlignment'),
      columnWidth: {
        get: (ref) => uniform([Array.from({ length: Math.min(ref.rect.c1 - ref.rect.c0 + 1, 1000) }, (_, i) => ref.sheet.columnWidths[ref.rect.c0 + i] ?? 48)]),
        set: (ref, value) => {
          if (ref.sheet.protection.protected && !ref.sheet.protection.options.allowFormatColumns) throw officeError('AccessDenied', 'Range.format.columnWidth');
          for (let c = ref.rect.c0; c <= Math.min(ref.rect.c1, ref.rect.c0 + 1000); c += 1) ref.sheet.columnWidths[c] = Number(value);
        },
      },
      rowHeight: {
        get: (ref) => ref.sheet.rowHeights[ref.rect.r0] ?? 15,
        set: (ref, value) => {
          if (ref.sheet.protection.protected && !ref.sheet.protection.options.allowFormatRows) throw officeError('AccessDenied', 'Range.format.rowHeight');
          for (let r = ref.rect.r0; r <= Math.min(ref.rect.r1, ref.rect.r0 + 100_000); r += 1) ref.sheet.rowHeights[r] = Number(value);
        },
      },
    };
  }
  protected override navigation() {
    return {
      fill: () => new RangeFillProxy(this.context, () => this.resolve()),
      font: () => new RangeFontProxy(this.context, () => this.resolve()),
      borders: () => new RangeBorderCollectionProxy(this.context, () => this.resolve()),
    };
  }
  declare readonly fill: RangeFillProxy;
  declare readonly font: RangeFontProxy;
  declare readonly borders: RangeBorderCollectionProxy;
  autofitRows(): void {
    this.context.enqueue(() => void this.resolve());
  }
  autofitColumns(): void {
    this.context.enqueue(() => void this.resolve());
  }
}

/** Excel reports a cell without fill as white, and a range of mixed fills as null. */
export class RangeFillProxy extends ClientObject<RangeRef> {
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    return {
      color: {
        get: (ref) => uniform(grid(ref, (cell) => cell?.fill ?? '#FFFFFF')),
        set: (ref, value) => {
          const color = String(value).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw officeError('InvalidArgument', 'RangeFill.color');
          formatCells(this.context.host, ref, 'fill', color, (cell) => (cell.fill = color));
        },
      },
    };
  }
  clear(): void {
    this.context.enqueue(() => formatCells(this.context.host, this.resolve(), 'fill', null, (cell) => delete cell.fill));
  }
}

function fontProperty(property: keyof NonNullable<FakeCell['font']>, fallback: unknown): ScalarSpec<RangeRef> {
  return {
    get: (ref) => uniform(grid(ref, (cell) => cell?.font?.[property] ?? fallback)),
    set: (ref, value, proxy) => formatCells(proxy.context.host, ref, `font.${property}`, value, (cell) => (cell.font = { ...cell.font, [property]: value })),
  };
}

export class RangeFontProxy extends ClientObject<RangeRef> {
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    return {
      name: fontProperty('name', 'Calibri'),
      bold: fontProperty('bold', false),
      italic: fontProperty('italic', false),
      color: fontProperty('color', '#000000'),
      size: fontProperty('size', 11),
    };
  }
}

export class RangeBorderCollectionProxy extends ClientObject<RangeRef> {
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    return {};
  }
  getItem(index: string): RangeBorderProxy {
    const valid = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
    const border = new RangeBorderProxy(this.context, () => {
      if (!valid.includes(index)) throw officeError('InvalidArgument', 'RangeBorderCollection.getItem');
      return this.resolve();
    }, index);
    return border;
  }
}

export class RangeBorderProxy extends ClientObject<RangeRef> {
  constructor(
    context: FakeRequestContext,
    resolver: () => RangeRef | null,
    private readonly side: string,
  ) {
    super(context, resolver);
  }
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    const prop = (name: string): ScalarSpec<RangeRef> => ({
      get: () => null,
      set: (ref, value) => formatCells(this.context.host, ref, `border.${this.side}.${name}`, value, (cell) => (cell.format = { ...cell.format, [`border${this.side}${name}`]: value })),
    });
    return { style: prop('style'), color: prop('color'), weight: prop('weight') };
  }
}

// ---------- conditional formats ----------

export class ConditionalFormatCollectionProxy extends ClientObject<RangeRef> {
  protected scalars(): Record<string, ScalarSpec<RangeRef>> {
    return {};
  }
  add(type: string): ConditionalFormatProxy {
    const format = new ConditionalFormatProxy(this.context, () => null);
    this.context.enqueue(() => {
      this.context.requireApi('1.6', 'conditionalFormats');
      const ref = this.resolve();
      requireFormattable(ref, 'ConditionalFormatCollection.add');
      const known = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
      if (!known.includes(type)) throw officeError('InvalidArgument', 'ConditionalFormatCollection.add');
      const created = { type, address: formatA1(ref.rect), settings: {} };
      ref.sheet.conditionalFormats.push(created);
      format.bind(created);
    });
    return format;
  }
}

type ConditionalFormatState = FakeSheet['conditionalFormats'][number];

function settingsProxy(context: FakeRequestContext, resolve: () => Record<string, unknown>, props: string[], children: Record<string, string[]> = {}): LoadableObject {
  class Settings extends ClientObject<Record<string, unknown>> {
    protected scalars(): Record<string, ScalarSpec<Record<string, unknown>>> {
      return Object.fromEntries(props.map((p) => [p, { get: (t: Record<string, unknown>) => t[p] ?? null, set: (t: Record<string, unknown>, v: unknown) => void (t[p] = v) }]));
    }
    protected override navigation() {
      return Object.fromEntries(
        Object.entries(children).map(([name, childProps]) => [
          name,
          () =>
            settingsProxy(
              context,
              () => {
                const t = this.resolve();
                return (t[name] ??= {}) as Record<string, unknown>;
              },
              childProps,
            ),
        ]),
      );
    }
  }
  return new Settings(context, resolve);
}

export class ConditionalFormatProxy extends ClientObject<ConditionalFormatState> {
  protected scalars(): Record<string, ScalarSpec<ConditionalFormatState>> {
    return { type: { get: (f) => f.type } };
  }
  protected override navigation() {
    return {
      dataBar: () =>
        settingsProxy(
          this.context,
          () => {
            const f = this.resolve();
            if (f.type !== 'DataBar') throw officeError('InvalidOperation', 'ConditionalFormat.dataBar');
            return f.settings;
          },
          ['lowerBoundRule', 'upperBoundRule', 'barDirection', 'showDataBarOnly'],
          { positiveFormat: ['fillColor', 'borderColor', 'gradientFill'] },
        ),
    };
  }
}

// ---------- charts ----------

const CHART_TYPES = new Set([
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineMarkers',
  'Pie', 'PieExploded', 'Doughnut', 'Area', 'XYScatter', 'Radar', '3DColumnClustered', '3DPie',
]);

export class ChartCollectionProxy extends CollectionObject<FakeSheet, FakeChart> {
  protected scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {};
  }
  protected itemTargets(sheet: FakeSheet): FakeChart[] {
    return sheet.charts;
  }
  protected makeItem(): ChartProxy {
    return new ChartProxy(this.context, () => null);
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    const chart = new ChartProxy(this.context, () => null);
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (!CHART_TYPES.has(type)) throw officeError('InvalidArgument', 'ChartCollection.add');
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw officeError('InvalidArgument', 'ChartCollection.add');
      if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw officeError('AccessDenied', 'ChartCollection.add');
      const source = sourceData.resolve();
      if (grid(source, (cell) => hasValue(cell)).flat().every((v) => !v)) throw officeError('InvalidArgument', 'ChartCollection.add', 'The chart source data is empty.');
      const created: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        chartType: type,
        source: `${quoteSheet(source.sheet.name)}!${formatA1(source.rect)}`,
        seriesBy,
        title: '',
        legend: { position: 'Right', visible: true },
        dataLabels: { showValue: false, showPercentage: false },
      };
      sheet.charts.push(created);
      chart.bind(created);
    });
    return chart;
  }
}

export class ChartProxy extends ClientObject<FakeChart> {
  protected scalars(): Record<string, ScalarSpec<FakeChart>> {
    return {
      name: { get: (c) => c.name, set: (c, v) => void (c.name = String(v)) },
      chartType: { get: (c) => c.chartType },
    };
  }
  protected override navigation() {
    const part = (key: 'legend' | 'dataLabels', props: string[]) => () => settingsProxy(this.context, () => this.resolve()[key] as unknown as Record<string, unknown>, props);
    return {
      title: () =>
        new (class extends ClientObject<FakeChart> {
          protected scalars(): Record<string, ScalarSpec<FakeChart>> {
            return { text: { get: (c) => c.title, set: (c, v) => void (c.title = String(v)) } };
          }
        })(this.context, () => this.resolve()),
      legend: part('legend', ['position', 'visible']),
      dataLabels: part('dataLabels', ['showValue', 'showPercentage', 'position']),
      axes: () => settingsProxy(this.context, () => (this.resolve().axes ??= {}) as Record<string, unknown>, [], { valueAxis: ['maximum', 'minimum'] }),
    };
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    this.context.enqueue(() => {
      const chart = this.resolve();
      const address = (x: string | RangeProxy) => (typeof x === 'string' ? x : formatA1(x.resolve().rect));
      if (typeof startCell === 'string' && !parseA1(startCell)) throw officeError('InvalidArgument', 'Chart.setPosition');
      chart.position = { start: address(startCell), ...(endCell ? { end: address(endCell) } : {}) };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const chart = this.resolve();
      for (const sheet of this.context.host.state.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

// ---------- custom XML parts (ExcelApi 1.5) ----------

function checkXml(xml: string): void {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').trim();
  if (!/^<([A-Za-z_][\w.:-]*)[^>]*>[\s\S]*<\/\1>$|^<[A-Za-z_][\w.:-]*[^>]*\/>$/.test(body)) throw officeError('InvalidArgument', 'CustomXmlPart', 'The XML is not well formed.');
}

export class CustomXmlPartCollectionProxy extends CollectionObject<FakeWorkbookState, FakeXmlPart> {
  protected scalars(): Record<string, ScalarSpec<FakeWorkbookState>> {
    return {};
  }
  protected itemTargets(state: FakeWorkbookState): FakeXmlPart[] {
    this.context.requireApi('1.5', 'customXmlParts');
    return state.customXmlParts;
  }
  protected makeItem(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => null);
  }
  add(xml: string): CustomXmlPartProxy {
    const part = new CustomXmlPartProxy(this.context, () => null);
    this.context.enqueue(() => {
      this.context.requireApi('1.5', 'customXmlParts');
      checkXml(xml);
      const state = this.resolve();
      const created = { id: `{PART-${state.nextId++}}`, namespaceUri: namespaceOf(xml), xml };
      state.customXmlParts.push(created);
      part.bind(created);
    }, xml.length + 80);
    return part;
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionProxy {
    return new CustomXmlPartScopedCollectionProxy(this.context, () => this.resolve(), (p) => p.namespaceUri === namespaceUri);
  }
  getItem(id: string): CustomXmlPartProxy {
    const part = new CustomXmlPartProxy(this.context, () => this.resolve().customXmlParts.find((p) => p.id === id) ?? null);
    this.context.enqueue(() => void part.resolve());
    return part;
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => this.resolve().customXmlParts.find((p) => p.id === id) ?? null).checkExistence();
  }
}

export class CustomXmlPartScopedCollectionProxy extends CollectionObject<FakeWorkbookState, FakeXmlPart> {
  constructor(
    context: FakeRequestContext,
    resolver: () => FakeWorkbookState | null,
    private readonly filter: (part: FakeXmlPart) => boolean,
  ) {
    super(context, resolver);
  }
  protected scalars(): Record<string, ScalarSpec<FakeWorkbookState>> {
    return {};
  }
  protected itemTargets(state: FakeWorkbookState): FakeXmlPart[] {
    this.context.requireApi('1.5', 'customXmlParts');
    return state.customXmlParts.filter(this.filter);
  }
  protected makeItem(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => null);
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => {
      const parts = this.itemTargets(this.resolve());
      return parts.length === 1 ? (parts[0] as FakeXmlPart) : null;
    }).checkExistence();
  }
}

export class CustomXmlPartProxy extends ClientObject<FakeXmlPart> {
  protected override alive(part: FakeXmlPart): boolean {
    return this.context.host.state.customXmlParts.includes(part);
  }
  protected scalars(): Record<string, ScalarSpec<FakeXmlPart>> {
    return { id: { get: (p) => p.id }, namespaceUri: { get: (p) => p.namespaceUri } };
  }
  getXml(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.context.enqueue(() => {
      const xml = `<?xml version="1.0" encoding="utf-8"?>${this.resolve().xml.replace(/^\s*<\?xml[^>]*\?>/, '')}`;
      this.context.countResponse(xml);
      result.set(xml);
    });
    return result;
  }
  setXml(xml: string): void {
    this.context.enqueue(() => {
      checkXml(xml);
      const part = this.resolve();
      part.xml = xml;
      part.namespaceUri = namespaceOf(xml);
    }, xml.length + 80);
  }
  delete(): void {
    this.context.enqueue(() => {
      const part = this.resolve();
      const parts = this.context.host.state.customXmlParts;
      parts.splice(parts.indexOf(part), 1);
    });
  }
}

export { columnName };
