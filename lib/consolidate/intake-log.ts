import { isBlocking } from '../issues/issue';
import type { AssessedFile } from './assess';
import type { IntakeRecord, IntakeStatus } from './types';

function statusOf(file: AssessedFile, superseded: ReadonlySet<AssessedFile>): IntakeStatus {
  if (superseded.has(file)) return 'superseded';
  if (file.blocked) return 'rejected';
  if (file.errors > 0) return 'acceptedWithErrors';
  return file.warnings > 0 ? 'acceptedWithWarnings' : 'accepted';
}

/** One record per input, in input order: what it is, what became of it, and why. */
export function intakeLog(files: readonly AssessedFile[], superseded: ReadonlySet<AssessedFile>): IntakeRecord[] {
  return files.map((file) => {
    const status = statusOf(file, superseded);
    const blocking = file.issues.find((i) => isBlocking(i));
    return {
      file: file.name,
      ...(file.container ? { container: file.container } : {}),
      sha256: file.sha256,
      size: file.size,
      status,
      ...(file.unit ? { unit: file.unit } : {}),
      ...(file.unitName ? { unitName: file.unitName } : {}),
      ...(file.period ? { period: file.period } : {}),
      ...(file.templateVersion ? { templateVersion: file.templateVersion } : {}),
      ...(file.receivedAt ? { receivedAt: file.receivedAt } : {}),
      receivedAtSource: file.receivedAtSource,
      ...(file.receivedFrom ? { receivedFrom: file.receivedFrom } : {}),
      ...(status === 'rejected' && blocking ? { reason: { code: blocking.code, message: blocking.message } } : {}),
      errors: file.errors,
      warnings: file.warnings,
      issues: file.issues,
    };
  });
}
