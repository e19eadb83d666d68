/// <reference types="office-js" />
// The task pane: two views, chosen by the ribbon button that opened it (#kiem-tra, #tong-hop) or by its tabs.
import './polyfills-pane'; // first: older engines need it before any other module runs
import { officeJsFailure } from './officejs';
import { EXCEL_API, officeApiSupport } from './office/features';
import { ConsolidateView } from './pane/consolidate-view';
import { byId, clear, notice } from './pane/dom';
import { HistoryPicker } from './pane/history-picker';
import { ReportView } from './pane/report-view';
import { ValidateView } from './pane/validate-view';

type ViewId = 'validate' | 'consolidate';
const HASHES: Record<string, ViewId> = { '#kiem-tra': 'validate', '#tong-hop': 'consolidate' };

function show(view: ViewId): void {
  for (const id of ['validate', 'consolidate'] as const) {
    byId(`view-${id}`).hidden = id !== view;
    const tab = byId(`tab-${id}`);
    tab.setAttribute('aria-selected', String(id === view));
    tab.classList.toggle('active', id === view);
  }
}

function stop(title: string, ...lines: string[]): void {
  const main = byId('main');
  clear(main);
  main.append(notice('error', title, ...lines));
}

/** Where the pane cannot run on this Excel: the alternatives a user has. */
const ALTERNATIVES = 'Thay thế: kiểm tra tệp bằng lệnh da06 validate trên máy của Văn phòng Tổ công tác, hoặc mở tệp bằng Excel trên web.';

function start(info: { host: Office.HostType | null }): void {
  if (info.host !== Office.HostType.Excel) {
    stop('Hãy mở ngăn này trong Excel', 'Phần bổ trợ Đề án 06 chạy trong Excel: mở tab Đề án 06 trên thanh công cụ rồi bấm Kiểm tra báo cáo hoặc Tổng hợp.');
    return;
  }
  if (!officeApiSupport(EXCEL_API.floor)) {
    stop('Phiên bản Excel quá cũ', `Phần bổ trợ cần ExcelApi ${EXCEL_API.floor}: Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web.`, ALTERNATIVES);
    return;
  }
  const now = () => new Date();
  new ValidateView({ now, apiSupport: officeApiSupport, documentUrl: () => Office.context.document.url ?? '' });
  const history = new HistoryPicker();
  const report = new ReportView({ platform: () => Office.context.diagnostics?.platform as unknown as string | undefined, history });
  new ConsolidateView({ now, apiSupport: officeApiSupport, history, onConsolidated: (c) => report.useConsolidation(c) });
  byId('tab-validate').addEventListener('click', () => show('validate'));
  byId('tab-consolidate').addEventListener('click', () => show('consolidate'));
  const route = () => show(HASHES[window.location.hash] ?? 'validate');
  window.addEventListener('hashchange', route);
  route();
}

const page = window as unknown as { __da06Started?: boolean; __da06Stop?: boolean };
// Every module loaded: from here on taskpane.html's start-up error handler stands aside.
page.__da06Started = true;

const missing = officeJsFailure();
if (page.__da06Stop) {
  // taskpane.html has already said that this browser is older than Internet Explorer 11.
} else if (missing) stop(missing.title, ...missing.lines);
else {
  Office.onReady((info) => {
    try {
      start(info);
    } catch (error) {
      // Something this browser lacks (taskpane.html names the oldest ones): say so instead of a half-built pane.
      console.error(error);
      stop('Phần bổ trợ không khởi động được trên Excel này', ALTERNATIVES, `Chi tiết cho cán bộ CNTT: ${(error as Error)?.message ?? String(error)}`);
    }
  });
}
