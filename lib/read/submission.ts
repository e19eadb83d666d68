import { makeIssue, type Issue } from '../issues/issue';
import { cellAddress, getCell, type CellModel, type SheetModel, type SheetState } from '../model/sheet';
import { COVER_INPUT_COLUMN, HEADER_KEY, IDENTITY_KEYS, isLayoutKey, KEY_COLUMN, type SheetId } from '../template/layout';
import { FORM_DEFINITIONS } from '../template/registry';
import type { ColumnSpec, FormDefinition } from '../template/schema';
import { foldKey } from '../text/fold';
import { percentOf } from './number-format';

/** What a reader needs of a workbook: the xlsx reader and the Office.js adapter both provide it. */
export interface WorkbookSource {
  sheets: ReadonlyArray<{ name: string; state: SheetState }>;
  date1904: boolean;
  hasMacros: boolean;
  externalLinks: readonly string[];
  readSheet(name: string): SheetModel;
}

export interface Identity {
  templateId: string;
  templateVersion: number;
  catalogHash: string;
  unitCode: string;
  unitName: string;
  period: string;
  generatedAt: string;
  integrity?: string;
  sheetNames: Record<SheetId, string>;
  /**
   * The identity names no indicator sheet (`sheet.indicators` present and empty): from version 2 a unit
   * that monitors no indicator gets no Biểu 01.
   */
  noIndicatorSheet: boolean;
  rowKeys: Array<{ sheet: SheetId; key: string }>;
}

/** One input (or computed) cell of a data row, with its address even when it is empty. */
export interface FieldCell {
  address: string;
  cell: CellModel | undefined;
}

export interface DataRow {
  key: string;
  row: number;
  fields: Record<string, FieldCell>;
}

/** A row a user added without a key: kept with everything typed in it, never dropped. */
export interface ExtraRow {
  sheet: string;
  row: number;
  cells: CellModel[];
}

export interface Submission {
  identity: Identity;
  definition: FormDefinition;
  /** Sheet names as found in the file (a renamed sheet is found by its keys); indicators is empty when the form has no Biểu 01. */
  sheetNames: Record<SheetId, string>;
  cover: Record<string, FieldCell>;
  indicators: DataRow[];
  tasks: DataRow[];
  extraRows: ExtraRow[];
  date1904: boolean;
  hasMacros: boolean;
  externalLinks: readonly string[];
}

export interface ReadSubmissionOptions {
  /** Released form definitions, oldest first; the last is the current one. */
  definitions?: readonly FormDefinition[];
}

export interface ReadSubmissionResult {
  submission?: Submission;
  issues: Issue[];
}

function text(cell: CellModel | undefined): string {
  const v = cell?.value;
  if (typeof v === 'number') return cell?.isPercent ? `${percentOf(v)}%` : String(v);
  return typeof v === 'string' ? v.trim() : '';
}

function findIdentitySheet(source: WorkbookSource, definitions: readonly FormDefinition[]): SheetModel | undefined {
  const names = new Set(definitions.map((d) => d.identitySheetName));
  const byName = source.sheets.find((s) => names.has(s.name));
  if (byName) return source.readSheet(byName.name);
  // A renamed identity sheet is still ours if its first cell says so.
  for (const info of source.sheets.filter((s) => s.state !== 'visible')) {
    const sheet = source.readSheet(info.name);
    if (text(getCell(sheet, 1, 1)) === IDENTITY_KEYS.marker && text(getCell(sheet, 1, 2)) === IDENTITY_KEYS.marker) return sheet;
  }
  return undefined;
}

function parseIdentity(sheet: SheetModel, issues: Issue[]): Identity | undefined {
  const values = new Map<string, string>();
  const rowKeys: Identity['rowKeys'] = [];
  let inRows = false;
  for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const key = text(getCell(sheet, row, 1));
    const value = text(getCell(sheet, row, 2));
    if (key === IDENTITY_KEYS.rowsHeader) inRows = true;
    else if (inRows && key) rowKeys.push({ sheet: value as SheetId, key });
    else if (key && !values.has(key)) values.set(key, value);
  }
  const required = [IDENTITY_KEYS.templateId, IDENTITY_KEYS.templateVersion, IDENTITY_KEYS.catalogHash, IDENTITY_KEYS.unitCode, IDENTITY_KEYS.period];
  const missing = required.filter((k) => !values.get(k));
  const version = Number(values.get(IDENTITY_KEYS.templateVersion));
  if (missing.length > 0 || !Number.isInteger(version) || !/^\d{4}-\d{2}$/.test(values.get(IDENTITY_KEYS.period) ?? '')) {
    issues.push(makeIssue('workbook/bad-identity', { sheet: sheet.name }, { detail: missing.join(', ') || IDENTITY_KEYS.period }));
    return undefined;
  }
  const integrity = values.get(IDENTITY_KEYS.integrity);
  return {
    templateId: values.get(IDENTITY_KEYS.templateId) as string,
    templateVersion: version,
    catalogHash: values.get(IDENTITY_KEYS.catalogHash) as string,
    unitCode: values.get(IDENTITY_KEYS.unitCode) as string,
    unitName: values.get(IDENTITY_KEYS.unitName) ?? '',
    period: values.get(IDENTITY_KEYS.period) as string,
    generatedAt: values.get(IDENTITY_KEYS.generatedAt) ?? '',
    ...(integrity ? { integrity } : {}),
    sheetNames: {
      cover: values.get(IDENTITY_KEYS.sheetCover) ?? '',
      indicators: values.get(IDENTITY_KEYS.sheetIndicators) ?? '',
      tasks: values.get(IDENTITY_KEYS.sheetTasks) ?? '',
    },
    noIndicatorSheet: values.get(IDENTITY_KEYS.sheetIndicators) === '',
    rowKeys: rowKeys.filter((r) => r.sheet === 'cover' || r.sheet === 'indicators' || r.sheet === 'tasks'),
  };
}

