import { baseName, intakeInputs, parseReceipts, readReceipts, type RawInput } from '../../lib/app/intake';
import type { IntakeItem, IntakeNote } from '../../lib/consolidate/types';

/** A saved e-mail written by hand, line by line: one workbook attachment and one PDF. */
function eml(): Uint8Array {
  const lines = [
    'From: "Văn thư Sở Y tế" <vanthu@syt.thanhhoa.gov.vn>',
    'To: da06@congan.thanhhoa.gov.vn',
    'Subject: =?UTF-8?B?QsOhbyBjw6Fv?=',
    'Date: Tue, 08 Dec 2026 09:15:00 +0700',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Gửi kèm báo cáo.',
    '--b1',
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="syt.xlsx"',
    'Content-Disposition: attachment; filename="syt.xlsx"',
    'Content-Transfer-Encoding: base64',
    '',
    'UEsDBA==',
    '--b1',
    'Content-Type: application/pdf; name="phu-luc.pdf"',
    'Content-Disposition: attachment; filename="phu-luc.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERg==',
    '--b1--',
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function collect(inputs: RawInput[], options = {}): Promise<{ items: IntakeItem[]; notes: IntakeNote[] }> {
  const notes: IntakeNote[] = [];
  const items: IntakeItem[] = [];
  for await (const item of intakeInputs(inputs, notes, options)) items.push(item);
  return { items, notes };
}

const bytes = new Uint8Array([80, 75, 3, 4]);

describe('intakeInputs', () => {
  it('takes workbooks without a time of their own (left to the report date), attachments of saved e-mails with the e-mail time, and notes lock files and other attachments', async () => {
    const { items, notes } = await collect([
      { name: '/hop-thu/cat.xlsx', bytes },
      { name: '/hop-thu/thu.eml', bytes: eml() },
      { name: '/hop-thu/~$cat.xlsx', bytes: new Uint8Array([1, 2]) },
    ]);
    expect(items.map((i) => [i.name, i.receivedAt ?? null, i.receivedAtSource, i.receivedFrom ?? null])).toEqual([
      ['/hop-thu/cat.xlsx', null, 'unknown', null],
      ['/hop-thu/thu.eml › syt.xlsx', '2026-12-08T09:15:00+07:00', 'email', 'vanthu@syt.thanhhoa.gov.vn'],
    ]);
    expect(notes.map((n) => [n.name, n.note.slice(0, 20)])).toEqual([
      ['/hop-thu/thu.eml › phu-luc.pdf', expect.any(String)],
      ['/hop-thu/thu.eml', expect.any(String)],
      ['/hop-thu/~$cat.xlsx', 'Tệp khóa tạm của Exc'],
    ]);
  });

  it('takes a receipt logged for the file name, wherever the file sits', async () => {
    const receipts = new Map([['cat.xlsx', { at: '2026-12-09T16:00:00+07:00', source: 'receipts' as const }]]);
    const { items } = await collect([{ name: 'C:\\hop thu\\cat.xlsx', bytes }, { name: 'khac.xlsx', bytes }], { receipts });
    expect(items.map((i) => [i.name, i.receivedAt ?? null, i.receivedAtSource])).toEqual([
      ['C:\\hop thu\\cat.xlsx', '2026-12-09T16:00:00+07:00', 'receipts'],
      ['khac.xlsx', null, 'unknown'],
    ]);
  });

  it("prefers the receipts log's time for a saved e-mail it names over the Date header the sender's mail program wrote, and keeps the sender", async () => {
    const receipts = new Map([['thu.eml', { at: '2026-12-10T08:30:00+07:00', source: 'receipts' as const }]]);
    const { items } = await collect([{ name: '/hop-thu/thu.eml', bytes: eml() }, { name: '/khac/thu-khac.eml', bytes: eml() }], { receipts });
    expect(items.map((i) => [i.name, i.receivedAt, i.receivedAtSource, i.receivedFrom])).toEqual([
      ['/hop-thu/thu.eml › syt.xlsx', '2026-12-10T08:30:00+07:00', 'receipts', 'vanthu@syt.thanhhoa.gov.vn'],
      ['/khac/thu-khac.eml › syt.xlsx', '2026-12-08T09:15:00+07:00', 'email', 'vanthu@syt.thanhhoa.gov.vn'],
    ]);
  });
});

describe('parseReceipts', () => {
  it('reads ISO and Vietnamese times, skips the header and names the lines it cannot read', () => {
    const { receipts, problems } = parseReceipts('\uFEFFtệp;thời điểm nhận\r\nthu muc/syt.xlsx;08/12/2026 09:15\n"cat.xlsx",2026-12-09T10:00:00Z\nxa.xlsx,31/11/2026\n\nchi-ten\n');
    expect([...receipts]).toEqual([
      ['syt.xlsx', { at: '2026-12-08T09:15:00+07:00', source: 'receipts' }],
      ['cat.xlsx', { at: '2026-12-09T17:00:00+07:00', source: 'receipts' }],
    ]);
    expect(problems).toEqual(['dòng 4: thời điểm "31/11/2026" không hợp lệ', 'dòng 6: cần "tên tệp, thời điểm nhận"']);
  });
});

describe('readReceipts', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads a UTF-8 log (with or without a byte-order mark) and passes on the lines it could not read', () => {
    const read = readReceipts(utf8('\uFEFFtệp,thời điểm nhận\nbáo cáo sở y tế.xlsx,08/12/2026 09:15\nxa.xlsx,31/11/2026\n'));
    expect(read).toEqual({ ok: true, receipts: new Map([['báo cáo sở y tế.xlsx', { at: '2026-12-08T09:15:00+07:00', source: 'receipts' }]]), problems: ['dòng 3: thời điểm "31/11/2026" không hợp lệ'] });
  });

  it('refuses a log saved in the Windows code page (Excel\'s plain "CSV"): its Vietnamese names would match no file', () => {
    // "sở.xlsx" as Windows-1258 writes it: s, ơ (0xF5), combining hook above (0xD2).
    const bytes = new Uint8Array([...utf8('tệp,thời điểm\n'), 0x73, 0xf5, 0xd2, ...utf8('.xlsx,08/12/2026 09:15\n')]);
    expect(readReceipts(bytes)).toEqual({ ok: false, reason: 'tệp không phải văn bản UTF-8; trong Excel, lưu sổ bằng kiểu "CSV UTF-8"', problems: [] });
  });

  it('refuses a file that gives no receipt at all, naming the first line it could not read', () => {
    expect(readReceipts(utf8('tệp,thời điểm\nsyt.xlsx,hôm qua\n'))).toEqual({ ok: false, reason: 'không có dòng nào đọc được (dòng 2: thời điểm "hôm qua" không hợp lệ)', problems: ['dòng 2: thời điểm "hôm qua" không hợp lệ'] });
    expect(readReceipts(utf8(''))).toEqual({ ok: false, reason: 'tệp không có dòng nào dạng "tên tệp, thời điểm nhận"', problems: [] });
  });
});

describe('baseName', () => {
  it('drops folders of either kind of path', () => {
    expect([baseName('/a/b/c.xlsx'), baseName('C:\\a\\c.xlsx'), baseName('c.xlsx')]).toEqual(['c.xlsx', 'c.xlsx', 'c.xlsx']);
  });
});
