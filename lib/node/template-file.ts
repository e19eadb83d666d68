import { join } from 'node:path';
import { templateFileName } from '../template/filename';
import { generateWorkbook, type GenerateWorkbookOptions } from '../template/generate';
import { writeFileAtomic } from './files';

/** Generates one unit's template and writes it atomically into `dir` under its standard name; returns the path. */
export async function writeUnitTemplate(options: GenerateWorkbookOptions, dir: string): Promise<string> {
  const bytes = await generateWorkbook(options);
  const file = join(dir, templateFileName(options.period, options.unit));
  writeFileAtomic(file, bytes);
  return file;
}