/** Column A keys of a sheet, for finding a renamed sheet by its content. */
function keysIn(sheet: SheetModel): Set<string> {
  const keys = new Set<string>();
  for (const cells of sheet.rows.values()) {
    const key = text(cells.get(KEY_COLUMN));
    if (key) keys.add(key);
  }
  return keys;
}

function locateSheet(
  source: WorkbookSource,
  id: SheetId,
  expectedName: string,
  expectedKeys: readonly string[],
  taken: Set<string>,
  issues: Issue[],
): SheetModel | undefined {
  if (expectedName && source.sheets.some((s) => s.name === expectedName)) return source.readSheet(expectedName);
  const probe = expectedKeys.length > 0 ? expectedKeys : id === 'indicators' ? ['#empty'] : [];
  for (const info of source.sheets.filter((s) => s.state === 'visible' && !taken.has(s.name))) {
    const sheet = source.readSheet(info.name);
    const keys = keysIn(sheet);
    const hits = probe.filter((k) => keys.has(k)).length;
    if (probe.length > 0 && hits * 2 >= probe.length) {
      issues.push(makeIssue('sheet/renamed', { sheet: info.name }, { expected: expectedName, found: info.name }));
      return sheet;
    }
  }
  issues.push(makeIssue('sheet/missing', {}, { expected: expectedName }));
  return undefined;
}

/** Maps definition columns to sheet columns by header text; falls back to the definition's order. */
function mapColumns(sheet: SheetModel, columns: readonly ColumnSpec[]): Map<string, number> {
  const map = new Map<string, number>();
  let headerRow: number | undefined;
  for (const [row, cells] of sheet.rows) if (text(cells.get(KEY_COLUMN)) === HEADER_KEY) headerRow = row;
  const headers = new Map<string, number>();
  if (headerRow !== undefined) {
    for (const [col, cell] of sheet.rows.get(headerRow) ?? []) if (col !== KEY_COLUMN) headers.set(foldKey(text(cell)), col);
  }
  columns.forEach((column, i) => {
    const exact = headers.get(foldKey(column.header));
    const templated = column.header.includes('{year}')
      ? [...headers.entries()].find(([h]) => h.startsWith(foldKey(column.header.split('{year}')[0] as string)))?.[1]
      : undefined;
    map.set(column.id, exact ?? templated ?? i + 2);
  });
  return map;
}

function readDataSheet(
  sheet: SheetModel,
  columns: readonly ColumnSpec[],
  expected: readonly string[],
  issues: Issue[],
  extraRows: ExtraRow[],
): DataRow[] {
  const columnOf = mapColumns(sheet, columns);
  const expectedSet = new Set(expected);
  const found = new Map<string, DataRow>();
  const rows: DataRow[] = [];
  let headerRow = 0;
  for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const cells = sheet.rows.get(row) as Map<number, CellModel>;
    const key = text(cells.get(KEY_COLUMN));
    if (key === HEADER_KEY) headerRow = row;
    if (isLayoutKey(key)) continue;
    if (!key) {
      const content = [...cells.values()].filter((c) => c.col !== KEY_COLUMN && text(c) !== '');
      if (row > headerRow && headerRow > 0 && content.length > 0) {
        extraRows.push({ sheet: sheet.name, row, cells: content });
        issues.push(makeIssue('row/extra', { sheet: sheet.name, cell: cellAddress(row, (content[0] as CellModel).col) }, { text: content.map(text).join(' | ').slice(0, 200) }));
      }
      continue;
    }
    if (!expectedSet.has(key)) {
      issues.push(makeIssue('row/unknown-key', { sheet: sheet.name, cell: cellAddress(row, KEY_COLUMN), key }, { key }));
      continue;
    }
    const previous = found.get(key);
    if (previous) {
      issues.push(makeIssue('row/duplicate-key', { sheet: sheet.name, cell: cellAddress(row, KEY_COLUMN), key }, { key, other: previous.row }));
      continue;
    }
    const fields: Record<string, FieldCell> = {};
    for (const column of columns) {
      const col = columnOf.get(column.id) as number;
      fields[column.id] = { address: cellAddress(row, col), cell: cells.get(col) };
    }
    const dataRow = { key, row, fields };
    found.set(key, dataRow);
    rows.push(dataRow);
  }
  for (const key of expected) if (!found.has(key)) issues.push(makeIssue('row/missing', { sheet: sheet.name, key }, { key }));
  return rows;
}

