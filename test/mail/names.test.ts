import { safeFileName, senderStem, timeStamp, uniqueFileName } from '../../lib/mail/names';

describe('safeFileName', () => {
  it.each([
    ['Báo cáo tháng 11.xlsx', 'Báo cáo tháng 11.xlsx', []],
    ['../../etc/passwd', 'passwd', ['có đường dẫn thư mục']],
    ['..\\..\\Windows\\win.ini', 'win.ini', ['có đường dẫn thư mục']],
    ['bao<cao>:"11"|?*.xlsx', 'bao_cao___11____.xlsx', ['có ký tự không dùng được trong tên tệp']],
    ['a\u0000b\u001fc.xlsx', 'abc.xlsx', ['có ký tự điều khiển']],
    ['.htaccess', 'htaccess', ['bắt đầu bằng dấu chấm']],
    ['bao cao.xlsx. ', 'bao cao.xlsx', ['có dấu chấm hoặc khoảng trắng ở đầu, cuối']],
    ['CON.xlsx', '_CON.xlsx', ['trùng tên thiết bị của Windows']],
    ['..', 'tep-dinh-kem', ['bắt đầu bằng dấu chấm', 'tên rỗng']],
    ['../', 'tep-dinh-kem', ['có đường dẫn thư mục', 'tên rỗng']],
  ])('%j → %j', (raw, name, changes) => {
    expect(safeFileName(raw)).toEqual({ name, changes });
  });

  it('joins decomposed Vietnamese (NFD) into NFC and keeps a long name within the byte limit, extension kept', () => {
    expect(safeFileName('Ba\u0301o ca\u0301o.xlsx').name).toBe('Báo cáo.xlsx');
    const long = safeFileName(`${'Báo cáo Đề án 06 '.repeat(20)}.xlsx`, 100);
    expect(new TextEncoder().encode(long.name).length).toBeLessThanOrEqual(100);
    expect(long.name.endsWith('.xlsx')).toBe(true);
    expect(long.changes).toEqual(['quá dài']);
  });
});

describe('uniqueFileName, timeStamp, senderStem', () => {
  it('numbers a taken name, case-insensitively', () => {
    const taken = new Set<string>(['a.xlsx']);
    expect([uniqueFileName('A.xlsx', taken), uniqueFileName('a.xlsx', taken), uniqueFileName('b', taken)]).toEqual(['A (2).xlsx', 'a (3).xlsx', 'b']);
  });

  it('writes the received time and the sender as file-name parts', () => {
    expect(timeStamp('2026-12-08T09:15:07+07:00')).toBe('2026-12-08_091507');
    expect(timeStamp('')).toBe('khong-ro-thoi-diem');
    expect(senderStem('Văn.Thư@SYT.thanhhoa.gov.vn')).toBe('v-n.th-@syt.thanhhoa.gov.vn');
    expect(senderStem(undefined)).toBe('khong-ro-nguoi-gui');
  });
});
