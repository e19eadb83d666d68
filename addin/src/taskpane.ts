/// <reference types="office-js" />
// The task pane: two views, chosen by the ribbon button that opened it (#kiem-tra, #tong-hop) or by its tabs.
import './polyfills'; // first: older engines need it before any other module runs
import { EXCEL_API, officeApiSupport } from './office/features';
import { ConsolidateView } from './pane/consolidate-view';
import { byId, clear, notice } from './pane/dom';
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

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    stop('Hãy mở ngăn này trong Excel', 'Phần bổ trợ Đề án 06 chạy trong Excel: mở tab Đề án 06 trên thanh công cụ rồi bấm Kiểm tra báo cáo hoặc Tổng hợp.');
    return;
  }
  if (!officeApiSupport(EXCEL_API.floor)) {
    stop('Phiên bản Excel quá cũ', 'Phần bổ trợ cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web. Dùng lệnh da06 validate trên máy tính của Văn phòng Tổ công tác thay thế.');
    return;
  }
  const now = () => new Date();
  new ValidateView({ now, apiSupport: officeApiSupport, documentUrl: () => Office.context.document.url ?? '' });
  new ConsolidateView({ now, apiSupport: officeApiSupport });
  byId('tab-validate').addEventListener('click', () => show('validate'));
  byId('tab-consolidate').addEventListener('click', () => show('consolidate'));
  const route = () => show(HASHES[window.location.hash] ?? 'validate');
  window.addEventListener('hashchange', route);
  route();
});
