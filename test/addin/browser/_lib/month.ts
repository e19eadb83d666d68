// What the secretariat receives in a month, as the browser tests pick it: returns da06 generated and
// lib's simulator filled, and one saved e-mail with a return attached.
import { renderMessage as renderEml } from '../../../../lib/node/mime';
import { filledReturn, roster } from '../../_lib/returns';

export const MISTAKES = ['percentOver100', 'doneAt40', 'missingRequired', 'textStartingWithEquals'] as const;

/** What the secretariat receives in a month: four .xlsx returns and one e-mail with a return attached. */
export async function monthFiles(): Promise<Array<{ name: string; mimeType: string; buffer: Buffer }>> {
  const bytes = await filledReturn('SYT', { seed: 2, mistakes: [...MISTAKES] });
  const communes = roster.units.filter((u) => u.kind === 'commune').slice(0, 2).map((u) => u.code);
  return [
    { name: '2026-11_CAT_cong-an-tinh.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await filledReturn('CAT', { seed: 3 })) },
    { name: '2026-11_SYT_so-y-te.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) },
    ...(await Promise.all(communes.map(async (code, i) => ({ name: `2026-11_${code}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await filledReturn(code, { seed: 10 + i })) })))),
    {
      name: 'bao-cao-so-tai-chinh.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from(
        await renderEml({
          from: { name: 'Văn thư Sở Tài chính', address: 'vanthu@stc.thanhhoa.gov.vn' },
          to: [{ address: 'da06@congan.thanhhoa.gov.vn' }],
          subject: 'Báo cáo Đề án 06 tháng 11/2026',
          date: '2026-12-08T09:15:00+07:00',
          messageId: '<bc.stc@stc.thanhhoa.gov.vn>',
          text: 'Kính gửi Công an tỉnh, Sở Tài chính gửi báo cáo tháng 11.',
          attachments: [{ filename: '2026-11_STC.xlsx', content: await filledReturn('STC', { seed: 7 }) }],
        }),
      ),
    },
  ];
}
