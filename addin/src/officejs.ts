// When Office.js did not load (a closed network, a filtered CDN, a folder not copied): which address
// was blocked and what to do, in place of a pane or a ribbon button that silently does nothing.

export interface OfficeJsFailure {
  title: string;
  lines: string[];
}

/** The message for this page, or null when Office.js is there. */
export function officeJsFailure(): OfficeJsFailure | null {
  if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') return null;
  const script = Array.from(document.getElementsByTagName('script')).find((s) => /(^|\/)office(\.debug)?\.js(\?|$)/.test(s.getAttribute('src') ?? ''));
  const src = script ? script.src : 'office.js';
  const own = `${window.location.protocol}//${window.location.host}/`;
  const title = 'Không tải được Office.js';
  if (src.startsWith(own)) {
    return {
      title,
      lines: [
        `Máy này không tải được thư viện Office.js tại ${src}, trên máy chủ của phần bổ trợ.`,
        'Cách khắc phục: cán bộ CNTT chép đủ thư mục office-js/ của bản dựng lên máy chủ, cùng chỗ với taskpane.html, rồi đóng và mở lại ngăn này.',
      ],
    };
  }
  return {
    title,
    lines: [
      `Máy này không tải được thư viện Office.js của Microsoft tại ${src}: mạng của cơ quan đang chặn địa chỉ này, hoặc máy không ra được Internet.`,
      'Cách khắc phục: đề nghị cán bộ CNTT cho phép truy cập appsforoffice.microsoft.com, hoặc dựng phần bổ trợ kèm sẵn Office.js trên máy chủ nội bộ (da06 addin --officejs local, xem README mục "Mạng nội bộ").',
    ],
  };
}
