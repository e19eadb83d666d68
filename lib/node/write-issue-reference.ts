import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderIssueReference } from '../issues/reference';
import { packageRoot } from './seeds';

export const ISSUE_REFERENCE_PATH = join(packageRoot(), 'lib', 'issues', 'ma-loi.md');

if (require.main === module) {
  writeFileSync(ISSUE_REFERENCE_PATH, renderIssueReference(), 'utf8');
  process.stdout.write(`Đã ghi ${ISSUE_REFERENCE_PATH}\n`);
}
