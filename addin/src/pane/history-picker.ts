// "Báo cáo tổng hợp các tháng trước": the earlier months' summaries picked once in the Tổng hợp section,
// used by Tổng hợp (the Xu hướng sheet, as `da06 consolidate --history`) and by Soạn báo cáo (the report's
// trends, as `da06 report --history`). Each file is read when picked, so a run does not read them again.
import { historyNotes } from '../../../lib/app/history';
import { monthList } from '../../../lib/history/format';
import type { History } from '../../../lib/history/types';
import { readPickedHistory, type PickedHistory } from '../consolidate-flow';
import { describeError } from '../office/errors';
import { byId, clear, h } from './dom';

/** Where the notes say the history came from, in place of the CLI's folder name. */
const PICKED = 'các tệp đã chọn';

/**
 * lib's notes on what the history used, missed and ignored, as the CLI prints them (the folder named as
 * the files picked), one sentence each.
 */
export function historyNoteLines(history: History, skipped: PickedHistory['skipped']): string[] {
  return historyNotes(history, skipped, PICKED).map((line) => line.trim());
}

/** The picker, its "Bỏ chọn" and what was found; Tổng hợp and Soạn báo cáo ask it for the summaries. */
export class HistoryPicker {
  /** The files as picked, read once; kept here: IE11 does not always let a file input be emptied. */
  private reading: Promise<PickedHistory> | undefined;
  private count = 0;
  private readonly input = byId<HTMLInputElement>('history');
  private readonly summary = byId('history-summary');
  private readonly skippedList = byId('history-skipped');
  private readonly clearButton = byId<HTMLButtonElement>('history-clear');

  constructor() {
    this.input.addEventListener('change', () => this.pick(Array.from(this.input.files ?? [])));
    this.clearButton.addEventListener('click', () => {
      try {
        this.input.value = '';
      } catch {
        // IE11 may refuse; the pick is forgotten all the same.
      }
      this.pick([]);
    });
    this.pick([]);
  }

  /** The picked summaries (and the files that are none), once read; undefined when nothing is picked. */
  archive(): Promise<PickedHistory> | undefined {
    return this.reading;
  }

  private pick(files: File[]): void {
    this.count = files.length;
    this.reading = files.length > 0 ? readPickedHistory(files) : undefined;
    void this.show(this.reading);
  }

  private async show(reading: Promise<PickedHistory> | undefined): Promise<void> {
    this.clearButton.hidden = !reading;
    this.summary.classList.remove('refused');
    clear(this.skippedList);
    this.skippedList.hidden = true;
    if (!reading) {
      this.summary.textContent =
        'Không bắt buộc. Các tệp tổng hợp của những tháng trước trong năm do da06 tạo (chọn nhiều tệp cùng lúc, như thư mục của da06 consolidate --history): thêm trang Xu hướng và biểu đồ xu hướng vào báo cáo tổng hợp, và phần so sánh với các tháng trước vào báo cáo Word.';
      return;
    }
    this.summary.textContent = `Đang đọc ${this.count} tệp…`;
    let read: PickedHistory;
    try {
      read = await reading;
    } catch (error) {
      if (reading !== this.reading) return;
      this.summary.classList.add('refused');
      this.summary.textContent = `Không đọc được các tệp đã chọn (${describeError(error)}). Chọn lại, hoặc bấm "Bỏ chọn".`;
      return;
    }
    // A later pick (or Bỏ chọn) while these files were read has the last word.
    if (reading !== this.reading) return;
    const periods = [...new Set(read.facts.map((f) => f.period))].sort();
    const found = periods.length > 0 ? `báo cáo tổng hợp ${monthList(periods)}` : 'không có tệp nào là báo cáo tổng hợp do da06 tạo';
    const skipped = read.skipped.length > 0 ? ` Bỏ qua ${read.skipped.length} tệp:` : '';
    this.summary.textContent = `Các tháng trước: ${found} (${this.count} tệp đã chọn).${skipped}`;
    for (const s of read.skipped) this.skippedList.append(h('li', {}, `${s.file}: bỏ qua, ${s.reason}.`));
    this.skippedList.hidden = read.skipped.length === 0;
  }
}