function readCover(sheet: SheetModel, definition: FormDefinition, issues: Issue[]): Record<string, FieldCell> {
  const cover: Record<string, FieldCell> = {};
  const ids = new Set(definition.cover.fields.map((f) => f.id));
  for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const key = text(getCell(sheet, row, KEY_COLUMN));
    if (!ids.has(key) || cover[key]) continue;
    cover[key] = { address: cellAddress(row, COVER_INPUT_COLUMN), cell: getCell(sheet, row, COVER_INPUT_COLUMN) };
  }
  for (const field of definition.cover.fields) if (!cover[field.id]) issues.push(makeIssue('row/missing', { sheet: sheet.name, key: field.id }, { key: field.label }));
  return cover;
}

/**
 * Reads a returned workbook into a submission: recognised by its identity sheet, every row found
 * by its key wherever the user moved it. Structural problems come back as issues; nothing throws.
 * Any source (a zip on disk, the workbook open in Excel) gets the same issues, macros and links included.
 * @example const { submission, issues } = readSubmission(openWorkbook(bytes));
 */
export function readSubmission(source: WorkbookSource, options: ReadSubmissionOptions = {}): ReadSubmissionResult {
  const result = readTemplateSheets(source, options);
  if (source.hasMacros) result.issues.unshift(makeIssue('file/macros-ignored'));
  if (source.externalLinks.length > 0) result.issues.push(makeIssue('workbook/external-links', {}, { detail: source.externalLinks.join(', ').slice(0, 200) }));
  return result;
}

function readTemplateSheets(source: WorkbookSource, options: ReadSubmissionOptions): ReadSubmissionResult {
  const definitions = options.definitions ?? FORM_DEFINITIONS;
  const issues: Issue[] = [];
  const identitySheet = findIdentitySheet(source, definitions);
  if (!identitySheet) return { issues: [makeIssue('workbook/not-template')] };
  const identity = parseIdentity(identitySheet, issues);
  if (!identity) return { issues };
  const current = definitions[definitions.length - 1] as FormDefinition;
  const definition = definitions.find((d) => d.id === identity.templateId && d.version === identity.templateVersion);
  if (!definition) {
    return { issues: [...issues, makeIssue('workbook/unknown-template', {}, { templateId: identity.templateId, version: identity.templateVersion })] };
  }
  if (definition.version < current.version || definition.id !== current.id) {
    issues.push(makeIssue('workbook/outdated-template', {}, { version: definition.version, current: current.version }));
  }
  const keysOf = (sheet: SheetId) => identity.rowKeys.filter((r) => r.sheet === sheet).map((r) => r.key);
  const taken = new Set<string>([identitySheet.name]);
  const names = {
    cover: identity.sheetNames.cover || definition.cover.sheetName,
    indicators: identity.sheetNames.indicators || definition.indicators.sheetName,
    tasks: identity.sheetNames.tasks || definition.tasks.sheetName,
  };
  // No indicator sheet to find only when the identity says so and lists no indicator row: a Biểu 01
  // deleted from a form that had one is still sheet/missing.
  const withoutIndicators = identity.noIndicatorSheet && keysOf('indicators').length === 0;
  const cover = locateSheet(source, 'cover', names.cover, keysOf('cover'), taken, issues);
  if (cover) taken.add(cover.name);
  const indicators = withoutIndicators ? undefined : locateSheet(source, 'indicators', names.indicators, keysOf('indicators'), taken, issues);
  if (indicators) taken.add(indicators.name);
  const tasks = locateSheet(source, 'tasks', names.tasks, keysOf('tasks'), taken, issues);
  if (!cover || (!indicators && !withoutIndicators) || !tasks) return { issues };

  const extraRows: ExtraRow[] = [];
  const submission: Submission = {
    identity,
    definition,
    sheetNames: { cover: cover.name, indicators: indicators?.name ?? '', tasks: tasks.name },
    cover: readCover(cover, definition, issues),
    indicators: indicators ? readDataSheet(indicators, definition.indicators.columns, keysOf('indicators'), issues, extraRows) : [],
    tasks: readDataSheet(tasks, definition.tasks.columns, keysOf('tasks'), issues, extraRows),
    extraRows,
    date1904: source.date1904,
    hasMacros: source.hasMacros,
    externalLinks: source.externalLinks,
  };
  return { submission, issues };
}
