/// <reference types="office-js" />
// "Báo cáo tháng" under Tổng hợp: the month's báo cáo (.docx) drafted in the pane by lib's one report
// step, from the consolidation just made or from the da06 summary already in the open workbook, and
// handed to the user to save, with the trends of the earlier months' summaries picked above (as
// `da06 report --history`). The docx code lives in report.js, loaded only when it can run.
import { toVietnamIso } from '../../../lib/_lib/calendar';
import type { Consolidation } from '../../../lib/consolidate/types';
import { formatDayMonthYear } from '../../../lib/period/format';
import { parseReportSettings, type ReportSettings } from '../../../lib/report/settings';
import type { ReportTrends } from '../../../lib/report/model';
import type { SummaryFacts } from '../../../lib/summary/facts';
import { bundledContext } from '../check/context';
import { describeError } from '../office/errors';
import { readOpenSummary } from '../office/read-summary';
import { runExcel } from '../office/run';
import { loadReportBundle, missingReportFeatures, ReportBundleError } from '../report/load';
import { DOCX_TYPE, saveFile } from '../report/save';
import { byId, clear, h, notice } from './dom';
import { historyNoteLines, type HistoryPicker } from './history-picker';

export interface ReportViewOptions {
  /** Office's platform (`PC`, `Mac`, `iOS`, `OfficeOnline`…): Excel for Mac and iPad lets no add-in save a file. */
  platform: () => string | undefined;
  /** Earlier months' summaries picked in the Tổng hợp section: the report's trends (as `--history`). */
  history: HistoryPicker;
}

const SETTINGS_KEY = 'da06.reportSettings';

/** Where the pane cannot draft the report: what the secretariat can do instead. */
const ALTERNATIVES =
  'Cách khác: soạn báo cáo bằng lệnh da06 report trên máy của Văn phòng Tổ công tác, từ tệp tổng hợp đã lưu (da06 report --period YYYY-MM --from tong-hop.xlsx --out bao-cao.docx); mở sổ tổng hợp này bằng Excel trên web rồi bấm Soạn báo cáo (Word); hoặc dùng Excel mới hơn (Microsoft 365, Office 2021 trở lên).';

interface PickedSettings {
  name: string;
  text: string;
}

/** The settings file last picked, kept on this machine only (it holds no secret, and saves picking it every month). */
function rememberedSettings(): PickedSettings | undefined {
  try {
    const stored = window.localStorage.getItem(SETTINGS_KEY);
    const parsed = stored ? (JSON.parse(stored) as Partial<PickedSettings>) : undefined;
    return parsed && typeof parsed.name === 'string' && typeof parsed.text === 'string' ? { name: parsed.name, text: parsed.text } : undefined;
  } catch {
    return undefined;
  }
}

function rememberSettings(picked: PickedSettings | undefined): void {
  try {
    if (picked) window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(picked));
    else window.localStorage.removeItem(SETTINGS_KEY);
  } catch {
    // Private mode or a locked-down profile: the file is simply picked again next time.
  }
}

/** `09:00 ngày 12/12/2026`, Vietnam time. */
function whenText(iso: string): string {
  const at = toVietnamIso(Date.parse(iso));
  return `${at.slice(11, 16)} ngày ${formatDayMonthYear(at.slice(0, 10))}`;
}

/** The "Báo cáo tháng" section: settings file, "Soạn báo cáo (Word)", and what came of it. */
export class ReportView {
  /** The facts of the consolidation this pane just made (the Consolidation less its Dữ liệu records). */
  private facts: SummaryFacts | undefined;
  private settingsPicked: PickedSettings | undefined;
  private readonly button = byId<HTMLButtonElement>('draft-report');
  private readonly source = byId('report-source');
  private readonly status = byId('report-status');
  private readonly result = byId('report-result');
  private readonly settingsInput = byId<HTMLInputElement>('report-settings');
  private readonly settingsSummary = byId('report-settings-summary');
  private readonly settingsClear = byId<HTMLButtonElement>('report-settings-clear');

