/// <reference types="office-js" />
// The ribbon's function command "Xóa đánh dấu": runs in the hidden function-file page, no pane needed.
// When it cannot do its work it says so in an Office dialog, the one UI a function command has;
// the same page, opened with #thong-bao=…, is that dialog.
import './polyfills'; // first: older engines need it before any other module runs
import { officeJsFailure } from './officejs';
import { describeError } from './office/errors';
import { clearHighlights, type ClearResult } from './office/highlight';
import { runExcelRetrying } from './office/run';
import { h, notice } from './pane/dom';

const MESSAGE_HASH = '#thong-bao=';

export interface CommandFeedback {
  title: string;
  lines: string[];
}

/** What to tell the user after the ribbon's Xóa đánh dấu: null when every colour came off. */
export function clearFeedback(result: ClearResult | null, error?: unknown): CommandFeedback | null {
  if (!result) {
    return {
      title: 'Không xóa được đánh dấu',
      lines: [`Excel báo lỗi: ${describeError(error)}.`, 'Mở ngăn Kiểm tra báo cáo (tab Đề án 06) và bấm Xóa đánh dấu ở đó; nếu vẫn lỗi, lưu, đóng rồi mở lại tệp.'],
    };
  }
  if (result.refused.length === 0) return null;
  return {
    title: 'Còn ô chưa bỏ tô màu',
    lines: [
      ...result.refused.map((r) => `Trang "${r.sheet}" đang được bảo vệ và không cho phép định dạng ô, nên các ô tô màu trên trang đó được giữ nguyên.`),
      `Đã trả lại màu nền của ${result.restored} ô ở các trang khác. Người quản lý biểu mẫu có thể bật quyền "Định dạng ô" (Xem lại › Bảo vệ Trang tính), rồi bấm Xóa đánh dấu lại.`,
    ],
  };
}

/** Opens the feedback in an Office dialog; resolves once the user closes it (or at once if it cannot open). */
function showDialog(feedback: CommandFeedback): Promise<void> {
  return new Promise((resolve) => {
    try {
      const url = `${window.location.href.split('#')[0]}${MESSAGE_HASH}${encodeURIComponent(JSON.stringify(feedback))}`;
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        const close = () => {
          try {
            dialog.close();
          } catch {
            // Already closed by the user.
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, close);
      });
    } catch {
      resolve(); // no Dialog API on this host: nothing more can be shown
    }
  });
}

/**
 * Restores the fills da06 changed and says so when it could not; always tells Office it is done
 * (after the dialog closes), or the ribbon button stays busy.
 */
export async function clearHighlightsCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    let feedback: CommandFeedback | null;
    try {
      feedback = clearFeedback(await runExcelRetrying((context) => clearHighlights(context)));
    } catch (error) {
      feedback = clearFeedback(null, error);
    }
    if (feedback) await showDialog(feedback);
  } finally {
    event.completed();
  }
}

/** This page opened as the dialog: shows the message it was given (as text only) and a close button. */
function renderDialog(): void {
  let feedback: CommandFeedback;
  try {
    const parsed = JSON.parse(decodeURIComponent(window.location.hash.slice(MESSAGE_HASH.length))) as Partial<CommandFeedback>;
    if (typeof parsed.title !== 'string' || !Array.isArray(parsed.lines)) return;
    feedback = { title: parsed.title, lines: parsed.lines.map(String) };
  } catch {
    return;
  }
  document.title = 'Đề án 06';
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = 'taskpane.css';
  document.head.appendChild(style);
  const close = h('button', { type: 'button', class: 'primary', id: 'close' }, 'Đóng');
  close.addEventListener('click', () => Office.context.ui.messageParent('dong'));
  document.body.appendChild(h('main', {}, notice('warning', feedback.title, ...feedback.lines), h('div', { class: 'actions' }, close)));
}

// Older hosts look the function up by the manifest's <FunctionName> on the page's global object.
(globalThis as unknown as Record<string, unknown>).clearHighlights = clearHighlightsCommand;

const missing = officeJsFailure();
if (missing) {
  // The function file has no window of its own: the page says it (for whoever opens it to diagnose) and the console too.
  const box = document.createElement('div');
  for (const [tag, text] of [['strong', missing.title], ...missing.lines.map((line) => ['p', line])] as Array<[string, string]>) box.appendChild(document.createElement(tag)).textContent = text;
  // commands.html loads this script in <head>: the body may not exist yet.
  if (document.body) document.body.appendChild(box);
  else document.addEventListener('DOMContentLoaded', () => document.body.appendChild(box));
  console.error(`${missing.title}. ${missing.lines.join(' ')}`);
} else {
  Office.onReady(() => {
    try {
      Office.actions.associate('clearHighlights', clearHighlightsCommand);
    } catch {
      // Office.actions is missing before Office 2021; the global function above serves those.
    }
  });
  if (typeof document !== 'undefined' && window.location.hash.startsWith(MESSAGE_HASH)) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', renderDialog);
    else renderDialog();
  }
}
