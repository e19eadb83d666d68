// The month's summary file as `da06 report` and `da06 remind` take it: a da06 summary, of the period asked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Period } from '../period/period';
import type { SummaryFacts } from '../summary/facts';
import { readSummary } from '../summary/read';
import { nativeZipCodec } from '../node/zip-codec';
import { UsageError } from './command';

/** The facts of the summary at `path`, or a usage error saying why they cannot be used for `period`. */
export function readSummaryFile(path: string, period: Period): SummaryFacts {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new UsageError(`Không tìm thấy tệp tổng hợp "${path}".`);
  const read = readSummary(new Uint8Array(readFileSync(path)), { codec: nativeZipCodec });
  if (!read.ok) throw new UsageError(`Không dùng được ${path}: ${read.reason}.`);
  if (read.facts.period !== period.id) throw new UsageError(`${path} là báo cáo tổng hợp kỳ ${read.facts.period}, không phải kỳ ${period.id}.`);
  return read.facts;
}
