// The fake Office.js as a page script: served in place of https://appsforoffice.microsoft.com/…/office.js.
import { FakeExcel, type FakeExcelOptions } from './office';
import { renderSheetHtml } from './render';
import type { SeedWorkbook } from './state';

const page = window as unknown as Record<string, unknown>;

page.__installFakeOffice = (seed: SeedWorkbook, options: FakeExcelOptions = {}): FakeExcel => {
  const fake = new FakeExcel(seed, options);
  fake.install(page);
  page.__fakeOffice = fake;
  page.__renderSheet = (sheet: string, renderOptions?: Parameters<typeof renderSheetHtml>[2]) => renderSheetHtml(fake.state, sheet, renderOptions);
  return fake;
};