  constructor(private readonly options: ReportViewOptions) {
    this.settingsPicked = rememberedSettings();
    this.button.addEventListener('click', () => void this.draft());
    this.settingsInput.addEventListener('change', () => void this.pickSettings(this.settingsInput.files?.[0]));
    this.settingsClear.addEventListener('click', () => {
      this.settingsPicked = undefined;
      rememberSettings(undefined);
      try {
        this.settingsInput.value = '';
      } catch {
        // IE11 may refuse; the pick is forgotten all the same.
      }
      this.showSettings();
    });
    this.showSource();
    this.showSettings();
  }

  /** After a Tổng hợp run: its consolidation (undefined while a run is under way or after one failed). */
  useConsolidation(consolidation: Consolidation | undefined): void {
    if (consolidation) {
      const { data: _data, ...facts } = consolidation;
      this.facts = facts;
    } else this.facts = undefined;
    clear(this.result);
    this.showSource();
  }

  private showSource(): void {
    this.source.textContent = this.facts
      ? `Số liệu: kết quả Tổng hợp vừa làm (${this.facts.periodLabel.toLowerCase()}).`
      : 'Số liệu: báo cáo tổng hợp da06 trong sổ đang mở (các trang do nút Tổng hợp ghi, hoặc tệp tong-hop-….xlsx do da06 tạo, mở lại trong Excel).';
  }

