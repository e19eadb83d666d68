// Office.js on a closed network: the build that serves Office.js from the add-in's own server, in
// headless Chromium with every other host unreachable, and what the pane and the function file say
// when Office.js cannot be loaded at all.
import { join } from 'node:path';
import { filledReturn } from '../_lib/returns';
import { seedFromXlsx } from '../fake-office/seed';
import { assertChromiumInstalled, OUTPUT, openPage, startHarness, type Harness } from './_lib/harness';

jest.setTimeout(60_000);

assertChromiumInstalled();

describe('the pane built with DA06_OFFICEJS=local', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ officeJs: 'local' });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  it("loads Microsoft's real office.js from its own origin, with every other host unreachable, and it starts", async () => {
    const { page, context, errors, requests } = await openPage(harness, { seed: { sheets: [] }, path: 'taskpane.html', officeJs: 'real' });
    // Outside Office, Office.js resolves onReady with no host: the pane asks to be opened in Excel, as the install guide says.
    await page.getByText('Hãy mở ngăn này trong Excel').waitFor();
    expect(requests.find((r) => /\/office\.js$/.test(r.url))).toEqual({ url: harness.officeJsUrl, served: true });
    expect(requests.filter((r) => r.served && !r.url.startsWith(harness.baseUrl))).toEqual([]);
    const outside = errors.filter((e) => e.startsWith('outside request refused'));
    // Office.js may try its telemetry host: refused like every other, and the pane works without it.
    expect(outside.filter((e) => !/browser\.events\.data\.microsoft\.com|\.microsoft\.com\//.test(e))).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'officejs-local.png'), fullPage: true });
    await context.close();
  });

  it('runs Kiểm tra with Office.js from its own origin and asks no other host for anything', async () => {
    const bytes = await filledReturn('SYT', { seed: 2, mistakes: ['percentOver100'] });
    const { page, context, errors, requests } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.7' }, path: 'taskpane.html#kiem-tra' });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.locator('.counts').waitFor();
    expect(await page.locator('.counts').innerText()).toContain('1 lỗi');
    expect(requests.map((r) => r.url).filter((url) => !url.startsWith(harness.baseUrl))).toEqual([]);
    expect(requests).toContainEqual({ url: harness.officeJsUrl, served: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in Vietnamese which address was blocked and what to do when Office.js cannot be loaded', async () => {
    const { page, context } = await openPage(harness, { seed: { sheets: [] }, path: 'taskpane.html#kiem-tra', officeJs: 'blocked' });
    const message = page.locator('.notice-error', { hasText: 'Không tải được Office.js' });
    await message.waitFor();
    expect(await message.innerText()).toContain(`Máy này không tải được thư viện Office.js tại ${harness.officeJsUrl}, trên máy chủ của phần bổ trợ.`);
    expect(await message.innerText()).toContain('chép đủ thư mục office-js/ của bản dựng lên máy chủ');
    expect(await page.getByRole('button', { name: 'Kiểm tra', exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'officejs-bi-chan.png'), fullPage: true });
    await context.close();
  });

  it('says the same in the function file of the ribbon command, on its page and in the console', async () => {
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [] }, path: 'commands.html', officeJs: 'blocked' });
    await page.getByText('Không tải được Office.js').waitFor();
    expect(await page.locator('body').innerText()).toContain(`Máy này không tải được thư viện Office.js tại ${harness.officeJsUrl}`);
    expect(errors).toContainEqual(expect.stringContaining('console: Không tải được Office.js.'));
    await context.close();
  });
});

describe('the pane built with Office.js from the CDN, on a network that blocks it', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  it("names Microsoft's address and offers the local build", async () => {
    const { page, context } = await openPage(harness, { seed: { sheets: [] }, path: 'taskpane.html#tong-hop', officeJs: 'blocked' });
    const message = page.locator('.notice-error', { hasText: 'Không tải được Office.js' });
    await message.waitFor();
    const text = await message.innerText();
    expect(text).toContain('Máy này không tải được thư viện Office.js của Microsoft tại https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(text).toContain('da06 addin --officejs local');
    await context.close();
  });
});
