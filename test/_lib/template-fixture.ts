// A returned workbook in the shape of a da06 template, written from inline tables by the independent
// fixture writer (never by lib/template/generate): a generator bug cannot hide a reader bug.
import { catalogHash } from '../../lib/catalog/hash';
import { DEFAULT_INTEGRITY_KEY, integrityToken } from '../../lib/catalog/integrity';
import { loadCatalog } from '../../lib/node/seeds';
import { currentDefinition } from '../../lib/template/registry';
import type { FormDefinition } from '../../lib/template/schema';
import { buildXlsx, type FixtureCell, type FixtureSheet, type FixtureWorkbook } from './xlsx-fixture';

export const SHEETS = { cover: 'Thông tin chung', indicators: 'Biểu 01 - Chỉ tiêu', tasks: 'Biểu 02 - Nhiệm vụ', identity: '_da06' } as const;

/** Data rows start here; rows 1–4 are title, unit line, headers and column numbers. */
export const FIRST_ROW = 5;
/** Cover fields start here, one per row, input in column D. */
export const COVER_FIRST_ROW = 17;

const current = currentDefinition();
export const CATALOG_HASH = catalogHash(loadCatalog());

export type Row = [key: string | null, cells: Record<string, FixtureCell>];

export interface TemplateFixtureSpec {
  /** The form definition the return was made from (its columns, headers, id and version); the current one by default. */
  definition?: FormDefinition;
  unit?: string;
  unitName?: string;
  unitKind?: 'department' | 'commune';
  /**
   * false: a form without Biểu 01, as a unit that monitors no indicator gets from version 2 on (the
   * identity's `sheet.indicators` is present and empty).
   */
  indicatorSheet?: boolean;
  period?: string;
  identity?: Record<string, FixtureCell>;
  /** Row keys the identity sheet lists; defaults to the keys of the rows given. */
  listedKeys?: { indicators?: string[]; tasks?: string[] };
  cover?: Record<string, FixtureCell>;
  indicators?: Row[];
  tasks?: Row[];
  sheetNames?: Partial<Record<'cover' | 'indicators' | 'tasks', string>>;
  /** Extra workbook options (date1904, macros, extra parts …). */
  workbook?: Omit<FixtureWorkbook, 'sheets'>;
  extraSheets?: FixtureSheet[];
}

/** Column ids of a data sheet, in order from column B (the definition's own order). */
function columnIds(sheet: 'indicators' | 'tasks', definition: FormDefinition = current): string[] {
  return definition[sheet].columns.map((c) => c.id);
}

function headerRow(definition: FormDefinition, sheet: 'indicators' | 'tasks', year: string): FixtureCell[] {
  return ['#header', ...definition[sheet].columns.map((c) => c.header.replace('{year}', year))];
}

function dataSheet(definition: FormDefinition, sheet: 'indicators' | 'tasks', name: string, rows: Row[], year: string): FixtureSheet {
  const ids = columnIds(sheet, definition);
  const table: FixtureCell[][] = [['#title', 'BIỂU'], ['#unit', 'Đơn vị'], headerRow(definition, sheet, year), ['#number', '(1)']];
  for (const [key, cells] of rows) {
    const line: FixtureCell[] = [key];
    ids.forEach((id, i) => {
      line[i + 1] = cells[id];
    });
    if (sheet === 'indicators' && key && !key.startsWith('#') && !('assessment' in cells)) {
      line[ids.indexOf('assessment') + 1] = { formula: 'IF(1=1,"Chưa có số liệu","")', value: 'Chưa có số liệu' };
    }
    table.push(line);
  }
  return { name, rows: table };
}

function coverSheet(definition: FormDefinition, name: string, values: Record<string, FixtureCell>): FixtureSheet {
  const rows: FixtureCell[][] = Array.from({ length: COVER_FIRST_ROW - 1 }, () => []);
  rows[0] = [null, 'UBND TỈNH THANH HÓA'];
  for (const field of definition.cover.fields) rows.push([field.id, field.label, null, values[field.id]]);
  return { name, rows };
}

/** A filled cover that passes every rule, to start from. */
export const GOOD_COVER: Record<string, FixtureCell> = {
  preparerName: 'Nguyễn Văn An',
  preparerTitle: 'Chuyên viên',
  phone: '0912 345 678',
  email: 'an@congan.thanhhoa.gov.vn',
  reportDate: { date: 46359 }, // 2026-12-03
  assessment: 'Hoàn thành các nhiệm vụ trong kỳ.',
  difficulties: null,
  proposals: null,
};

export function templateFixture(spec: TemplateFixtureSpec = {}): FixtureWorkbook {
  const definition = spec.definition ?? current;
  const withIndicators = spec.indicatorSheet ?? true;
  if (!withIndicators && (spec.indicators?.length ?? 0) > 0) throw new Error('a form without Biểu 01 has no indicator rows');
  const period = spec.period ?? '2026-11';
  const year = period.slice(0, 4);
  const names = { ...SHEETS, ...spec.sheetNames };
  const indicators = spec.indicators ?? [];
  const tasks = spec.tasks ?? [];
  const dataKeys = (rows: Row[]) => rows.map(([k]) => k).filter((k): k is string => Boolean(k) && !(k as string).startsWith('#'));
  const listed = {
    cover: definition.cover.fields.map((f) => f.id),
    indicators: spec.listedKeys?.indicators ?? dataKeys(indicators),
    tasks: spec.listedKeys?.tasks ?? dataKeys(tasks),
  };
  const unitCode = spec.unit ?? 'CAT';
  const identityValues: Record<string, FixtureCell> = {
    da06: 'da06',
    templateId: definition.id,
    templateVersion: definition.version,
    catalogHash: CATALOG_HASH,
    unitCode,
    unitName: spec.unitName ?? 'Công an tỉnh',
    unitKind: spec.unitKind ?? 'department',
    period,
    generatedAt: '2026-11-26T00:00:00.000Z',
    'sheet.cover': SHEETS.cover,
    'sheet.indicators': withIndicators ? SHEETS.indicators : '',
    'sheet.tasks': SHEETS.tasks,
    integrity: integrityToken(DEFAULT_INTEGRITY_KEY, { templateId: definition.id, templateVersion: definition.version, unitCode, period, catalogHash: CATALOG_HASH }),
    ...spec.identity,
  };
  const identityRows: FixtureCell[][] = Object.entries(identityValues).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v]);
  identityRows.push([], ['rows', 'sheet']);
  for (const sheet of ['cover', 'indicators', 'tasks'] as const) for (const key of listed[sheet]) identityRows.push([key, sheet]);
  return {
    ...spec.workbook,
    sheets: [
      coverSheet(definition, names.cover, { ...GOOD_COVER, ...spec.cover }),
      ...(withIndicators ? [dataSheet(definition, 'indicators', names.indicators, indicators, year)] : []),
      dataSheet(definition, 'tasks', names.tasks, tasks, year),
      ...(spec.extraSheets ?? []),
      { name: SHEETS.identity, state: 'veryHidden', rows: identityRows },
    ],
  };
}

export function templateXlsx(spec: TemplateFixtureSpec = {}): Uint8Array {
  return buildXlsx(templateFixture(spec));
}

/** The address of a column of a data row written by this fixture: row index within `rows` → A1 address. */
export function at(sheet: 'indicators' | 'tasks', rowIndex: number, column: string): string {
  const col = columnIds(sheet).indexOf(column) + 2;
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${FIRST_ROW + rowIndex}`;
}

export function coverAt(field: string): string {
  return `D${COVER_FIRST_ROW + current.cover.fields.findIndex((f) => f.id === field)}`;
}