  private async pickSettings(file: File | undefined): Promise<void> {
    if (!file) return;
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      this.settingsPicked = undefined;
      this.showSettings();
      this.settingsSummary.classList.add('refused');
      this.settingsSummary.textContent = `Không đọc được tệp thiết lập báo cáo "${file.name}" (${describeError(error)}).`;
      return;
    }
    const picked = { name: file.name, text };
    this.settingsPicked = picked;
    // Only a file that reads is remembered for next time.
    if (parseReportSettings(text, file.name).ok) rememberSettings(picked);
    this.showSettings();
  }

  /** The settings in force: the picked file's (or its Vietnamese refusal), else lib's defaults (undefined). */
  private settings(): { settings?: ReportSettings; name?: string; refused?: string } {
    const picked = this.settingsPicked;
    if (!picked) return {};
    const parsed = parseReportSettings(picked.text, picked.name);
    return parsed.ok ? { settings: parsed.settings, name: picked.name } : { refused: parsed.message };
  }

  private showSettings(): void {
    const { name, refused } = this.settings();
    this.settingsClear.hidden = !this.settingsPicked;
    this.settingsSummary.classList.toggle('refused', Boolean(refused));
    if (refused) this.settingsSummary.textContent = refused;
    else if (name) this.settingsSummary.textContent = `Thiết lập báo cáo: "${name}" (ghi nhớ trên máy này; bấm Bỏ chọn để dùng thiết lập mặc định).`;
    else this.settingsSummary.textContent = 'Không bắt buộc. Tệp JSON như da06 report --settings: cơ quan ban hành, ký hiệu, nơi nhận, người ký (mẫu ở seeds/report-settings.json). Không chọn thì dùng thiết lập mặc định.';
  }

  private async draft(): Promise<void> {
    clear(this.result);
    this.button.disabled = true;
    try {
      await this.drafting();
    } catch (error) {
      if (error instanceof ReportBundleError) {
        this.result.append(notice('error', 'Không tải được phần soạn báo cáo', `Ngăn không tải được ${error.url}.`, 'Cán bộ CNTT: kiểm tra tệp report.js có trên máy chủ, cùng thư mục với taskpane.html (chép đủ cả thư mục của bản dựng).', ALTERNATIVES));
      } else {
        console.error(error);
        this.result.append(notice('error', 'Không soạn được báo cáo', `Lý do: ${describeError(error)}.`, ALTERNATIVES));
      }
    } finally {
      this.status.textContent = '';
      this.button.disabled = false;
    }
  }

  private async drafting(): Promise<void> {
    const platform = this.options.platform();
    if (platform === 'Mac' || platform === 'iOS') {
      this.result.append(
        notice(
          'warning',
          'Excel cho Mac và iPad chưa lưu được tệp từ phần bổ trợ',
          'Excel cài trên máy Mac, iPad không cho phần bổ trợ tải tệp xuống máy (giới hạn của Office trên các máy này), nên ngăn không lưu được tệp Word ở đây.',
          'Cách khác: mở sổ tổng hợp này bằng Excel trên web (ngay trên máy này, bằng trình duyệt) rồi bấm Soạn báo cáo (Word); hoặc soạn bằng lệnh da06 report trên máy của Văn phòng Tổ công tác.',
        ),
      );
      return;
    }
    const missing = missingReportFeatures();
    if (missing.length > 0) {
      this.result.append(
        notice(
          'warning',
          'Excel này chưa soạn được báo cáo Word',
          'Trình duyệt mà Excel này dùng để hiển thị ngăn (Internet Explorer 11 hoặc Edge bản cũ, như ở Office 2016, 2019 bản cấp phép số lượng lớn) không chạy được phần tạo tệp Word. Kiểm tra và Tổng hợp vẫn dùng được bình thường.',
          ALTERNATIVES,
          `Chi tiết cho cán bộ CNTT: trình duyệt thiếu ${missing.join(', ')}.`,
        ),
      );
      return;
    }
    const { settings, refused } = this.settings();
    if (refused) {
      this.result.append(notice('error', 'Chưa soạn báo cáo', refused, 'Sửa tệp thiết lập rồi chọn lại, hoặc bấm Bỏ chọn để dùng thiết lập mặc định.'));
      return;
    }
    this.status.textContent = 'Đang soạn báo cáo…';
    // report.js loads while the workbook is read.
    const bundle = loadReportBundle();
    bundle.catch(() => undefined);
    let facts = this.facts;
    let from = facts ? 'kết quả Tổng hợp vừa làm' : '';
    if (!facts) {
      const read = await runExcel((context) => readOpenSummary(context));
      if (!read.ok) {
        const why = read.found ? `Không dùng được báo cáo tổng hợp trong sổ: ${read.reason}.` : 'Sổ này không có trang dữ liệu ẩn mà nút Tổng hợp (hoặc lệnh da06 consolidate) ghi vào mỗi báo cáo tổng hợp.';
        this.result.append(notice('error', 'Sổ đang mở chưa có báo cáo tổng hợp da06', why, 'Bấm Tổng hợp ở trên để tổng hợp các tệp đơn vị gửi về, hoặc mở tệp tổng hợp do da06 tạo (ví dụ tong-hop-2026-11.xlsx) rồi bấm lại Soạn báo cáo (Word).'));
        return;
      }
      facts = read.facts;
      from = `báo cáo tổng hợp trong sổ đang mở (tổng hợp lúc ${whenText(facts.generatedAt)})`;
    }
    const report = await bundle;
    // The same History the Xu hướng sheet is built from, computed in report.js with lib's step (nothing of it in taskpane.js).
    const archive = await this.options.history.archive();
    let trends: ReportTrends | undefined;
    let notes: string[] = [];
    if (archive) {
      const found = report.historyForReport(facts, { facts: archive.facts, sources: archive.sources }, bundledContext().catalog);
      trends = found.trends;
      notes = historyNoteLines(found.history, archive.skipped);
    }
    const bytes = await report.draftReport(facts, { ...(settings ? { settings } : {}), ...(trends ? { trends } : {}) });
    const name = `bao-cao-${facts.period}.docx`;
    const save = () => saveFile(bytes, name, DOCX_TYPE);
    save();
    const again = h('button', { type: 'button', class: 'save-again' }, `Lưu lại tệp ${name}`);
    again.addEventListener('click', save);
    this.result.append(
      notice(
        'success',
        `Đã soạn dự thảo báo cáo ${facts.periodLabel.toLowerCase()}`,
        `Tệp ${name}: Excel (hoặc trình duyệt) hỏi nơi lưu, hoặc lưu ngay vào thư mục Tải về (Downloads) của máy. Số liệu lấy từ ${from}.`,
        'Mở bằng Word (hoặc LibreOffice Writer), đọc lại, điền số văn bản và ngày ký trước khi trình ký.',
        ...(settings ? [] : ['Lưu ý: dùng thiết lập mặc định (cơ quan ban hành, ký hiệu, nơi nhận, người ký là ví dụ); chọn tệp Thiết lập báo cáo (JSON) để thay.']),
        ...(archive ? [] : ['Chưa so sánh với các tháng trước: chọn Báo cáo tổng hợp các tháng trước ở mục Tổng hợp phía trên để thêm xu hướng.']),
      ),
      ...(notes.length > 0 ? [notice('info', 'Xu hướng các tháng', ...notes)] : []),
      h('div', { class: 'actions' }, again),
    );
  }
}
