// The forms' row heights (lib/_lib/row-height) against the real font: lib carries a table of Times New
// Roman widths because it runs in the browser; the test reads Liberation Serif (metric-compatible) itself.
import { columnTextWidth, textWidthTimes, wrappedLineCount, wrappedRowHeight } from '../../lib/_lib/row-height';
import { columnTextWidthPt, textWidthPt, wrappedLines } from '../_lib/print';
import { catalog } from '../_lib/plan';

const TEXTS = [...catalog.tasks.flatMap((t) => [t.text, t.leadText, t.deadline.text]), ...catalog.indicators.map((i) => i.text)].filter(Boolean);

describe('Times New Roman widths in lib', () => {
  it('match the font file within 0.5% on every task and indicator text of the plan, regular and bold', () => {
    for (const text of TEXTS) {
      for (const bold of [false, true]) {
        const font = { name: 'Times New Roman', size: 12, bold };
        expect(Math.abs(textWidthTimes(text, 12, bold) / textWidthPt(text, font) - 1)).toBeLessThan(0.005);
      }
    }
  });

  it('give the same wrapped line counts as the font file in the forms\' column widths', () => {
    for (const width of [10, 12, 13, 14, 20, 34, 110]) {
      expect(columnTextWidth(width)).toBe(columnTextWidthPt(width));
      for (const text of TEXTS) expect([text, wrappedLineCount(text, columnTextWidth(width), 12)]).toEqual([text, wrappedLines(text, { name: 'Times New Roman', size: 12 }, columnTextWidthPt(width))]);
    }
  });
});

describe('wrappedRowHeight', () => {
  it('takes the cell that needs most lines, at 1.3125 × the font size per line', () => {
    expect(wrappedRowHeight([{ text: 'Ngắn', width: 20, size: 12 }], 18)).toBe(19); // one line: 15.75 + 3
    const long = 'Rà soát, chuẩn hóa dữ liệu dân cư trên địa bàn; kết nối, chia sẻ với cơ sở dữ liệu chuyên ngành.';
    const lines = wrappedLineCount(long, columnTextWidth(12), 12);
    expect(lines).toBeGreaterThan(3);
    expect(wrappedRowHeight([{ text: 'Ngắn', width: 20, size: 12 }, { text: long, width: 12, size: 12 }], 18)).toBe(Math.ceil(lines * 15.75 + 3));
  });

  it('keeps the minimum and never exceeds Excel\'s 409 pt', () => {
    expect(wrappedRowHeight([], 36)).toBe(36);
    expect(wrappedRowHeight([{ text: 'chữ '.repeat(2000), width: 10, size: 12 }], 18)).toBe(409);
  });
});
