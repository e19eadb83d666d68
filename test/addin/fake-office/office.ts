// The fake host: Office, Excel and OfficeExtension globals over one fake workbook, plus what a test
// does as the user (type into cells, pick from a dropdown) and what it inspects afterwards.
import { ClientObject, ClientResult, FakeOfficeError, FakeRequestContext, officeError, versionAtLeast, type ChangeRecord, type HostSettings, type HostSide } from './client';
import { cellKey, formatA1, MAX_COLUMNS, MAX_ROWS, parseA1, seedFromState, shiftCells, stateFromSeed, typeInto, type FakeCell, type FakeSheet, type FakeWorkbookState, type SeedWorkbook, type TypingLocale } from './state';

export interface FakeExcelOptions {
  /** The host's ExcelApi version: 1.7 is Office 2019, 1.14 Office 2021, 1.17 Office 2024. */
  apiVersion?: string;
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
  documentUrl?: string;
  /** Excel on the web refuses requests over 5 MB. */
  maxRequestBytes?: number;
  /** …and responses over 5 MB. */
  maxResponseBytes?: number;
  /** How typed text is read (default vi-VN: `85,5` is 85.5, `05/12/2026` is 5 December). */
  locale?: TypingLocale;
  /** Time from a change to its onChanged handlers (default 60 ms): Excel delivers events later, never at once. */
  eventDelayMs?: number;
  /** False: a build that ignores Excel.run({ delayForCellEdit: true }) and fails the batch anyway. */
  honoursDelayForCellEdit?: boolean;
  /** The error a batch gets while the user edits a cell (default InvalidOperationInCellEditMode). */
  cellEditErrorCode?: string;
}

/** What displayDialogAsync opened, and what the user does with it. */
export interface FakeDialog {
  url: string;
  options: Record<string, unknown>;
  open: boolean;
  handlers: Map<string, (args: unknown) => void>;
}

type Handler = (args: unknown) => unknown;

export class FakeExcel implements HostSide {
  readonly state: FakeWorkbookState;
  readonly settings: HostSettings;
  readonly platform: string;
  documentUrl: string;
  readonly requests: Array<{ bytes: number; operations: number }> = [];
  readonly responses: number[] = [];
  readonly reads: string[] = [];
  readonly dialogs: FakeDialog[] = [];
  /** What a dialog page sent with Office.context.ui.messageParent. */
  readonly parentMessages: string[] = [];
  readonly eventDelayMs: number;
  cellEdit: { sheet: string; address: string } | null = null;
  private editEnded: Array<() => void> = [];
  /** Functions given to Office.actions.associate, by id. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  private readonly handlers = new Map<FakeSheet, Set<Handler>>();
  private pending: ChangeRecord[] = [];
  /** Event handler calls not finished yet (tests wait for them). */
  private running: Array<Promise<unknown>> = [];

  constructor(seed: SeedWorkbook, options: FakeExcelOptions = {}) {
    this.state = stateFromSeed(seed);
    this.settings = {
      apiVersion: options.apiVersion ?? '1.17',
      maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
      maxResponseBytes: options.maxResponseBytes ?? 5 * 1024 * 1024,
      locale: options.locale ?? 'vi-VN',
      honoursDelayForCellEdit: options.honoursDelayForCellEdit ?? true,
      cellEditErrorCode: options.cellEditErrorCode ?? 'InvalidOperationInCellEditMode',
    };
    this.eventDelayMs = options.eventDelayMs ?? 60;
    this.platform = options.platform ?? 'PC';
    this.documentUrl = options.documentUrl ?? 'C:\\Users\\baocao\\Documents\\bao-cao.xlsx';
  }

  supports(version: string): boolean {
    return versionAtLeast(this.settings.apiVersion, version);
  }

  recordChange(change: ChangeRecord): void {
    this.pending.push(change);
  }

