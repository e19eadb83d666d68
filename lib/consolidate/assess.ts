import { sha256Hex } from '../catalog/hash';
import { DEFAULT_INTEGRITY_KEY } from '../catalog/integrity';
import type { Catalog } from '../catalog/schema';
import { renderMessage, type Issue } from '../issues/issue';
import type { ReportingRules } from '../period/config';
import type { Period } from '../period/period';
import type { ZipCodec } from '../read/zip';
import type { Roster } from '../roster/roster';
import type { TaskStatusMeaning } from '../template/schema';
import type { ReportValues } from '../validate/check';
import { validateWorkbook, type FileReport } from '../validate/validate';
import type { IntakeItem, IssueRecord } from './types';

/** One input after reading and validation: everything the merge needs, and nothing heavier. */
export interface AssessedFile {
  name: string;
  container?: string;
  size: number;
  sha256: string;
  receivedAt?: string;
  receivedAtSource: IntakeItem['receivedAtSource'];
  receivedFrom?: string;
  readable: boolean;
  blocked: boolean;
  unit?: string;
  unitName?: string;
  period?: string;
  templateVersion?: number;
  issues: IssueRecord[];
  errors: number;
  warnings: number;
  values?: ReportValues;
  /** What each task status entry means in this file's own form definition. */
  statusMeanings?: Readonly<Record<string, TaskStatusMeaning>>;
}

export interface AssessOptions {
  catalog: Catalog;
  roster: Roster;
  period: Period;
  rules?: ReportingRules;
  /** Key of the templates' integrity tokens; checked on intake (the public default when absent). */
  integrityKey?: string;
  /** SHA-256 of a file as hex; Node passes its native one (the pure-JS default serves browsers). */
  sha256?: (bytes: Uint8Array) => string;
  /** Inflate and CRC-32 for the returns' zip packages; Node passes zlib's (fflate's pure JS when absent). */
  codec?: ZipCodec;
}

function issueRecord(issue: Issue): IssueRecord {
  return { code: issue.code, severity: issue.severity, sheet: issue.sheet ?? null, cell: issue.cell ?? null, message: renderMessage(issue) };
}

/**
 * Reads, validates and fingerprints one input. Pure and self-contained, so it can run in a worker.
 * A report date typed in the workbook stands in for the receipt time when only the file time is known.
 */
export function assessFile(item: IntakeItem, options: AssessOptions): AssessedFile {
  const report: FileReport = validateWorkbook(
    item.bytes,
    {
      catalog: options.catalog,
      roster: options.roster,
      expected: { period: options.period.id },
      integrityKey: options.integrityKey ?? DEFAULT_INTEGRITY_KEY,
      ...(options.rules ? { rules: options.rules } : {}),
    },
    options.codec ? { codec: options.codec } : {},
  );
  let { receivedAt, receivedAtSource } = item;
  const reportDate = report.values?.cover.reportDate?.value;
  if ((receivedAtSource === 'fileTime' || receivedAtSource === 'unknown') && typeof reportDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reportDate)) {
    receivedAt = `${reportDate}T00:00:00+07:00`;
    receivedAtSource = 'reportDate';
  }
  return {
    name: item.name,
    ...(item.container ? { container: item.container } : {}),
    size: item.bytes.length,
    sha256: (options.sha256 ?? sha256Hex)(item.bytes),
    ...(receivedAt ? { receivedAt } : {}),
    receivedAtSource,
    ...(item.receivedFrom ? { receivedFrom: item.receivedFrom } : {}),
    readable: report.readable,
    blocked: report.blocked,
    ...(report.unit ? { unit: report.unit } : {}),
    ...(report.unitName ? { unitName: report.unitName } : {}),
    ...(report.period ? { period: report.period } : {}),
    ...(report.templateVersion ? { templateVersion: report.templateVersion } : {}),
    issues: report.issues.map(issueRecord),
    errors: report.errors,
    warnings: report.warnings,
    ...(report.values ? { values: report.values } : {}),
    ...(report.submission?.definition.tasks.statusMeanings ? { statusMeanings: report.submission.definition.tasks.statusMeanings } : {}),
  };
}
