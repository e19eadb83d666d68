/// <reference types="office-js" />
// The ribbon's function command "Xóa đánh dấu": runs in the hidden function-file page, no pane needed.
import './polyfills'; // first: older engines need it before any other module runs
import { officeJsFailure } from './officejs';
import { clearHighlights } from './office/highlight';

/** Restores the fills da06 changed; always tells Office it is done, or the ribbon button stays busy. */
export async function clearHighlightsCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => clearHighlights(context));
  } catch {
    // A function command has nowhere to show an error; the pane's own button reports one.
  } finally {
    event.completed();
  }
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
}
