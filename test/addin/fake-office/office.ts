// The fake host: Office, Excel and OfficeExtension globals over one fake workbook, plus what a test
// does as the user (type into cells, pick from a dropdown) and what it inspects afterwards.
import { ClientObject, ClientResult, FakeOfficeError, FakeRequestContext, officeError, versionAtLeast, type ChangeRecord, type HostSettings, type HostSide } from './client';
import { cellKey, formatA1, parseA1, seedFromState, stateFromSeed, typeInto, type FakeCell, type FakeSheet, type FakeWorkbookState, type SeedWorkbook } from './state';

export interface FakeExcelOptions {
  /** The host's ExcelApi version: 1.7 is Office 2019, 1.14 Office 2021, 1.17 Office 2024. */
  apiVersion?: string;
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
  documentUrl?: string;
  /** Excel on the web refuses requests over 5 MB. */
  maxRequestBytes?: number;
}

type Handler = (args: unknown) => unknown;

export class FakeExcel implements HostSide {
  readonly state: FakeWorkbookState;
  readonly settings: HostSettings;
  readonly platform: string;
  documentUrl: string;
  readonly requests: Array<{ bytes: number; operations: number }> = [];
  readonly reads: string[] = [];
  /** Functions given to Office.actions.associate, by id. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  private readonly handlers = new Map<FakeSheet, Set<Handler>>();
  private pending: ChangeRecord[] = [];
  /** Event handler calls not finished yet (tests wait for them). */
  private running: Array<Promise<unknown>> = [];

  constructor(seed: SeedWorkbook, options: FakeExcelOptions = {}) {
    this.state = stateFromSeed(seed);
    this.settings = { apiVersion: options.apiVersion ?? '1.17', maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024 };
    this.platform = options.platform ?? 'PC';
    this.documentUrl = options.documentUrl ?? 'C:\\Users\\baocao\\Documents\\bao-cao.xlsx';
  }

  supports(version: string): boolean {
    return versionAtLeast(this.settings.apiVersion, version);
  }

  recordChange(change: ChangeRecord): void {
    this.pending.push(change);
  }

  /** Events go out after the request that caused them, asynchronously, as in Excel. */
  flushChanges(): void {
    const changes = this.pending;
    this.pending = [];
    for (const change of changes) this.dispatch(change);
  }

  register(sheet: FakeSheet, handler: Handler): void {
    let set = this.handlers.get(sheet);
    if (!set) this.handlers.set(sheet, (set = new Set()));
    set.add(handler);
  }

  unregister(sheet: FakeSheet, handler: Handler): void {
    this.handlers.get(sheet)?.delete(handler);
  }

  handlerCount(sheetName?: string): number {
    if (sheetName === undefined) return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
    return this.handlers.get(this.sheet(sheetName))?.size ?? 0;
  }