  cellEditEnded(): Promise<void> {
    return this.cellEdit ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
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
      changeType: change.changeType ?? 'RangeEdited',
      source: 'Local',
      worksheetId: change.sheet.id,
    };
    if (this.supports('1.9') && change.details) args.details = change.details;
    if (this.supports('1.14')) args.triggerSource = change.byAddin ? 'ThisLocalAddin' : 'Unknown';
    for (const handler of handlers) {
      const run = new Promise((resolve) => setTimeout(resolve, this.eventDelayMs)).then(() => handler(args));
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
    if (this.cellEdit) throw new Error('The user is editing a cell: commitCellEdit or cancelCellEdit first');
    const sheet = this.sheet(sheetName);
    const rect = parseA1(address);
    if (!rect) throw new Error(`Bad address ${address}`);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const key = cellKey(rect.r0 + r, rect.c0 + c);
        let cell = sheet.cells.get(key);
        if (sheet.protection.protected && cell?.locked !== false) throw new Error(`Cell ${key} of "${sheetName}" is locked: a user cannot type there`);
        if (!cell) sheet.cells.set(key, (cell = { value: '' }));
        typeInto(cell, value, this.settings.locale);
      }),
    );
    const full = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + values.length - 1, c1: rect.c0 + Math.max(...values.map((l) => l.length)) - 1 };
    if (options.fromList) return;
    const single = full.r0 === full.r1 && full.c0 === full.c1;
    this.dispatch({ sheet, rect: full, byAddin: false, ...(single ? { details: { valueBefore: null, valueAfter: values[0]?.[0] } } : {}) });
  }

  /** The user starts typing in a cell (F2 or a keystroke): every batch fails, or waits, until Enter or Esc. */
  beginCellEdit(sheetName: string, address: string): void {
    this.sheet(sheetName);
    this.cellEdit = { sheet: sheetName, address };
  }

  /** Enter: what was typed goes into the cell (announced by onChanged), and waiting batches run. */
  commitCellEdit(value: unknown): void {
    const edit = this.cellEdit;
    if (!edit) throw new Error('No cell is being edited');
    this.endCellEdit();
    this.userEdit(edit.sheet, edit.address, [[value]]);
  }

  /** Esc: nothing changes, waiting batches run. */
  cancelCellEdit(): void {
    this.endCellEdit();
  }

  private endCellEdit(): void {
    this.cellEdit = null;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const resume of waiting) resume();
  }

  /**
   * Inserts (count > 0) or deletes (count < 0) whole rows or columns as the user does from the
   * sheet's context menu: cells move, and onChanged says RowInserted, RowDeleted, ColumnInserted or
   * ColumnDeleted with the rows or columns as its address (`5:6`, `C:C`).
   */
  userShift(sheetName: string, axis: 'rows' | 'columns', at: number, count: number): void {
    const sheet = this.sheet(sheetName);
    const allowed = axis === 'rows' ? (count > 0 ? 'allowInsertRows' : 'allowDeleteRows') : count > 0 ? 'allowInsertColumns' : 'allowDeleteColumns';
    if (sheet.protection.protected && !sheet.protection.options[allowed]) throw new Error(`"${sheetName}" is protected without ${allowed}: a user cannot do this`);
    shiftCells(sheet, axis, at, count);
    const last = at + Math.abs(count) - 1;
    const rect = axis === 'rows' ? { r0: at, r1: last, c0: 1, c1: MAX_COLUMNS } : { r0: 1, r1: MAX_ROWS, c0: at, c1: last };
    const changeType = `${axis === 'rows' ? 'Row' : 'Column'}${count > 0 ? 'Inserted' : 'Deleted'}`;
    this.dispatch({ sheet, rect, byAddin: false, changeType });
  }

  /** The user closes a dialog with its X: Office tells the opener (event 12006). */
  userClosesDialog(index = this.dialogs.length - 1): void {
    const dialog = this.dialogs[index];
    if (!dialog?.open) throw new Error('No open dialog');
    dialog.open = false;
    dialog.handlers.get('dialogEventReceived')?.({ error: 12006 });
  }

  /** A dialog page's Office.context.ui.messageParent, delivered to the opener's handler. */
  messageFromDialog(message: string, index = this.dialogs.length - 1): void {
    const dialog = this.dialogs[index];
    if (!dialog?.open) throw new Error('No open dialog');
    dialog.handlers.get('dialogMessageReceived')?.({ message, origin: undefined });
  }

  exportSeed(): SeedWorkbook {
    return seedFromState(this.state);
  }

  // ----- the globals -----

  /** `Office`, `Excel` and `OfficeExtension` as office.js defines them, for this workbook. */
  globals(): { Office: unknown; Excel: unknown; OfficeExtension: unknown } {
    // office.js's globals are plain objects whose getters need the host.
    const host: FakeExcel = this as FakeExcel;
    const newContext = (delayForCellEdit = false) => new FakeRequestContext(host, delayForCellEdit);
    async function run<T>(first: unknown, second?: unknown): Promise<T> {
      let context: FakeRequestContext;
      let batch: (context: FakeRequestContext) => Promise<T>;
      if (typeof first === 'function') {
        context = newContext();
        batch = first as typeof batch;
      } else if (first instanceof FakeRequestContext || (first as { context?: unknown }).context instanceof FakeRequestContext) {
        const given = first as { context?: FakeRequestContext } | FakeRequestContext;
        context = given instanceof FakeRequestContext ? given : (given.context as FakeRequestContext);
        context.open = true;
        batch = second as typeof batch;
      } else {
        // Excel.RunOptions
        context = newContext((first as { delayForCellEdit?: unknown }).delayForCellEdit === true);
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
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        requirements: { isSetSupported: (name: string, version = '1.1') => (name === 'ExcelApi' && host.supports(version)) || (name === 'DialogApi' && versionAtLeast('1.1', version)) },
        ui: {
          displayDialogAsync(url: string, options: Record<string, unknown> | ((result: unknown) => void), callback?: (result: unknown) => void) {
            const done = typeof options === 'function' ? options : callback;
            if (host.dialogs.some((d) => d.open)) {
              done?.({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened from this host window.' } });
              return;
            }
            const dialog: FakeDialog = { url, options: typeof options === 'function' ? {} : options, open: true, handlers: new Map() };
            host.dialogs.push(dialog);
            const value = {
              addEventHandler: (type: string, handler: (args: unknown) => void) => dialog.handlers.set(type, handler),
              close: () => void (dialog.open = false),
            };
            setTimeout(() => done?.({ status: 'succeeded', value }), 0);
          },
          messageParent(message: string) {
            host.parentMessages.push(message);
          },
        },
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
