// The fake Office.js as a page script: served in place of https://appsforoffice.microsoft.com/…/office.js.
import { FakeExcel, type FakeExcelOptions } from './office';
import { renderSheetHtml } from './render';
import type { SeedWorkbook } from './state';

const page = window as unknown as Record<string, unknown>;

/** `target`: the window the pane runs in, when the fake lives in a realm of its own (an iframe). */
page.__installFakeOffice = (seed: SeedWorkbook, options: FakeExcelOptions = {}, target: Record<string, unknown> = page): FakeExcel => {
  const fake = new FakeExcel(seed, options);
  fake.install(target);
  page.__fakeOffice = fake;
  page.__renderSheet = (sheet: string, renderOptions?: Parameters<typeof renderSheetHtml>[2]) => renderSheetHtml(fake.state, sheet, renderOptions);
  return fake;
};