  private dispatch(change: ChangeRecord): void {
    const handlers = [...(this.handlers.get(change.sheet) ?? [])];
    if (handlers.length === 0) return;
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      address: formatA1(change.rect),
      changeType: 'RangeEdited',
      source: 'Local',
      worksheetId: change.sheet.id,
    };
    if (this.supports('1.9') && change.details) args.details = change.details;
    if (this.supports('1.14')) args.triggerSource = change.byAddin ? 'ThisLocalAddin' : 'Unknown';
    for (const handler of handlers) {
      const run = new Promise((resolve) => setTimeout(resolve, 0)).then(() => handler(args));
      this.running.push(run.catch(() => undefined));
    }
  }

  /** Resolves once every event handler started so far has finished. */
  async settle(): Promise<void> {
    while (this.running.length > 0) {
      const running = this.running;
      this.running = [];
      await Promise.all(running);
    }
  }

  // ----- the user's side -----

  sheet(name: string): FakeSheet {
    const sheet = this.state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`The fake workbook has no sheet "${name}"`);
    return sheet;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const rect = parseA1(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    return this.sheet(sheetName).cells.get(cellKey(rect.r0, rect.c0));
  }

  /** Fill of a cell as the user sees it: `#RRGGBB`, or null without fill. */
  fillOf(sheetName: string, address: string): string | null {
    return this.cell(sheetName, address)?.fill ?? null;
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.state.selection;
    return sel ? { sheet: this.state.sheets.find((s) => s.id === sel.sheetId)?.name ?? '', address: sel.address } : null;
  }

  activeSheet(): string {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId)?.name ?? '';
  }

  /**
   * Types values into cells as the user would: refused on locked cells of a protected sheet, and
   * announced through onChanged (without `details` for several cells, as Excel does for a paste).
   * With `fromList`, the value is picked from a data-validation dropdown: Excel sends no event then.
   */
  userEdit(sheetName: string, address: string, values: unknown[][], options: { fromList?: boolean } = {}): void {
    const sheet = this.sheet(sheetName);
    const rect = parseA1(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const key = cellKey(rect.r0 + r, rect.c0 + c);
        let cell = sheet.cells.get(key);
        if (sheet.protection.protected && cell?.locked !== false) throw new Error(`Cell ${key} of "${sheetName}" is locked: a user cannot type there`);
        if (!cell) sheet.cells.set(key, (cell = { value: '' }));
        typeInto(cell, value);
      }),
    );
    const full = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + values.length - 1, c1: rect.c0 + Math.max(...values.map((l) => l.length)) - 1 };
    if (options.fromList) return;
    const single = full.r0 === full.r1 && full.c0 === full.c1;
    this.dispatch({ sheet, rect: full, byAddin: false, ...(single ? { details: { valueBefore: null, valueAfter: values[0]?.[0] } } : {}) });
  }

  exportSeed(): SeedWorkbook {
    return seedFromState(this.state);
  }

  // ----- the globals -----

  /** `Office`, `Excel` and `OfficeExtension` as office.js defines them, for this workbook. */
  globals(): { Office: unknown; Excel: unknown; OfficeExtension: unknown } {
    // office.js's globals are plain objects whose getters need the host.
    const host: FakeExcel = this as FakeExcel;
    const newContext = () => new FakeRequestContext(host);
    async function run<T>(first: unknown, second?: unknown): Promise<T> {
      let context: FakeRequestContext;
      let batch: (context: FakeRequestContext) => Promise<T>;
      if (typeof first === 'function') {
        context = newContext();
        batch = first as typeof batch;
      } else {
        const given = first as { context?: FakeRequestContext } | FakeRequestContext;
        context = given instanceof FakeRequestContext ? given : (given.context as FakeRequestContext);
        context.open = true;
        batch = second as typeof batch;
      }
      try {
        const result = await batch(context);
        await context.sync();
        return result;
      } finally {
        context.open = false;
      }
    }
    const ready = Promise.resolve({ host: 'Excel', platform: host.platform });
    const Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
      onReady(callback?: (info: { host: string; platform: string }) => unknown) {
        return ready.then((info) => {
          callback?.(info);
          return info;
        });
      },
      context: {
        requirements: { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && host.supports(version) },
        document: {
          get url() {
            return host.documentUrl;
          },
        },
        diagnostics: { host: 'Excel', platform: host.platform, version: '16.0.0.0' },
        displayLanguage: 'vi-VN',
        contentLanguage: 'vi-VN',
      },
      actions: {
        associate(id: string, fn: (event: unknown) => unknown) {
          host.actions.set(id, fn);
        },
      },
    };
    const Excel = {
      run,
      RequestContext: FakeRequestContext,
      async createWorkbook(base64?: string) {
        if (!host.supports('1.8')) throw officeError('ApiNotFound', 'createWorkbook');
        host.state.createdWorkbooks.push(base64 ?? '');
      },
      ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie', line: 'Line' },
      ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
      ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet', containsText: 'ContainsText', cellValue: 'CellValue' },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
      DataChangeType: { unknown: 'Unknown', rangeEdited: 'RangeEdited', rowInserted: 'RowInserted', rowDeleted: 'RowDeleted', columnInserted: 'ColumnInserted', columnDeleted: 'ColumnDeleted', cellInserted: 'CellInserted', cellDeleted: 'CellDeleted' },
      ErrorCodes: { accessDenied: 'AccessDenied', apiNotFound: 'ApiNotFound', invalidArgument: 'InvalidArgument', itemNotFound: 'ItemNotFound', itemAlreadyExists: 'ItemAlreadyExists', invalidOperation: 'InvalidOperation' },
    };
    const OfficeExtension = { Error: FakeOfficeError, ClientResult, ClientObject };
    return { Office, Excel, OfficeExtension };
  }

  /** Puts the globals on `target` (globalThis in Jest, window in the page). */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    Object.assign(target, this.globals());
  }
}

export function uninstallFakeOffice(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  delete target.Office;
  delete target.Excel;
  delete target.OfficeExtension;
}
