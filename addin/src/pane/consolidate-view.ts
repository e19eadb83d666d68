/// <reference types="office-js" />
import { ConsolidationCancelledError } from '../../../lib/app/consolidate';
import { consolidationHeadline } from '../../../lib/app/headline';
import { reportingPeriodOn } from '../../../lib/app/period';
import type { Consolidation } from '../../../lib/consolidate/types';
import { createPeriod, describePeriod, type Period } from '../../../lib/period/period';
import { consolidateFiles, type PickedFile } from '../consolidate-flow';
import { EXCEL_API, type ApiSupport } from '../office/features';
import { describeError } from '../office/errors';
import { openSummaryWorkbook } from '../office/new-workbook';
import { runExcel } from '../office/run';
import { WorkbookProtectedError, WriteCancelledError, WriteFailedError, writeSummaryModel } from '../office/write-summary';
import { byId, clear, h, notice } from './dom';

export interface ConsolidateViewOptions {
  now: () => Date;
  apiSupport: ApiSupport;
}

const SECRET_KEY = 'da06.integrityKey';

/** The key stays on this machine only (never in the workbook, which travels); storage may be refused. */
function readSecret(): string {
  try {
    return window.localStorage.getItem(SECRET_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeSecret(value: string): void {
  try {
    if (value) window.localStorage.setItem(SECRET_KEY, value);
    else window.localStorage.removeItem(SECRET_KEY);
  } catch {
    // Private mode or a locked-down profile: the key is simply asked again next time.
  }
}

/** The "Tổng hợp" view: pick files, consolidate in the pane, write the summary with progress and cancel. */
export class ConsolidateView {
  private controller: AbortController | undefined;
  private readonly month = byId<HTMLSelectElement>('period-month');
  private readonly year = byId<HTMLSelectElement>('period-year');
  private readonly periodHint = byId('period-hint');
  private readonly files = byId<HTMLInputElement>('files');
  private readonly fileSummary = byId('file-summary');
  private readonly runButton = byId<HTMLButtonElement>('consolidate');
  private readonly cancelButton = byId<HTMLButtonElement>('cancel');
  private readonly progressBox = byId('progress-box');
  private readonly progress = byId<HTMLProgressElement>('progress');
  private readonly progressLabel = byId('progress-label');
  private readonly result = byId('consolidate-result');
  private readonly newWorkbook = byId<HTMLInputElement>('target-new');
  private readonly secret = byId<HTMLInputElement>('secret');
  private readonly rememberSecret = byId<HTMLInputElement>('remember-secret');

  constructor(private readonly options: ConsolidateViewOptions) {
    const current = reportingPeriodOn(options.now());
    for (let m = 1; m <= 12; m += 1) this.month.append(h('option', { value: m, selected: m === current.month }, `Tháng ${m}`));
    for (let y = current.year - 1; y <= current.year + 1; y += 1) this.year.append(h('option', { value: y, selected: y === current.year }, String(y)));
    this.month.addEventListener('change', () => this.showPeriod());
    this.year.addEventListener('change', () => this.showPeriod());
    this.files.addEventListener('change', () => this.showFiles());
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => {
      this.controller?.abort();
      this.progressLabel.textContent = 'Đang hủy…';
    });
    if (!options.apiSupport(EXCEL_API.createWorkbook)) {
      this.newWorkbook.disabled = true;
      byId('target-new-hint').textContent = 'Phiên bản Excel này chưa hỗ trợ mở sổ mới từ phần bổ trợ (cần Excel 2021, Microsoft 365 hoặc Excel trên web).';
    }
    const remembered = readSecret();
    if (remembered) {
      this.secret.value = remembered;
      this.rememberSecret.checked = true;
    }
    this.rememberSecret.addEventListener('change', () => storeSecret(this.rememberSecret.checked ? this.secret.value : ''));
    this.secret.addEventListener('change', () => {
      if (this.rememberSecret.checked) storeSecret(this.secret.value);
    });
    this.showPeriod();
    this.showFiles();
  }

  private period(): Period {
    return createPeriod(Number(this.year.value), Number(this.month.value));
  }

  private showPeriod(): void {
    const info = describePeriod(this.period());
    this.periodHint.textContent = `${info.cutoffText}. ${info.dueText}.`;
  }

  private picked(): File[] {
    return Array.from(this.files.files ?? []);
  }

  private showFiles(): void {
    const files = this.picked();
    const eml = files.filter((f) => /\.eml$/i.test(f.name)).length;
    const kinds = [files.length - eml > 0 ? `${files.length - eml} tệp Excel` : '', eml > 0 ? `${eml} thư điện tử .eml` : ''].filter(Boolean).join(', ');
    this.fileSummary.textContent = files.length === 0 ? 'Chưa chọn tệp nào. Có thể chọn nhiều tệp cùng lúc (giữ Ctrl hoặc Shift).' : `Đã chọn ${files.length} tệp: ${kinds}.`;
    this.runButton.disabled = files.length === 0;
  }

  private setProgress(done: number, total: number, label: string, from: number, to: number): void {
    this.progress.value = Math.round(from + ((to - from) * done) / Math.max(1, total));
    this.progressLabel.textContent = label;
  }

  private async run(): Promise<void> {
    const files: PickedFile[] = this.picked();
    if (files.length === 0) return;
    const controller = new AbortController();
    this.controller = controller;
    const now = this.options.now();
    const period = this.period();
    this.runButton.disabled = true;
    this.cancelButton.hidden = false;
    this.progressBox.hidden = false;
    clear(this.result);
    try {
      const { consolidation, model } = await consolidateFiles(files, {
        period,
        now,
        ...(this.secret.value ? { integrityKey: this.secret.value } : {}),
        signal: controller.signal,
        onProgress: (done, total, label) => this.setProgress(done, total, label, 0, 50),
      });
      if (this.newWorkbook.checked) {
        this.setProgress(0, 1, 'Đang mở sổ tổng hợp mới…', 50, 100);
        await openSummaryWorkbook(model, now);
        this.showResult(consolidation, 'Đã mở báo cáo tổng hợp trong một sổ mới (có thanh dữ liệu thay cho biểu đồ).');
      } else {
        const written = await runExcel((context) =>
          writeSummaryModel(context, model, {
            signal: controller.signal,
            apiSupport: this.options.apiSupport,
            onProgress: (done, total, label) => this.setProgress(done, total, label, 50, 100),
          }),
        );
        const replaced = written.replaced.length > 0 ? ` Các trang cùng tên của lần tổng hợp trước đã được thay.` : '';
        this.showResult(consolidation, `Đã ghi ${written.sheets.length} trang và ${written.charts} biểu đồ vào sổ đang mở: ${written.sheets.join(', ')}.${replaced}`);
      }
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.controller = undefined;
      this.cancelButton.hidden = true;
      this.progressBox.hidden = true;
      this.runButton.disabled = this.picked().length === 0;
    }
  }

  private showFailure(error: unknown): void {
    const leftovers = error instanceof WriteCancelledError || error instanceof WriteFailedError ? error.leftovers : [];
    const cleanUp = leftovers.length > 0 ? [`Excel không cho xóa các trang đã ghi dở: ${leftovers.map((n) => `"${n}"`).join(', ')}. Xóa các trang đó bằng tay (chuột phải vào tên trang › Xóa).`] : [];
    if (error instanceof ConsolidationCancelledError || error instanceof WriteCancelledError) {
      this.result.append(notice('info', 'Đã hủy tổng hợp', ...(cleanUp.length > 0 ? cleanUp : ['Sổ đang mở được giữ như trước khi bấm Tổng hợp.'])));
    } else if (error instanceof WorkbookProtectedError) {
      const alternative = this.newWorkbook.disabled ? 'tổng hợp trong một sổ trống (Ctrl+N)' : 'chọn "Một sổ mới" ở mục Ghi kết quả vào';
      this.result.append(notice('error', 'Sổ đang mở được bảo vệ cấu trúc', 'Sổ bật "Bảo vệ sổ làm việc" (Xem lại › Bảo vệ Sổ làm việc) nên phần bổ trợ không thêm được các trang tổng hợp; sổ được giữ nguyên.', `Tắt bảo vệ sổ rồi bấm Tổng hợp lại, hoặc ${alternative}.`));
    } else {
      const cause = error instanceof WriteFailedError ? error.cause : error;
      this.result.append(notice('error', 'Không tổng hợp được', `Lý do: ${describeError(cause)}.`, ...cleanUp, 'Nên tổng hợp trong một sổ trống (Ctrl+N). Nếu vẫn lỗi, tổng hợp các tệp bằng lệnh da06 consolidate trên máy của Văn phòng Tổ công tác.'));
    }
  }

  private showResult(c: Consolidation, written: string): void {
    const headline = consolidationHeadline(c);
    this.result.append(notice('success', headline.title, written), h('ul', { class: 'headline' }, ...headline.lines.map((line) => h('li', {}, line))));
    if (headline.rejected.length > 0) {
      this.result.append(h('div', { class: 'rejected' }, h('h2', {}, `Tệp bị từ chối (${headline.rejected.length})`), h('ul', {}, ...headline.rejected.map((r) => h('li', {}, `${r.file}: ${r.message}`)))));
    }
  }
}
